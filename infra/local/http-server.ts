import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { DevIdentityProvider } from './dev-identity-provider.ts';
import { forwardedByEdge, notForwarded } from './edge.ts';
import { LocalRuntimeError } from './errors.ts';
import { describeError } from './handlers.ts';
import type { IncomingRequest } from './router.ts';
import { type StaticAssets, serveStaticFile } from './static-files.ts';

/** API Gateway HTTP APIs refuse bodies over 10 MB; the handlers enforce the application's own, smaller limits. */
export const maximumBodyBytes = 10 * 1024 * 1024;

class BodyTooLargeError extends Error {
  constructor() {
    super('Request body too large');
    this.name = 'BodyTooLargeError';
  }
}

const readBody = (request: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const declared = Number(request.headers['content-length'] ?? 0);
    if (declared > maximumBodyBytes) {
      reject(new BodyTooLargeError());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maximumBodyBytes) {
        request.removeAllListeners('data');
        reject(new BodyTooLargeError());
        return;
      }
      chunks.push(chunk);
    });
    request.once('end', () => resolve(Buffer.concat(chunks)));
    request.once('error', reject);
  });

const sendJson = (response: ServerResponse, statusCode: number, message: string, close = false): void => {
  const body = JSON.stringify({ message });
  response.writeHead(statusCode, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...(close ? { connection: 'close' } : {}),
  });
  response.end(body);
};

/** A socket address without the IPv4-mapped prefix (`::ffff:127.0.0.2` → `127.0.0.2`). */
const unmapped = (address: string | undefined): string => (address ?? '127.0.0.1').replace(/^::ffff:/, '');

export interface HttpServerOptions {
  readonly port: number;
  readonly assets: StaticAssets;
  readonly identityProvider?: DevIdentityProvider;
  readonly dispatch: (request: IncomingRequest, response: ServerResponse) => Promise<void>;
  readonly log: (line: string) => void;
  /**
   * ORIGIN_VERIFY_SECRET: with it the server plays CloudFront, adding the origin header and the viewer's
   * address to every request for a route, and API Gateway sees the edge's (the server's own) address. Without
   * it, requests reach the routes as they would at the API's own address, round the edge (what the tests of
   * the origin check need).
   */
  readonly originVerifySecret?: string;
}

export interface LocalHttpServer {
  readonly port: number;
  stop(): Promise<void>;
}

const listen = (server: Server, port: number, host: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException) => reject(error);
    server.once('error', failed);
    server.listen({ port, host, exclusive: true }, () => {
      server.removeListener('error', failed);
      resolve();
    });
  });

const close = (server: Server): Promise<void> =>
  new Promise((resolve) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close(() => resolve());
    server.closeAllConnections();
  });

/**
 * The local stand-in for CloudFront and API Gateway: static assets first, then the dev identity provider, then
 * the manifests' routes, given the headers CloudFront adds (`originVerifySecret`). It listens on loopback only
 * (IPv4, and IPv6 where the machine has it).
 */
export const startHttpServer = async (options: HttpServerOptions): Promise<LocalHttpServer> => {
  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const method = request.method ?? 'GET';
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    if (await serveStaticFile(options.assets, method, path, response)) return;
    let body: Buffer;
    try {
      body = await readBody(request);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(response, 413, 'Request Entity Too Large', true);
        return;
      }
      throw error;
    }
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name] = Array.isArray(value) ? value.join(',') : value;
    }
    const devResponse = await options.identityProvider?.handle({
      method,
      path,
      query: new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1)),
      headers,
      body,
    });
    if (devResponse) {
      const payload = Buffer.from(devResponse.body, 'utf8');
      response.writeHead(devResponse.statusCode, {
        ...devResponse.headers,
        'content-length': String(payload.length),
      });
      response.end(payload);
      return;
    }
    const viewer = { address: unmapped(request.socket.remoteAddress), port: request.socket.remotePort };
    const forwarded =
      options.originVerifySecret === undefined
        ? notForwarded(request.headers, viewer)
        : forwardedByEdge(
            request.headers,
            viewer,
            unmapped(request.socket.localAddress),
            options.originVerifySecret,
          );
    await options.dispatch(
      { method, url, headers: forwarded.headers, body, sourceIp: forwarded.sourceIp, port: options.port },
      response,
    );
  };

  const onRequest = (request: IncomingMessage, response: ServerResponse): void => {
    handle(request, response).catch((error: unknown) => {
      options.log(
        `[http] ${request.method} request failed before reaching a handler: ${describeError(error)}`,
      );
      if (!response.headersSent) sendJson(response, 500, 'Internal Server Error');
      else response.destroy();
    });
  };
  const server = createServer({ requestTimeout: 60_000 }, onRequest);
  const ipv6 = createServer({ requestTimeout: 60_000 }, onRequest);

  try {
    await listen(server, options.port, '127.0.0.1');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new LocalRuntimeError(
        `Port ${options.port} (the web site) is already in use: stop whatever is using it or set PORT.`,
      );
    }
    throw error;
  }
  try {
    await listen(ipv6, options.port, '::1');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    // A machine without IPv6 loopback is fine: browsers fall back to 127.0.0.1.
    if (code !== 'EADDRNOTAVAIL' && code !== 'EAFNOSUPPORT') {
      await close(server);
      throw code === 'EADDRINUSE'
        ? new LocalRuntimeError(
            `Port ${options.port} (the web site, on [::1]) is already in use: stop whatever is using it or set PORT.`,
          )
        : error;
    }
  }

  return {
    port: options.port,
    stop: async () => {
      await Promise.all([close(server), close(ipv6)]);
    },
  };
};
