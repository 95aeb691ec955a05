import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { HttpMethod } from '../../shared/manifest/define-service.ts';
import { localAccountId } from './emulators.ts';
import {
  describeError,
  errorStack,
  type HandlerLoader,
  type LocalFunction,
  type LocalService,
  lambdaContext,
  localFunction,
} from './handlers.ts';

type Segment =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'parameter'; readonly name: string }
  | { readonly kind: 'greedy'; readonly name: string };

export interface LocalRoute {
  readonly method: HttpMethod;
  readonly path: string;
  /** As API Gateway writes it: `GET /staff/dvpn/{id}`. */
  readonly routeKey: string;
  readonly fn: LocalFunction;
  readonly segments: readonly Segment[];
}

const parseSegments = (path: string): Segment[] =>
  path
    .split('/')
    .slice(1)
    .map((part): Segment => {
      const greedy = /^\{(.+)\+\}$/.exec(part);
      if (greedy?.[1]) return { kind: 'greedy', name: greedy[1] };
      const parameter = /^\{(.+)\}$/.exec(part);
      if (parameter?.[1]) return { kind: 'parameter', name: parameter[1] };
      return { kind: 'literal', value: part };
    });

export const compileRoutes = (services: readonly LocalService[]): LocalRoute[] =>
  services.flatMap((service) =>
    service.manifest.routes.map((route) => ({
      method: route.method,
      path: route.path,
      routeKey: `${route.method} ${route.path}`,
      fn: localFunction(service, route.handler),
      segments: parseSegments(route.path),
    })),
  );

export interface RouteMatch {
  readonly route: LocalRoute;
  readonly pathParameters: Readonly<Record<string, string>>;
}

/** A path segment that is not valid percent-encoding: API Gateway answers 400 before any handler runs. */
export class MalformedPathError extends Error {
  constructor() {
    super('The request path is not valid percent-encoding.');
    this.name = 'MalformedPathError';
  }
}

const decodeSegments = (rawPath: string): string[] => {
  try {
    return rawPath
      .split('/')
      .slice(1)
      .map((part) => decodeURIComponent(part));
  } catch {
    throw new MalformedPathError();
  }
};

const matchSegments = (route: LocalRoute, parts: readonly string[]): Record<string, string> | undefined => {
  const parameters: Record<string, string> = {};
  for (const [index, segment] of route.segments.entries()) {
    if (segment.kind === 'greedy') {
      const rest = parts.slice(index).join('/');
      if (rest === '') return undefined;
      parameters[segment.name] = rest;
      return parameters;
    }
    const part = parts[index];
    if (part === undefined) return undefined;
    if (segment.kind === 'literal' && segment.value !== part) return undefined;
    if (segment.kind === 'parameter') {
      if (part === '') return undefined;
      parameters[segment.name] = part;
    }
  }
  return parts.length === route.segments.length ? parameters : undefined;
};

const segmentRank = { literal: 3, parameter: 2, greedy: 1 } as const;

/** Negative when `a` is the more specific route, as API Gateway prefers it. */
const bySpecificity = (a: LocalRoute, b: LocalRoute): number => {
  const length = Math.max(a.segments.length, b.segments.length);
  for (let index = 0; index < length; index += 1) {
    const left = a.segments[index];
    const right = b.segments[index];
    const difference = (right ? segmentRank[right.kind] : 0) - (left ? segmentRank[left.kind] : 0);
    if (difference !== 0) return difference;
  }
  return (a.method === 'ANY' ? 1 : 0) - (b.method === 'ANY' ? 1 : 0);
};

/**
 * Picks the route API Gateway (HTTP API) would: among routes whose method matches (ANY matches every method),
 * an exact path beats a `{parameter}`, which beats a greedy `{proxy+}`; an explicit method beats ANY.
 */
export const matchRoute = (
  routes: readonly LocalRoute[],
  method: string,
  rawPath: string,
): RouteMatch | undefined => {
  const parts = decodeSegments(rawPath);
  let best: RouteMatch | undefined;
  for (const route of routes) {
    if (route.method !== 'ANY' && route.method !== method) continue;
    const pathParameters = matchSegments(route, parts);
    if (!pathParameters) continue;
    if (!best || bySpecificity(route, best.route) < 0) best = { route, pathParameters };
  }
  return best;
};

