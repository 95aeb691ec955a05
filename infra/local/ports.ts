import { createServer } from 'node:net';
import { LocalRuntimeError } from './errors.ts';

/** Fails with a clear message when something else is already listening on the port. */
export const assertPortFree = (port: number, what: string): Promise<void> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(
          new LocalRuntimeError(
            `Port ${port} (${what}) is already in use: stop whatever is using it or set the port in the environment.`,
          ),
        );
      } else if (error.code === 'EACCES') {
        reject(
          new LocalRuntimeError(
            `Port ${port} (${what}) is not allowed for this user: choose one above 1024.`,
          ),
        );
      } else {
        reject(error);
      }
    });
    probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve()));
  });

/** Asks the operating system for a free loopback port (tests and the bench run on these). */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen({ port: 0, host: '127.0.0.1' }, () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

/** Several distinct free ports at once. */
export const freePorts = async (count: number): Promise<number[]> => {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePort());
  return [...ports];
};
