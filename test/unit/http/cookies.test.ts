import { describe, expect, it } from 'vitest';
import { clearCookie, requestCookies, setCookie } from '../../../shared/http/cookies.ts';
import { getEvent } from '../../support/http-events.ts';

describe('cookies', () => {
  it('are read from event.cookies (payload 2.0)', () => {
    const event = { ...getEvent('/'), cookies: ['__Host-session=abc.def', 'other=1'] };

    expect(requestCookies(event)).toEqual({ '__Host-session': 'abc.def', other: '1' });
  });

  it('are read from a Cookie header when a caller forwards only that', () => {
    const event = getEvent('/', { headers: { cookie: 'a=1; b=two%20words' } });

    expect(requestCookies(event)).toEqual({ a: '1', b: 'two words' });
  });

  it('the first of a repeated name wins, so a later injected one cannot override it', () => {
    const event = { ...getEvent('/'), cookies: ['__Host-csrf=first', '__Host-csrf=second'] };

    expect(requestCookies(event)['__Host-csrf']).toBe('first');
  });

  it('are always set HttpOnly, Secure, SameSite=Lax and Path=/', () => {
    expect(setCookie('__Host-session', 'token')).toBe(
      '__Host-session=token; Path=/; HttpOnly; Secure; SameSite=Lax',
    );
  });

  it('are cleared with an empty value and Max-Age=0', () => {
    expect(clearCookie('__Host-session')).toContain(
      '__Host-session=; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=0',
    );
  });
});