const textContentType =
  /^(text\/|application\/(json|xml|javascript|x-www-form-urlencoded|[\w.+-]+\+(json|xml))\b)/i;

/** API Gateway passes text bodies as they are and base64-encodes everything else (multipart uploads, images). */
export const isTextBody = (contentType: string | undefined): boolean =>
  contentType !== undefined && textContentType.test(contentType.trim());

export interface IncomingRequest {
  readonly method: string;
  /** Path and query as the client sent them, e.g. `/staff/dvpn/12?tab=notes`. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly sourceIp: string;
  readonly port: number;
}

const clfMonths = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** API Gateway's `requestContext.time`, e.g. `12/Mar/2020:19:03:58 +0000`. */
const requestTime = (at: Date): string => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getUTCDate())}/${clfMonths[at.getUTCMonth()]}/${at.getUTCFullYear()}:${two(at.getUTCHours())}:${two(at.getUTCMinutes())}:${two(at.getUTCSeconds())} +0000`;
};

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value.join(',') : value;

const queryParameters = (rawQueryString: string): Record<string, string> | undefined => {
  if (rawQueryString === '') return undefined;
  const parameters: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(rawQueryString)) {
    // API Gateway joins repeated parameters with commas.
    parameters[name] = name in parameters ? `${parameters[name]},${value}` : value;
  }
  return parameters;
};

/** The payload format 2.0 event API Gateway (HTTP API) would hand the route's Lambda. */
export const toApiGatewayEvent = (
  request: IncomingRequest,
  match: RouteMatch,
  requestId: string,
  now: Date = new Date(),
): APIGatewayProxyEventV2 => {
  const queryAt = request.url.indexOf('?');
  const rawPath = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const rawQueryString = queryAt === -1 ? '' : request.url.slice(queryAt + 1);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    const joined = headerValue(value);
    // Payload 2.0 moves cookies out of the headers into `cookies`.
    if (joined !== undefined && name !== 'cookie') headers[name.toLowerCase()] = joined;
  }
  headers['x-forwarded-for'] = headers['x-forwarded-for']
    ? `${headers['x-forwarded-for']}, ${request.sourceIp}`
    : request.sourceIp;
  headers['x-forwarded-proto'] = 'http';
  headers['x-forwarded-port'] = String(request.port);
  const cookieHeader = headerValue(request.headers.cookie);
  const cookies = cookieHeader
    ?.split(';')
    .map((cookie) => cookie.trim())
    .filter(Boolean);
  const hasBody = request.body.length > 0;
  const text = isTextBody(headers['content-type']);
  const queryStringParameters = queryParameters(rawQueryString);
  const pathParameters =
    Object.keys(match.pathParameters).length > 0 ? { ...match.pathParameters } : undefined;
  return {
    version: '2.0',
    routeKey: match.route.routeKey,
    rawPath,
    rawQueryString,
    ...(cookies && cookies.length > 0 ? { cookies } : {}),
    headers,
    ...(queryStringParameters ? { queryStringParameters } : {}),
    requestContext: {
      accountId: localAccountId,
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: (headers.host ?? 'localhost').split('.')[0]?.split(':')[0] ?? 'localhost',
      http: {
        method: request.method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: request.sourceIp,
        userAgent: headers['user-agent'] ?? '',
      },
      requestId,
      routeKey: match.route.routeKey,
      stage: '$default',
      time: requestTime(now),
      timeEpoch: now.getTime(),
    },
    ...(pathParameters ? { pathParameters } : {}),
    ...(hasBody ? { body: text ? request.body.toString('utf8') : request.body.toString('base64') } : {}),
    isBase64Encoded: hasBody && !text,
  };
};

const HeaderValue = z.union([z.string(), z.number(), z.boolean()]);

/** What a route handler may return under payload format 2.0 when it sets the status itself. */
const StructuredResult = z.object({
  statusCode: z.number().int().min(100).max(599),
  headers: z.record(z.string(), HeaderValue).optional(),
  multiValueHeaders: z.record(z.string(), z.array(HeaderValue)).optional(),
  cookies: z.array(z.string()).optional(),
  body: z.string().optional(),
  isBase64Encoded: z.boolean().optional(),
});
type StructuredResult = z.infer<typeof StructuredResult>;

/** A handler returned something API Gateway could not turn into a response. */
export class InvalidHandlerResultError extends Error {
  constructor(issues: string) {
    super(`The handler returned an invalid response: ${issues}`);
    this.name = 'InvalidHandlerResultError';
  }
}

/**
 * API Gateway's reading of a handler's return value: a result with `statusCode` is taken as it is; anything
 * else is sent as a 200 JSON body.
 */
export const toStructuredResult = (result: unknown): StructuredResult => {
  if (typeof result === 'object' && result !== null && 'statusCode' in result) {
    const parsed = StructuredResult.safeParse(result);
    if (!parsed.success) {
      throw new InvalidHandlerResultError(
        parsed.error.issues.map((issue) => issue.path.join('.')).join(', '),
      );
    }
    return parsed.data;
  }
  return {
    statusCode: 200,
    headers: { 'content-type': 'application/json' },
    body: typeof result === 'string' ? result : (JSON.stringify(result) ?? ''),
  };
};

export const writeResult = (response: ServerResponse, result: StructuredResult, requestId: string): void => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, values] of Object.entries(result.multiValueHeaders ?? {})) {
    headers[name.toLowerCase()] = values.map(String);
  }
  for (const [name, value] of Object.entries(result.headers ?? {})) {
    headers[name.toLowerCase()] = String(value);
  }
  if (result.cookies && result.cookies.length > 0) {
    const existing = headers['set-cookie'];
    headers['set-cookie'] = [...(existing === undefined ? [] : [existing].flat()), ...result.cookies];
  }
  headers['apigw-requestid'] = requestId;
  const body =
    result.body === undefined
      ? Buffer.alloc(0)
      : Buffer.from(result.body, result.isBase64Encoded ? 'base64' : 'utf8');
  response.writeHead(result.statusCode, { ...headers, 'content-length': String(body.length) });
  response.end(body);
};

const genericErrorPage = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Sorry, there is a problem with the service</title></head>
<body><main><h1>Sorry, there is a problem with the service</h1><p>Try again later.</p></main></body></html>
`;

