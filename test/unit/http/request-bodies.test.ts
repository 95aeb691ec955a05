import { beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from '../../../shared/auth/verify-token.ts';
import { csrfPair, httpEvent, postRaw } from '../../support/http-events.ts';
import { createTestPages, recordingDeniedAccess, type TestPages } from '../../support/http-test-pages.ts';

let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  pages = createTestPages({
    tokenVerifier: createTokenVerifier({
      issuer: 'https://issuer.invalid',
      audience: 'x',
      jwksUri: 'https://issuer.invalid/jwks',
    }),
    deniedAccess: recordingDeniedAccess(),
    bodyLimitBytes: 1024,
  });
});

describe('request body limit (413)', () => {
  it('a form body over the limit is refused with the 413 page before it is read', async () => {
    const { cookie, token } = await csrfPair(pages.showForm, '/test/form');
    const body = `_csrf=${token}&fullName=${'a'.repeat(2000)}`;

    const response = await pages.submitForm(
      postRaw('/test/form', body, 'application/x-www-form-urlencoded', {
        cookies: { '__Host-csrf': cookie },
      }),
    );

    expect(response.statusCode).toBe(413);
    expect(response.body).toContain('What you sent is too large');
  });

  it('a body declaring a length over the limit is refused without counting it', async () => {
    const response = await pages.submitForm(
      postRaw('/test/form', 'fullName=a', 'application/x-www-form-urlencoded', {
        headers: { 'content-length': '5000000' },
      }),
    );

    expect(response.statusCode).toBe(413);
  });

  it('a base64 body is measured by what it decodes to', async () => {
    const decoded = 'a'.repeat(1000);
    const event = httpEvent({
      method: 'POST',
      path: '/test/form',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(decoded).toString('base64'),
      isBase64Encoded: true,
    });

    const response = await pages.submitForm(event);

    expect(Buffer.from(decoded).toString('base64').length).toBeGreaterThan(1024);
    expect(response.statusCode).not.toBe(413);
  });

  it('an API body over the limit is refused with a JSON 413', async () => {
    const response = await pages.addNote(
      postRaw('/api/notes', JSON.stringify({ note: 'n'.repeat(2000) }), 'application/json'),
    );

    expect(response.statusCode).toBe(413);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: 'payload_too_large' });
  });
});

describe('malformed bodies (400 with what is wrong)', () => {
  it('malformed JSON is a 400 naming the problem, without echoing the body', async () => {
    const response = await pages.failingApi(
      postRaw('/api/x', '{"note": "Jane Example", }', 'application/json'),
    );

    const body = JSON.parse(response.body ?? '{}');
    expect(response.statusCode).toBe(400);
    expect(body.error).toBe('bad_request');
    expect(body.message).toMatch(/^The request body is not valid JSON/);
    expect(response.body).not.toContain('Jane');
  });

  it('an empty JSON POST is a 400 saying a body is needed', async () => {
    const response = await pages.failingApi(postRaw('/api/x', '', 'application/json'));

    expect(response.statusCode).toBe(400);
    expect(JSON.parse(response.body ?? '{}').message).toBe('The request needs a JSON body.');
  });

  it('a body that is not JSON at all is a 415', async () => {
    const response = await pages.failingApi(
      postRaw('/api/x', 'note=hello', 'application/x-www-form-urlencoded'),
    );

    expect(response.statusCode).toBe(415);
  });

  it('a form with a broken percent-escape is a 400 page saying so', async () => {
    const { cookie, token } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(
      postRaw('/test/form', `_csrf=${token}&fullName=%E0%A4%A`, 'application/x-www-form-urlencoded', {
        cookies: { '__Host-csrf': cookie },
      }),
    );

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('broken character encoding');
  });

  it('a page POST that is not a form is a 415 page', async () => {
    const response = await pages.submitForm(postRaw('/test/form', '{"fullName":"x"}', 'application/json'));

    expect(response.statusCode).toBe(415);
  });
});
