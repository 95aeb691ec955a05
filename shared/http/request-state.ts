import type { MiddlewareObj, Request } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type { Principal } from '../auth/principal.ts';
import { requestCookies } from './cookies.ts';

/** Fields of a form as posted: a repeated name (checkboxes) arrives as an array. */
export type FormFields = Readonly<Record<string, string | string[]>>;

/** What the middlewares learn about one request, for the ones after them and for the handler. */
export interface HttpState {
  readonly kind: 'page' | 'api';
  readonly cookies: Readonly<Record<string, string>>;
  correlationId: string;
  cspNonce: string;
  /** The form token for this page's forms (pages only). */
  csrfToken: string;
  principal: Principal | undefined;
  /** The parsed form (pages, POST). */
  form: FormFields | undefined;
  /** The parsed JSON body (APIs, POST). */
  body: unknown;
  /** Set-Cookie values the middlewares add to whatever response goes out. */
  readonly cookiesToSet: string[];
}

export type HttpContext = Context & { readonly http: HttpState };
export type HttpEvent = APIGatewayProxyEventV2;
export type HttpResponse = APIGatewayProxyStructuredResultV2;
export type HttpRequest = Request<HttpEvent, HttpResponse, Error, HttpContext>;
export type HttpMiddleware = MiddlewareObj<HttpEvent, HttpResponse, Error, HttpContext>;

/**
 * A context of the request's own, so per-request state never lands on an object the caller may reuse;
 * the Lambda context stays reachable through the prototype.
 */
export const contextWithState = (
  context: Context | undefined,
  kind: HttpState['kind'],
  event: HttpEvent,
): HttpContext => {
  const state: HttpState = {
    kind,
    cookies: requestCookies(event),
    correlationId: '',
    cspNonce: '',
    csrfToken: '',
    principal: undefined,
    form: undefined,
    body: undefined,
    cookiesToSet: [],
  };
  return Object.assign(Object.create(context ?? null) as Context, { http: state });
};

export const methodOf = (event: HttpEvent): string =>
  event.requestContext?.http?.method?.toUpperCase() ?? 'GET';

/** Methods that change nothing; everything else must prove it came from our own form. */
export const isSafeMethod = (method: string): boolean =>
  method === 'GET' || method === 'HEAD' || method === 'OPTIONS';

/** The path and query as the browser asked for them, for return addresses. */
export const pathAndQuery = (event: HttpEvent): string =>
  `${event.rawPath ?? '/'}${event.rawQueryString ? `?${event.rawQueryString}` : ''}`;
