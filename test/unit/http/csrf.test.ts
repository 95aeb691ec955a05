import { beforeAll, describe, expect, it } from 'vitest';
import { csrfTokenFor } from '../../../shared/http/middleware/csrf.ts';
import { csrfPair, getEvent, postForm, setCookieLine, setCookieValue } from '../../support/http-events.ts';
import { signedOutTestPages, type TestPages } from '../../support/http-test-pages.ts';

const secret = 'unit-test-csrf-secret-of-at-least-32-characters';
let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = secret;
  pages = signedOutTestPages();
});

const validFields = { fullName: 'Sam Person', contact: 'phone' };

describe('CSRF: signed double-submit on every POST', () => {
  it('a first page view sets a __Host- cookie that is Secure, HttpOnly, SameSite=Lax and Path=/', async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    const line = setCookieLine(response, '__Host-csrf') ?? '';
    expect(line).toMatch(/^__Host-csrf=[A-Za-z0-9_-]{43}; /);
    expect(line).toContain('Secure');
    expect(line).toContain('HttpOnly');
    expect(line).toContain('SameSite=Lax');
    expect(line).toContain('Path=/');
    expect(line).not.toContain('Domain');
  });

  it("the form token is the HMAC of the cookie, so it cannot be made without the server's key", async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    const cookie = setCookieValue(response, '__Host-csrf') ?? '';
    expect(response.body).toContain(`name="_csrf" value="${csrfTokenFor(secret, cookie)}"`);
  });

  it('a browser that already has the cookie keeps it (no new cookie per page)', async () => {
    const { cookie } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.showForm(getEvent('/test/form', { cookies: { '__Host-csrf': cookie } }));

    expect(setCookieLine(response, '__Host-csrf')).toBeUndefined();
    expect(response.body).toContain(`value="${csrfTokenFor(secret, cookie)}"`);
  });

  it('a POST with the cookie and its token goes through (303)', async () => {
    const { cookie, token } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(
      postForm('/test/form', { ...validFields, _csrf: token }, { cookies: { '__Host-csrf': cookie } }),
    );

    expect(response.statusCode).toBe(303);
  });

  it('a POST without the token is refused with 403 and the handler never runs', async () => {
    const { cookie } = await csrfPair(pages.showForm, '/test/form');
    const before = pages.submitted.length;

    const response = await pages.submitForm(
      postForm('/test/form', validFields, { cookies: { '__Host-csrf': cookie } }),
    );

    expect(response.statusCode).toBe(403);
    expect(response.body).toContain('Your form could not be sent');
    expect(pages.submitted).toHaveLength(before);
  });

  it('a POST without the cookie (a cross-site form) is refused with 403', async () => {
    const { token } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(postForm('/test/form', { ...validFields, _csrf: token }));

    expect(response.statusCode).toBe(403);
  });

  it("a token made for another browser's cookie is refused with 403", async () => {
    const mine = await csrfPair(pages.showForm, '/test/form');
    const theirs = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(
      postForm(
        '/test/form',
        { ...validFields, _csrf: theirs.token },
        { cookies: { '__Host-csrf': mine.cookie } },
      ),
    );

    expect(response.statusCode).toBe(403);
  });

  it('a token sent twice (an array) is refused with 403', async () => {
    const { cookie, token } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(
      postForm(
        '/test/form',
        { ...validFields, _csrf: [token, token] },
        { cookies: { '__Host-csrf': cookie } },
      ),
    );

    expect(response.statusCode).toBe(403);
  });
});
