import { describe, expect, it } from 'vitest';
import { cookieHeader, formBody, hiddenInputs, withSetCookies } from '../../../bench/load/browser-state.ts';

describe('Load client browser state: cookies and hidden fields kept between pages, as a browser keeps them', () => {
  it('a cookie the site sets is sent back on the next request', () => {
    const jar = withSetCookies(
      {},
      { 'Set-Cookie': ['__Host-csrf=abc; Path=/; HttpOnly; Secure; SameSite=Lax'] },
    );

    expect(cookieHeader(jar)).toBe('__Host-csrf=abc');
  });

  it('a cookie the site clears with Max-Age=0 is no longer sent (shared/http/cookies.ts clearCookie)', () => {
    const jar = { '__Host-report-journey': 'j1', '__Host-csrf': 'abc' };

    const next = withSetCookies(jar, {
      'set-cookie': '__Host-report-journey=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0',
    });

    expect(cookieHeader(next)).toBe('__Host-csrf=abc');
  });

  it('a cookie with an Expires in the past is dropped too', () => {
    const next = withSetCookies(
      { a: '1' },
      { 'set-cookie': 'a=; Expires=Thu, 01 Jan 1970 00:00:00 GMT' },
      new Date('2026-03-14T10:00:00Z'),
    );

    expect(next).toEqual({});
  });

  it('a new value replaces the one kept', () => {
    const next = withSetCookies({ a: '1', b: '2' }, { 'set-cookie': ['a=3; Path=/'] });

    expect(next).toEqual({ a: '3', b: '2' });
  });

  it('no cookies, no Cookie header', () => {
    expect(cookieHeader({})).toBeUndefined();
  });

  it("a page's hidden fields are found whatever the order of their attributes, and text inputs are not", () => {
    const html = [
      '<form method="post">',
      '<input type="hidden" name="_csrf" value="tok-1">',
      '<input value="s&amp;t" name="submissionToken" type="hidden">',
      '<input type="text" id="website" name="website" value="">',
      '</form>',
    ].join('\n');

    expect(hiddenInputs(html)).toEqual({ _csrf: 'tok-1', submissionToken: 's&t' });
  });

  it('a page without a form has no hidden fields', () => {
    expect(hiddenInputs('<main><h1>Report a crime</h1></main>')).toEqual({});
  });

  it('checkboxes post their name once per box ticked, and spaces are form-encoded', () => {
    expect(formBody({ contactMethods: ['phone', 'email'], phone: '07700 900982' })).toBe(
      'contactMethods=phone&contactMethods=email&phone=07700+900982',
    );
  });
});
