import type * as z from 'zod';
import { RequestValidationError } from './errors.ts';
import { apiErrors } from './middleware/api-errors.ts';
import { parseJson } from './middleware/parse-body.ts';
import type { HttpEvent, HttpResponse, HttpState } from './request-state.ts';
import type { ApiResult } from './results.ts';
import {
  type Access,
  clockOf,
  type HttpHandler,
  httpStack,
  type PrincipalFor,
  requestBasics,
  type StackOptions,
} from './stack.ts';

export interface ApiRequest<A extends Access = Access> {
  readonly event: HttpEvent;
  readonly method: string;
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  readonly principal: PrincipalFor<A>;
  /** The parsed JSON body (methods other than GET/HEAD/OPTIONS). */
  readonly body: unknown;
  readonly correlationId: string;
  readonly now: Date;
}

export interface ApiOptions<A extends Access> extends StackOptions<A> {
  handle(request: ApiRequest<A>): ApiResult | Promise<ApiResult>;
}

export interface ValidatedApiOptions<A extends Access, S extends z.ZodType> extends StackOptions<A> {
  /** The body's schema; a body that breaks it is a 400 listing each field's problems. */
  readonly schema: S;
  handle(request: ApiRequest<A>, body: z.output<S>): ApiResult | Promise<ApiResult>;
}

const fieldErrors = (issues: readonly z.core.$ZodIssue[]): Record<string, string[]> => {
  const fields: Record<string, string[]> = {};
  for (const issue of issues) {
    const path = issue.path.map(String).join('.') || '(body)';
    fields[path] = [...(fields[path] ?? []), issue.message];
  }
  return fields;
};

const respond = (result: ApiResult): HttpResponse => ({
  statusCode: result.status,
  headers: { 'Content-Type': 'application/json; charset=utf-8' },
  body: result.body === undefined ? '' : JSON.stringify(result.body),
  ...(result.cookies.length > 0 ? { cookies: [...result.cookies] } : {}),
});

/**
 * A JSON API. The stack: correlation id, security headers, no-store, JSON errors (detail of 5xx only in the
 * log), header normalising, the origin check (403 unless the request came through the edge), body limit
 * (413), the staff session (cookie or bearer) and policy (401/403, refusals recorded), JSON parsing (400 when
 * malformed, 415 when not JSON), then schema validation (400 with field errors) and the handler. Requiring
 * a JSON body is also the CSRF defence: a page elsewhere cannot send one without CORS, which is never granted.
 */
export function apiHandler<const A extends Access, S extends z.ZodType>(
  options: ValidatedApiOptions<A, S>,
): HttpHandler;
export function apiHandler<const A extends Access>(options: ApiOptions<A>): HttpHandler;
export function apiHandler<const A extends Access, S extends z.ZodType>(
  options: ApiOptions<A> | ValidatedApiOptions<A, S>,
): HttpHandler {
  const clock = clockOf(options);

  const core = async (event: HttpEvent, context: { http: HttpState }): Promise<HttpResponse> => {
    const state = context.http;
    const request: ApiRequest<A> = {
      ...requestBasics(event, state, clock),
      principal: state.principal as PrincipalFor<A>,
      body: state.body,
    };
    if (!('schema' in options)) return respond(await options.handle(request));
    const parsed = options.schema.safeParse(state.body);
    if (!parsed.success) throw new RequestValidationError(fieldErrors(parsed.error.issues));
    return respond(await options.handle(request, parsed.data));
  };

  return httpStack(
    { kind: 'api', options, clock, errors: apiErrors(), acceptBearer: true, body: [parseJson()] },
    core,
  );
}
