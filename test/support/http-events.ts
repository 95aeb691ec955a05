import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { originVerifyHeader } from '../../shared/http/origin-verify.ts';

/**
 * The origin secret of handlers built in tests: every HTTP handler requires ORIGIN_VERIFY_SECRET at load and
 * refuses a request without it in the origin header (SR-6). A test that sets its own (the local stack's) keeps
 * it; either way the events below carry whatever is set, as CloudFront would add it.
 */
export const testOriginVerifySecret = 'test-origin-verify-secret-of-at-least-32-characters';
process.env.ORIGIN_VERIFY_SECRET ??= testOriginVerifySecret;

export interface EventOptions {
  readonly headers?: Readonly<Record<string, string>>;
  /** Cookies the browser sends, by name. */
  readonly cookies?: Readonly<Record<string, string>>;
  readonly query?: Readonly<Record<string, string>>;
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** The route as declared, e.g. `GET /staff/dvpn/{id}`; defaults to `<METHOD> <path>`. */
  readonly routeKey?: string;
  readonly requestId?: string;
  /**
   * `false`: the request as the API's own address receives it, round the edge, without the origin header.
   * Otherwise it carries the header CloudFront adds (headers given here still win).
   */
  readonly throughEdge?: boolean;
}

interface RawEvent extends EventOptions {
  readonly method: string;
  readonly path: string;
  readonly body?: string;
  readonly isBase64Encoded?: boolean;
}

let requests = 0;

/** An API Gateway HTTP API (payload 2.0) event as the gateway would send it for one browser request. */
export const httpEvent = (raw: RawEvent): APIGatewayProxyEventV2 => {
  requests += 1;
  const rawQueryString = new URLSearchParams(raw.query ?? {}).toString();
  const cookies = Object.entries(raw.cookies ?? {}).map(([name, value]) => `${name}=${value}`);
  const headers: Record<string, string> = {
    host: 'localhost',
    'user-agent': 'test',
    ...(raw.throughEdge === false
      ? {}
      : { [originVerifyHeader]: process.env.ORIGIN_VERIFY_SECRET ?? testOriginVerifySecret }),
    ...raw.headers,
  };
  return {
    version: '2.0',
    routeKey: raw.routeKey ?? `${raw.method} ${raw.path}`,
    rawPath: raw.path,
    rawQueryString,
    headers,
    ...(cookies.length > 0 ? { cookies } : {}),
    ...(raw.query ? { queryStringParameters: { ...raw.query } } : {}),
    ...(raw.pathParameters ? { pathParameters: { ...raw.pathParameters } } : {}),
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: raw.method,
        path: raw.path,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'test',
      },
      requestId: raw.requestId ?? `test-request-${String(requests).padStart(6, '0')}`,
      routeKey: raw.routeKey ?? `${raw.method} ${raw.path}`,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    ...(raw.body !== undefined ? { body: raw.body } : {}),
    isBase64Encoded: raw.isBase64Encoded ?? false,
  };
};

export const getEvent = (path: string, options: EventOptions = {}): APIGatewayProxyEventV2 =>
  httpEvent({ ...options, method: 'GET', path });

/** A form POST as a browser sends it; a field given an array is repeated (checkboxes). */
export const postForm = (
  path: string,
  fields: Readonly<Record<string, string | readonly string[]>>,
  options: EventOptions & { readonly base64?: boolean } = {},
): APIGatewayProxyEventV2 => {
  const body = new URLSearchParams(
    Object.entries(fields).flatMap(([name, value]) =>
      (typeof value === 'string' ? [value] : value).map((one): [string, string] => [name, one]),
    ),
  ).toString();
  return httpEvent({
    ...options,
    method: 'POST',
    path,
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...options.headers },
    body: options.base64 ? Buffer.from(body).toString('base64') : body,
    isBase64Encoded: options.base64 ?? false,
  });
};

/** A POST with a raw body, for bodies no browser would build (malformed, oversized, wrong type). */
export const postRaw = (
  path: string,
  body: string,
  contentType: string,
  options: EventOptions = {},
): APIGatewayProxyEventV2 =>
  httpEvent({
    ...options,
    method: 'POST',
    path,
    headers: { 'content-type': contentType, ...options.headers },
    body,
  });

export const postJson = (path: string, value: unknown, options: EventOptions = {}): APIGatewayProxyEventV2 =>
  postRaw(path, JSON.stringify(value), 'application/json', options);

/** The value a response sets for a cookie (the part before the first `;`), or undefined. */
export const setCookieValue = (
  response: APIGatewayProxyStructuredResultV2,
  name: string,
): string | undefined => {
  const cookie = (response.cookies ?? []).find((one) => one.startsWith(`${name}=`));
  return cookie ? decodeURIComponent(cookie.slice(name.length + 1).split(';')[0] ?? '') : undefined;
};

/** The whole Set-Cookie line for a cookie, to check its attributes. */
export const setCookieLine = (
  response: APIGatewayProxyStructuredResultV2,
  name: string,
): string | undefined => (response.cookies ?? []).find((one) => one.startsWith(`${name}=`));

/** The CSRF token a rendered page put in its forms. */
export const formToken = (html: string): string | undefined => /name="_csrf" value="([^"]+)"/.exec(html)?.[1];

export const header = (response: APIGatewayProxyStructuredResultV2, name: string): string | undefined => {
  const entry = Object.entries(response.headers ?? {}).find(
    ([key]) => key.toLowerCase() === name.toLowerCase(),
  );
  return entry === undefined ? undefined : String(entry[1]);
};

/**
 * Visits a page to get its CSRF cookie and form token, as a browser does before posting the form.
 */
export const csrfPair = async (
  handler: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
  path: string,
  options: EventOptions = {},
): Promise<{ cookie: string; token: string }> => {
  const response = await handler(getEvent(path, options));
  const cookie = setCookieValue(response, '__Host-csrf') ?? options.cookies?.['__Host-csrf'];
  const token = formToken(response.body ?? '');
  if (!cookie || !token)
    throw new Error(`No CSRF cookie and token from GET ${path} (status ${response.statusCode})`);
  return { cookie, token };
};
