import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/** Cookies the stack itself uses. `__Host-` makes the browser refuse them unless Secure, Path=/ and host-only. */
export const cookieNames = {
  csrf: '__Host-csrf',
  session: '__Host-session',
} as const;

/**
 * API Gateway (payload 2.0) hands cookies over as `event.cookies`; a caller that only forwards the Cookie
 * header is understood too. The first value of a repeated name wins.
 */
export const requestCookies = (event: APIGatewayProxyEventV2): Readonly<Record<string, string>> => {
  const pairs =
    event.cookies ??
    (event.headers?.cookie ?? event.headers?.Cookie ?? '')
      .split(';')
      .map((pair) => pair.trim())
      .filter(Boolean);
  const cookies: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) continue;
    const name = pair.slice(0, equals).trim();
    if (name in cookies) continue;
    let value = pair.slice(equals + 1).trim();
    if (value.startsWith('"') && value.endsWith('"') && value.length >= 2) value = value.slice(1, -1);
    try {
      cookies[name] = decodeURIComponent(value);
    } catch {
      cookies[name] = value;
    }
  }
  return cookies;
};

export interface CookieOptions {
  /** Seconds until the browser drops it; omitted makes a session cookie. */
  readonly maxAgeSeconds?: number;
  /** Defaults to Lax: sent on top-level navigations from elsewhere (sign-in callbacks), never on cross-site posts. */
  readonly sameSite?: 'Lax' | 'Strict';
}

const cookieName = /^[A-Za-z0-9_-]+$/;

/** A Set-Cookie value that is always HttpOnly, Secure and Path=/, as `__Host-` cookies must be. */
export const setCookie = (name: string, value: string, options: CookieOptions = {}): string => {
  if (!cookieName.test(name.replace(/^__Host-/, ''))) throw new TypeError('Invalid cookie name');
  const attributes = [
    `${name}=${encodeURIComponent(value)}`,
    'Path=/',
    'HttpOnly',
    'Secure',
    `SameSite=${options.sameSite ?? 'Lax'}`,
  ];
  if (options.maxAgeSeconds !== undefined) attributes.push(`Max-Age=${Math.floor(options.maxAgeSeconds)}`);
  return attributes.join('; ');
};

/** Tells the browser to forget a cookie set by `setCookie`. */
export const clearCookie = (name: string): string => setCookie(name, '', { maxAgeSeconds: 0 });
