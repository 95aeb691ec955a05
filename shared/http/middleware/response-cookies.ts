import type { HttpMiddleware, HttpRequest } from '../request-state.ts';

const addCookies = (request: HttpRequest): void => {
  const cookies = request.context.http.cookiesToSet;
  if (!request.response || cookies.length === 0) return;
  request.response.cookies = [...(request.response.cookies ?? []), ...cookies];
};

/** Cookies the middlewares decided on (the CSRF cookie, clearing a dead session) go out with any response. */
export const responseCookies = (): HttpMiddleware => ({ after: addCookies, onError: addCookies });
