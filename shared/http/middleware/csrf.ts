import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { cookieNames, setCookie } from '../cookies.ts';
import { CsrfTokenError } from '../errors.ts';
import { type HttpMiddleware, isSafeMethod, methodOf } from '../request-state.ts';

/** The form field every POST carries. */
export const csrfField = '_csrf';

const cookieValue = /^[A-Za-z0-9_-]{43}$/;

/** The form token is the HMAC of the cookie: a page from elsewhere can neither read the cookie nor forge it. */
export const csrfTokenFor = (secret: string, cookie: string): string =>
  createHmac('sha256', secret).update(cookie).digest('base64url');

const tokensMatch = (expected: string, sent: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(sent);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Signed double-submit. A page view sets a random `__Host-csrf` cookie when there is none and gives its
 * forms the HMAC of it; every other method must send that HMAC as `_csrf`, or it is refused (403). The
 * field is then removed so it is neither validated nor echoed back.
 */
export const csrfProtection = (secret: string): HttpMiddleware => ({
  before: (request) => {
    const state = request.context.http;
    const existing = state.cookies[cookieNames.csrf];
    const hasCookie = typeof existing === 'string' && cookieValue.test(existing);
    if (isSafeMethod(methodOf(request.event))) {
      const cookie = hasCookie ? existing : randomBytes(32).toString('base64url');
      if (!hasCookie) state.cookiesToSet.push(setCookie(cookieNames.csrf, cookie));
      state.csrfToken = csrfTokenFor(secret, cookie);
      return;
    }
    if (!hasCookie) throw new CsrfTokenError('no csrf cookie');
    const expected = csrfTokenFor(secret, existing);
    const { [csrfField]: sent, ...rest } = state.form ?? {};
    if (typeof sent !== 'string' || !tokensMatch(expected, sent))
      throw new CsrfTokenError('csrf token mismatch');
    state.form = rest;
    state.csrfToken = expected;
  },
});
