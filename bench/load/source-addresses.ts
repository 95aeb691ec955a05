import { createRequire } from 'node:module';
import { connect, createServer, type Socket } from 'node:net';

type Connect = (...args: unknown[]) => Socket;

/** `node:net` as CommonJS packages see it: the one object whose `connect` the load client calls. */
const netModule = createRequire(import.meta.url)('node:net') as { connect: Connect };

/**
 * Whether this machine lets a client connect to 127.0.0.1 from another loopback address (Linux answers on
 * the whole of 127.0.0.0/8; macOS, out of the box, only on 127.0.0.1).
 */
export const loopbackAliasesWork = (alias: string): Promise<boolean> =>
  new Promise((resolve) => {
    const server = createServer((socket) => {
      socket.end(socket.remoteAddress ?? '');
    });
    server.once('error', () => resolve(false));
    server.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const client = connect({ port, host: '127.0.0.1', localAddress: alias });
      let seen = '';
      client.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
      });
      const finish = (works: boolean) => {
        client.destroy();
        server.close(() => resolve(works));
      };
      client.once('end', () => finish(seen.replace(/^::ffff:/, '') === alias));
      client.once('error', () => finish(false));
    });
  });

/**
 * Makes every `net.connect(port, host)` of this process (the load client's only way of connecting; it has
 * no option for a source address) connect from the next address `nextAddress` gives, so that each of its
 * connections is a different client to the site's per-address rate limit. Calls with options are left as
 * they are. Returns the function that puts `net.connect` back.
 */
export const connectFromEachAddress = (nextAddress: () => string): (() => void) => {
  const original = netModule.connect;
  netModule.connect = (...args: unknown[]): Socket => {
    const [port, host] = args;
    if (args.length === 2 && typeof port === 'number' && typeof host === 'string')
      return original({ port, host, localAddress: nextAddress() });
    return original(...args);
  };
  return () => {
    netModule.connect = original;
  };
};