/** What API Gateway sends when the integration fails; a browser gets a plain page instead of JSON. */
export const internalServerError = (accept: string | undefined): StructuredResult =>
  accept?.includes('text/html')
    ? {
        statusCode: 500,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
        body: genericErrorPage,
      }
    : {
        statusCode: 500,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ message: 'Internal Server Error' }),
      };

export const notFound = (): StructuredResult => ({
  statusCode: 404,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ message: 'Not Found' }),
});

export interface RouteDispatcherOptions {
  readonly routes: readonly LocalRoute[];
  readonly loadHandler: HandlerLoader;
  readonly log: (line: string) => void;
  /** How long a route's Lambda may run, as its context reports; API Gateway gives up after 30 s. */
  readonly timeoutMs?: number;
}

/** Turns a request into the route's event, calls the real handler and writes what it returns. */
export const createRouteDispatcher =
  (options: RouteDispatcherOptions) =>
  async (request: IncomingRequest, response: ServerResponse): Promise<void> => {
    const requestId = randomUUID();
    const started = performance.now();
    const queryAt = request.url.indexOf('?');
    let match: RouteMatch | undefined;
    try {
      match = matchRoute(
        options.routes,
        request.method,
        queryAt === -1 ? request.url : request.url.slice(0, queryAt),
      );
    } catch (error) {
      if (!(error instanceof MalformedPathError)) throw error;
      writeResult(response, { statusCode: 400, body: JSON.stringify({ message: 'Bad Request' }) }, requestId);
      return;
    }
    if (!match) {
      writeResult(response, notFound(), requestId);
      return;
    }
    let result: StructuredResult;
    try {
      const handler = await options.loadHandler(match.route.fn);
      const event = toApiGatewayEvent(request, match, requestId);
      result = toStructuredResult(
        await handler(event as never, lambdaContext(match.route.fn, options.timeoutMs ?? 30_000, requestId)),
      );
    } catch (error) {
      options.log(`[http] ${match.route.routeKey} failed (request id ${requestId}): ${describeError(error)}`);
      const stack = errorStack(error);
      if (stack) options.log(stack);
      result = internalServerError(headerValue(request.headers.accept));
    }
    writeResult(response, result, requestId);
    options.log(
      `[http] ${match.route.routeKey} ${result.statusCode} ${Math.round(performance.now() - started)} ms`,
    );
  };
