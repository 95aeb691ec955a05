import { randomBytes } from 'node:crypto';
import httpSecurityHeaders from '@middy/http-security-headers';
import type { HttpMiddleware, HttpRequest } from '../request-state.ts';

/** The headers that never vary: HSTS, nosniff, referrer, frame options, permissions, cross-origin isolation. */
export const staticSecurityHeaders = (): HttpMiddleware =>
  httpSecurityHeaders({
    // Ours carries a per-response nonce, so it is set by contentSecurityPolicy() below.
    contentSecurityPolicy: false,
    strictTransportSecurity: { maxAge: 2 * 365 * 24 * 60 * 60, includeSubDomains: true, preload: true },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginEmbedderPolicy: { policy: 'require-corp' },
    frameOptions: { action: 'deny' },
  }) as HttpMiddleware;

/**
 * Only our own scripts, styles, fonts and images; no inline code except GOV.UK's one-line class switch,
 * which carries this response's nonce. Forms post only to us; no one may frame us.
 */
export const contentSecurityPolicyHeader = (nonce: string): string =>
  [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "object-src 'none'",
  ].join('; ');

const setPolicy = (request: HttpRequest): void => {
  if (!request.response) return;
  request.response.headers = {
    ...request.response.headers,
    'Content-Security-Policy': contentSecurityPolicyHeader(request.context.http.cspNonce),
  };
};

export const contentSecurityPolicy = (): HttpMiddleware => ({
  before: (request) => {
    request.context.http.cspNonce = randomBytes(16).toString('base64');
  },
  after: setPolicy,
  onError: setPolicy,
});

const setNoStore = (request: HttpRequest): void => {
  if (!request.response) return;
  request.response.headers = { ...request.response.headers, 'Cache-Control': 'no-store' };
};

/**
 * Every dynamic response may show a case or a half-finished report; none may be kept by a browser or a
 * proxy where the next person at the computer could find it. Static assets are served elsewhere.
 */
export const noStore = (): HttpMiddleware => ({ after: setNoStore, onError: setNoStore });
