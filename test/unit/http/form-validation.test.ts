import { beforeAll, describe, expect, it } from 'vitest';
import { csrfPair, header, postForm } from '../../support/http-events.ts';
import { signedOutTestPages, type TestPages } from '../../support/http-test-pages.ts';

let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  pages = signedOutTestPages();
});

const submit = async (fields: Record<string, string | string[]>) => {
  const { cookie, token } = await csrfPair(pages.showForm, '/test/form');
  return pages.submitForm(
    postForm('/test/form', { ...fields, _csrf: token }, { cookies: { '__Host-csrf': cookie } }),
  );
};

describe('a form that fails validation is shown again (GOV.UK error summary pattern)', () => {
  it('answers 400 with the same page, not a redirect', async () => {
    const response = await submit({ fullName: '', contact: 'phone' });

    expect(response.statusCode).toBe(400);
    expect(header(response, 'content-type')).toContain('text/html');
    expect(response.body).toContain('<form method="post"');
  });

  it('the error summary links each message to its field', async () => {
    const response = await submit({ fullName: '   ' });

    expect(response.body).toContain('govuk-error-summary');
    expect(response.body).toMatch(/<a href="#fullName"[^>]*>\s*Enter your full name\s*<\/a>/);
    expect(response.body).toMatch(/<a href="#contact"[^>]*>\s*Select how we can contact you\s*<\/a>/);
  });

  it('each field shows its own message inline, and the title starts "Error:"', async () => {
    const response = await submit({ fullName: '', contact: 'phone' });

    expect(response.body).toMatch(/id="fullName-error"[\s\S]*Enter your full name/);
    expect(response.body).toMatch(/<title>Error: Your details/);
  });

  it('keeps what was typed, including every box ticked', async () => {
    const response = await submit({ fullName: 'x'.repeat(101), contact: ['phone', 'letter'] });

    expect(response.body).toContain(`value="${'x'.repeat(101)}"`);
    expect(response.body).toContain('Full name must be 100 characters or fewer');
    expect(response.body).toMatch(/value="phone" checked/);
    expect(response.body).toMatch(/value="letter" checked/);
  });

  it('what was typed is escaped, never run as markup', async () => {
    const response = await submit({ fullName: '<script>alert(1)</script>', contact: 'nonsense' });

    expect(response.body).not.toContain('<script>alert(1)</script>');
    expect(response.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('a page shown again still carries a working form token', async () => {
    const response = await submit({ fullName: '' });

    expect(response.body).toMatch(/name="_csrf" value="[A-Za-z0-9_-]{43}"/);
  });
});

describe('a valid form is handled once and answered with 303 See Other', () => {
  it('the handler gets the parsed form and the browser is sent on with a GET', async () => {
    const before = pages.submitted.length;

    const response = await submit({ fullName: '  Sam Person ', contact: 'letter' });

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/test/done');
    expect(pages.submitted.slice(before)).toEqual([{ fullName: 'Sam Person', contact: ['letter'] }]);
  });

  it('a base64-encoded form body (as API Gateway may send it) is read the same', async () => {
    const { cookie, token } = await csrfPair(pages.showForm, '/test/form');

    const response = await pages.submitForm(
      postForm(
        '/test/form',
        { fullName: 'Ana Lúcia', contact: 'phone', _csrf: token },
        { cookies: { '__Host-csrf': cookie }, base64: true },
      ),
    );

    expect(response.statusCode).toBe(303);
    expect(pages.submitted.at(-1)).toEqual({ fullName: 'Ana Lúcia', contact: ['phone'] });
  });
});
