import { createRequire } from 'node:module';
import { createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { connectFromEachAddress } from '../../../bench/load/source-addresses.ts';

/** `node:net` as the load client (a CommonJS package) sees it, and calls it: `net.connect(port, host)`. */
const net = createRequire(import.meta.url)('node:net') as { connect: (port: number, host: string) => Socket };

/** A server that answers each connection with the address it came from. */
const echoAddressServer = async (): Promise<{ server: Server; port: number }> => {
  const server = createServer((socket) => socket.end((socket.remoteAddress ?? '').replace(/^::ffff:/, '')));
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1' }, resolve));
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : 0 };
};

const readAll = (socket: Socket): Promise<string> =>
  new Promise((resolve, reject) => {
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    socket.once('end', () => resolve(text));
    socket.once('error', reject);
  });

const servers: Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

describe('Load client source addresses: each connection comes from the address it is given', () => {
  it('a connection made the way the load client makes it asks for the next address', async () => {
    const { server, port } = await echoAddressServer();
    servers.push(server);
    const given: string[] = [];
    const restore = connectFromEachAddress(() => {
      given.push('127.0.0.1');
      return '127.0.0.1';
    });
    try {
      const seen = await readAll(net.connect(port, '127.0.0.1'));

      expect([seen, given.length]).toEqual(['127.0.0.1', 1]);
    } finally {
      restore();
    }
  });

  it('once restored, connections are made as before', async () => {
    const original = net.connect;

    connectFromEachAddress(() => '127.0.0.1')();

    expect(net.connect).toBe(original);
  });
});
