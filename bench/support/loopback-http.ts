import { type IncomingHttpHeaders, request } from 'node:http';

export interface LoopbackResponse {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

export interface LoopbackRequest {
  readonly method: 'GET' | 'POST';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
  /** The loopback address to connect from (127.x.y.z): a client of its own to a per-address rate limit. */
  readonly localAddress?: string;
}

/**
 * One request on a connection of its own, read to the end. The site is reached on 127.0.0.1 whatever
 * name its URL gives, because a connection from another loopback address cannot reach ::1.
 */
export const loopbackRequest = (url: string, options: LoopbackRequest): Promise<LoopbackResponse> =>
  new Promise((resolve, reject) => {
    const target = new URL(url);
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: Number(target.port),
        path: `${target.pathname}${target.search}`,
        method: options.method,
        agent: false,
        headers: {
          ...options.headers,
          ...(options.body === undefined
            ? {}
            : { 'content-length': String(Buffer.byteLength(options.body)) }),
        },
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.once('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        response.once('error', reject);
      },
    );
    outgoing.once('error', reject);
    outgoing.end(options.body);
  });
