import middy from '@middy/core';
import httpHeaderNormalizer from '@middy/http-header-normalizer';
import type { Context } from 'aws-lambda';
import { sessionRevocationsFromEnvironment } from '../auth/dynamo-session-revocations.ts';
import type { Policy } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import type { SessionRevocations } from '../auth/session-revocations.ts';
import { staffTokenVerifier, type TokenVerifier } from '../auth/verify-token.ts';
import { inCorrelationScope } from '../observability/correlation.ts';
import { defaultDeniedAccessRecorder } from './audit-denied-access.ts';
import { edgeConfig } from './config.ts';
import type { DeniedAccessRecorder } from './denied-access.ts';
import { authorise } from './middleware/authorise.ts';
import { bodyLimit, defaultBodyLimitBytes } from './middleware/body-limit.ts';
import { correlationId } from './middleware/correlation-id.ts';
import { originVerification } from './middleware/origin-verify.ts';
import { responseCookies } from './middleware/response-cookies.ts';
import { contentSecurityPolicy, noStore, staticSecurityHeaders } from './middleware/security-headers.ts';
import { staffSession } from './middleware/staff-session.ts';
import {
  contextWithState,
  type HttpContext,
  type HttpEvent,
  type HttpMiddleware,
  type HttpResponse,
  type HttpState,
} from './request-state.ts';

/** Who may use a route: anyone, or signed-in staff whom the policy admits. */
export type Access = Policy | 'public';

/** On a staff route the stack guarantees a principal; on a public one there is none. */
export type PrincipalFor<A extends Access> = A extends 'public' ? undefined : Principal;

/** A Lambda handler for API Gateway HTTP API (payload 2.0) events; the local runtime calls it the same way. */
export type HttpHandler = (event: HttpEvent, context?: Context) => Promise<HttpResponse>;

export interface StackOptions<A extends Access> {
  readonly policy: A;
  /** Largest body accepted, in bytes; defaults to 64 KiB. */
  readonly bodyLimitBytes?: number;
  /**
   * Where refusals by policy are recorded; defaults to the platform audit table (TABLE_PLATFORM_AUDIT),
   * in a chain of route refusals. `auditDeniedAccess(log, { service, action })` puts them in the case's chain.
   */
  readonly deniedAccess?: DeniedAccessRecorder;
  /** Staff token verifier; defaults to the process's (AUTH_ISSUER, AUTH_AUDIENCE, AUTH_JWKS_URI). */
  readonly tokenVerifier?: TokenVerifier;
  /**
   * Signed-out sessions, asked on every staff request; defaults to the platform sessions table
   * (TABLE_PLATFORM_SESSIONS), so a service with staff routes lists `sessions` in `usesPlatform`.
   */
  readonly sessionRevocations?: SessionRevocations;
  readonly clock?: () => Date;
}

/** The fields every page and API request shares, built from the event and what the middlewares learnt. */
export const requestBasics = (event: HttpEvent, state: HttpState, clock: () => Date) => ({
  event,
  method: event.requestContext?.http?.method?.toUpperCase() ?? 'GET',
  path: event.rawPath ?? '/',
  params: Object.fromEntries(
    Object.entries(event.pathParameters ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  ) as Readonly<Record<string, string>>,
  query: Object.fromEntries(
    Object.entries(event.queryStringParameters ?? {}).filter(
      (entry): entry is [string, string] => entry[1] !== undefined,
    ),
  ) as Readonly<Record<string, string>>,
  cookies: state.cookies,
  correlationId: state.correlationId,
  now: clock(),
});

/**
 * The part of every HTTP handler that comes first and last: correlation id, security headers, no-store,
 * cookies, the error renderer (pages or JSON), header normalising, the origin check (403 for a request that
 * did not come through the edge, ORIGIN_VERIFY_SECRET) and the body limit. Read top to bottom for `before`;
 * `after` and `onError` run bottom to top, so the error renderer's response still gets the headers above it.
 */
export const outerMiddlewares = (
  errors: HttpMiddleware,
  limitBytes = defaultBodyLimitBytes,
): HttpMiddleware[] => [
  correlationId(),
  staticSecurityHeaders(),
  contentSecurityPolicy(),
  noStore(),
  responseCookies(),
  errors,
  httpHeaderNormalizer() as HttpMiddleware,
  originVerification(edgeConfig().originSecrets),
  bodyLimit(limitBytes),
];

/** Session and policy check for a staff route; nothing for a public one. */
export const accessMiddlewares = <A extends Access>(
  options: StackOptions<A>,
  acceptBearer: boolean,
  clock: () => Date,
): HttpMiddleware[] => {
  if (options.policy === 'public') return [];
  const verifier = options.tokenVerifier ?? staffTokenVerifier();
  const revocations = options.sessionRevocations ?? sessionRevocationsFromEnvironment();
  return [
    staffSession(verifier, revocations, { acceptBearer }),
    authorise(options.policy, options.deniedAccess ?? defaultDeniedAccessRecorder(), clock),
  ];
};

/** The handler's clock: the one the options give (tests), or the real one. */
export const clockOf = (options: { readonly clock?: () => Date }): (() => Date) =>
  options.clock ?? (() => new Date());

export interface StackParts<A extends Access> {
  readonly kind: HttpState['kind'];
  readonly options: StackOptions<A>;
  readonly clock: () => Date;
  /** Turns anything thrown into this kind's answer: a page or JSON. */
  readonly errors: HttpMiddleware;
  /** Staff APIs also take `Authorization: Bearer`; pages only the session cookie. */
  readonly acceptBearer: boolean;
  /** What reads the body once access is settled: the form and its CSRF check, or the JSON. */
  readonly body: readonly HttpMiddleware[];
}

/**
 * The one assembly of a page or API stack: the outer middlewares (origin check included), then the session and
 * policy for staff routes, then the body, then `core`.
 */
export const httpStack = <A extends Access>(
  parts: StackParts<A>,
  core: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse>,
): HttpHandler =>
  toHttpHandler(parts.kind, core, [
    ...outerMiddlewares(parts.errors, parts.options.bodyLimitBytes),
    ...accessMiddlewares(parts.options, parts.acceptBearer, parts.clock),
    ...parts.body,
  ]);

/**
 * The same assembly for a public route, which has no session or policy to check. It does not reach the
 * staff parts at all, so a public handler's bundle carries none of them.
 */
export const publicHttpStack = (
  parts: StackParts<'public'>,
  core: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse>,
): HttpHandler =>
  toHttpHandler(parts.kind, core, [
    ...outerMiddlewares(parts.errors, parts.options.bodyLimitBytes),
    ...parts.body,
  ]);

/** Wraps the middy stack so each call gets its own correlation scope and request state. */
export const toHttpHandler = (
  kind: HttpState['kind'],
  core: (event: HttpEvent, context: HttpContext) => Promise<HttpResponse>,
  middlewares: readonly HttpMiddleware[],
): HttpHandler => {
  const stack = middy<HttpEvent, HttpResponse, Error, HttpContext>(core).use([...middlewares]);
  return (event, context) => inCorrelationScope(() => stack(event, contextWithState(context, kind, event)));
};
