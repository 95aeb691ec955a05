import type * as z from 'zod';
import type { Policy } from '../auth/policy.ts';
import { httpConfig } from './config.ts';
import { NotFoundError } from './errors.ts';
import { validateForm } from './forms.ts';
import { csrfProtection } from './middleware/csrf.ts';
import { pageErrors } from './middleware/page-errors.ts';
import { parseForm } from './middleware/parse-body.ts';
import { renderPage } from './render-page.ts';
import {
  type FormFields,
  type HttpEvent,
  type HttpResponse,
  type HttpState,
  methodOf,
} from './request-state.ts';
import type { PageResult, ViewResult } from './results.ts';
import {
  type Access,
  clockOf,
  type HttpHandler,
  httpStack,
  type PrincipalFor,
  publicHttpStack,
  requestBasics,
  type StackOptions,
} from './stack.ts';

export interface PageRequest<A extends Access = Access> {
  readonly event: HttpEvent;
  readonly method: string;
  /** The path asked for, e.g. `/staff/notifications`. */
  readonly path: string;
  /** Path parameters of the route (`{id}` → `params.id`). */
  readonly params: Readonly<Record<string, string>>;
  readonly query: Readonly<Record<string, string>>;
  readonly cookies: Readonly<Record<string, string>>;
  /** The signed-in member of staff on a staff route; undefined on a public one. */
  readonly principal: PrincipalFor<A>;
  /** The posted fields as sent, without the CSRF field (POST only). */
  readonly form: FormFields | undefined;
  /** Already in every template as `csrfToken`; here for pages that build forms another way. */
  readonly csrfToken: string;
  readonly correlationId: string;
  readonly now: Date;
}

export interface PageOptions<A extends Access> extends StackOptions<A> {
  handle(request: PageRequest<A>): PageResult | Promise<PageResult>;
}

export interface FormPageOptions<A extends Access, S extends z.ZodType> extends StackOptions<A> {
  /** The form's schema; its messages are what the person reads. Field names are the fields' ids. */
  readonly schema: S;
  /**
   * The page to show again when the form is invalid: usually the same view the GET handler renders. The
   * stack adds `errorList` (error summary), `errors` (inline messages by field) and `values` (as typed),
   * and answers 400.
   */
  onInvalid(request: PageRequest<A>): ViewResult | Promise<ViewResult>;
  /** Called with the parsed form only when it is valid; answer with `redirect(...)` (303). */
  handle(request: PageRequest<A>, form: z.output<S>): PageResult | Promise<PageResult>;
}

const pageRequest = <A extends Access>(
  event: HttpEvent,
  state: HttpState,
  clock: () => Date,
): PageRequest<A> => ({
  ...requestBasics(event, state, clock),
  principal: state.principal as PrincipalFor<A>,
  form: state.form,
  csrfToken: state.csrfToken,
});

const respond = (event: HttpEvent, state: HttpState, result: PageResult): HttpResponse => {
  switch (result.kind) {
    case 'view':
      return renderPage(event, state, result);
    case 'redirect':
      return {
        statusCode: 303,
        headers: { Location: result.location },
        body: '',
        ...(result.cookies.length > 0 ? { cookies: [...result.cookies] } : {}),
      };
    case 'not-found':
      throw new NotFoundError();
    case 'download':
      return {
        statusCode: 200,
        headers: {
          'Content-Type': result.contentType,
          'Content-Disposition': `attachment; filename="${result.filename}"`,
        },
        ...(typeof result.body === 'string'
          ? { body: result.body }
          : { body: Buffer.from(result.body).toString('base64'), isBase64Encoded: true }),
      };
  }
};

/** What every page does once the stack has let the request in: validate a form, call the handler, answer. */
const pageCore =
  <A extends Access, S extends z.ZodType>(
    options: PageOptions<A> | FormPageOptions<A, S>,
    clock: () => Date,
  ) =>
  async (event: HttpEvent, context: { http: HttpState }): Promise<HttpResponse> => {
    const state = context.http;
    const request = pageRequest<A>(event, state, clock);
    if (!('schema' in options)) return respond(event, state, await options.handle(request));

    if (methodOf(event) !== 'POST') throw new NotFoundError();
    const validation = validateForm(options.schema, state.form ?? {});
    if (validation.success) return respond(event, state, await options.handle(request, validation.data));
    const page = await options.onInvalid(request);
    return renderPage(event, state, {
      ...page,
      status: 400,
      context: {
        ...page.context,
        errorList: validation.errorList,
        errors: validation.errors,
        values: validation.values,
      },
    });
  };

/** A page's stack parts: pages render their errors, read forms and check the CSRF token. */
const pageParts = <A extends Access>(options: StackOptions<A>, clock: () => Date) => ({
  kind: 'page' as const,
  options,
  clock,
  errors: pageErrors(),
  acceptBearer: false,
  body: [parseForm(), csrfProtection(httpConfig().csrfSecret)],
});

/**
 * A staff page. The stack, top to bottom: correlation id, security headers (CSP with a nonce), no-store,
 * cookies, error pages, header normalising, the origin check (403 unless the request came through the
 * edge), body limit (413), the staff session and policy (303 to sign-in or 401; 403 recorded), form parsing
 * (400 when broken), CSRF (403), then validation (400 with the page shown again) and the handler.
 */
export function pageHandler<const A extends Policy, S extends z.ZodType>(
  options: FormPageOptions<A, S>,
): HttpHandler;
export function pageHandler<const A extends Policy>(options: PageOptions<A>): HttpHandler;
export function pageHandler<const A extends Policy, S extends z.ZodType>(
  options: PageOptions<A> | FormPageOptions<A, S>,
): HttpHandler {
  const clock = clockOf(options);
  return httpStack(pageParts(options, clock), pageCore(options, clock));
}

/**
 * A public page: the staff page's stack without the session and policy, which a member of the public never
 * has. Nothing of sign-in is in its bundle (token verification, the sessions and audit tables), so the
 * pages a frightened person opens first start fast.
 */
export function publicPageHandler<S extends z.ZodType>(options: FormPageOptions<'public', S>): HttpHandler;
export function publicPageHandler(options: PageOptions<'public'>): HttpHandler;
export function publicPageHandler<S extends z.ZodType>(
  options: PageOptions<'public'> | FormPageOptions<'public', S>,
): HttpHandler {
  const clock = clockOf(options);
  return publicHttpStack(pageParts(options, clock), pageCore(options, clock));
}
