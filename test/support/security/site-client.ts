import { randomBytes } from 'node:crypto';
import { sessionCookieName } from '../../../infra/local/dev-identity-provider.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { cookieNames } from '../../../shared/http/cookies.ts';
import { csrfField, csrfTokenFor } from '../../../shared/http/middleware/csrf.ts';

/** One answer from the running site, as a browser sees it (redirects are not followed). */
export interface SiteResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  readonly setCookies: readonly string[];
}

export interface SiteRequest {
  readonly method: string;
  readonly path: string;
  readonly cookies?: Readonly<Record<string, string>>;
  readonly headers?: Readonly<Record<string, string>>;
  /** Sent as it is, with `contentType`. */
  readonly body?: string | Uint8Array | FormData;
  readonly contentType?: string;
}

/** Sends one request to the local runtime's web server, through its router, as a browser would. */
export const send = async (runtime: LocalRuntime, request: SiteRequest): Promise<SiteResponse> => {
  const cookie = Object.entries(request.cookies ?? {})
    .map(([name, value]) => `${name}=${value}`)
    .join('; ');
  const headers: Record<string, string> = { accept: 'text/html', ...request.headers };
  if (cookie) headers.cookie = cookie;
  if (request.contentType) headers['content-type'] = request.contentType;
  const response = await fetch(`${runtime.url}${request.path}`, {
    method: request.method,
    headers,
    redirect: 'manual',
    ...(request.body !== undefined ? { body: request.body as NonNullable<RequestInit['body']> } : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: await response.text(),
    setCookies: response.headers.getSetCookie(),
  };
};

/** A signed double-submit pair as a page view hands it out: the `__Host-csrf` cookie and the form's `_csrf`. */
export interface CsrfPair {
  readonly cookie: string;
  readonly token: string;
}

/**
 * A pair the site would accept, made with the runtime's own secret: what any page of the site gives a browser
 * before it posts (`csrf.test.ts` also gets one the browser's way, from a rendered form).
 */
export const csrfPairFor = (runtime: LocalRuntime): CsrfPair => {
  const cookie = randomBytes(32).toString('base64url');
  return { cookie, token: csrfTokenFor(runtime.environment.CSRF_SECRET ?? '', cookie) };
};

export const sessionCookies = (token: string | undefined): Record<string, string> =>
  token === undefined ? {} : { [sessionCookieName]: token };

export interface FormPostOptions {
  readonly session?: string;
  /** The double-submit pair to send; none when undefined. */
  readonly csrf?: CsrfPair;
  readonly fields?: Readonly<Record<string, string | readonly string[]>>;
  readonly headers?: Readonly<Record<string, string>>;
}

export const urlEncoded = (fields: Readonly<Record<string, string | readonly string[]>>): string =>
  new URLSearchParams(
    Object.entries(fields).flatMap(([name, value]) =>
      (typeof value === 'string' ? [value] : value).map((one): [string, string] => [name, one]),
    ),
  ).toString();

/**
 * A form POST, urlencoded as a browser sends it; when the route only takes multipart (a file upload form,
 * answering 415 to urlencoded) the same fields go as multipart/form-data, as the browser would send them there.
 */
export const postForm = async (
  runtime: LocalRuntime,
  path: string,
  options: FormPostOptions,
): Promise<SiteResponse> => {
  const fields = { ...(options.csrf ? { [csrfField]: options.csrf.token } : {}), ...options.fields };
  const cookies = {
    ...sessionCookies(options.session),
    ...(options.csrf ? { [cookieNames.csrf]: options.csrf.cookie } : {}),
  };
  const first = await send(runtime, {
    method: 'POST',
    path,
    cookies,
    ...(options.headers ? { headers: options.headers } : {}),
    contentType: 'application/x-www-form-urlencoded',
    body: urlEncoded(fields),
  });
  if (first.status !== 415) return first;
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) {
    for (const one of typeof value === 'string' ? [value] : value) form.append(name, one);
  }
  return send(runtime, {
    method: 'POST',
    path,
    cookies,
    ...(options.headers ? { headers: options.headers } : {}),
    body: form,
  });
};

/** A JSON body to an API route, signed in with the session cookie (APIs take the cookie or a bearer token). */
export const postJson = (
  runtime: LocalRuntime,
  path: string,
  value: unknown,
  session: string | undefined,
): Promise<SiteResponse> =>
  send(runtime, {
    method: 'POST',
    path,
    cookies: sessionCookies(session),
    headers: { accept: 'application/json' },
    contentType: 'application/json',
    body: JSON.stringify(value),
  });

/** Runs `work` over `items` with at most `limit` in flight, keeping the order of the results. */
export const mapWithConcurrency = async <T, R>(
  items: readonly T[],
  limit: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> => {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
};
