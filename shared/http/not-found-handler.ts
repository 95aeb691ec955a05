import { NotFoundError } from './errors.ts';
import { apiErrors } from './middleware/api-errors.ts';
import { pageErrors } from './middleware/page-errors.ts';
import type { HttpEvent, HttpMiddleware } from './request-state.ts';
import { type HttpHandler, outerMiddlewares, toHttpHandler } from './stack.ts';

/** A caller that asked for JSON (or an API path) gets a JSON 404; a browser gets the page. */
const wantsJson = (event: HttpEvent): boolean => {
  const accept = event.headers?.accept ?? '';
  return (
    (event.rawPath ?? '').startsWith('/api/') ||
    (accept.includes('application/json') && !accept.includes('text/html'))
  );
};

const negotiatedErrors = (): HttpMiddleware => {
  const page = pageErrors();
  const api = apiErrors();
  return { onError: (request) => (wantsJson(request.event) ? api : page).onError?.(request) };
};

/**
 * The answer for any address no route claims, whatever the method. It reads no body and checks no form
 * token: there is nothing here to protect, and a stray POST should learn "not found", not "forbidden".
 */
export const notFoundHandler = (): HttpHandler =>
  toHttpHandler(
    'page',
    async () => {
      throw new NotFoundError();
    },
    outerMiddlewares(negotiatedErrors()),
  );
