import { join } from 'node:path';
import * as z from 'zod';
import { LocalRuntimeError } from './errors.ts';
import { describeError } from './handlers.ts';
import { repositoryRoot } from './paths.ts';
import { defaultPorts, type LocalRuntime, startRuntime } from './runtime.ts';

/** `npm start`: the whole product on this machine, with its state under `.local/`. */

const portFrom = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const parsed = z.coerce.number().int().min(1).max(65_535).safeParse(raw);
  if (!parsed.success)
    throw new LocalRuntimeError(`${name} must be a port number from 1 to 65535, not "${raw}".`);
  return parsed.data;
};

const scaleFrom = (name: string): number | undefined => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const parsed = z.coerce.number().positive().max(100_000).safeParse(raw);
  if (!parsed.success) throw new LocalRuntimeError(`${name} must be a positive number, not "${raw}".`);
  return parsed.data;
};

/** A repeat of the first signal within this window is an echo (npm and tsx both pass Ctrl-C on), not a second press. */
const echoWindowMs = 1500;

const stopOnSignals = (runtime: LocalRuntime): void => {
  let firstSignalAt: number | undefined;
  const shutdown = (signal: NodeJS.Signals) => {
    if (firstSignalAt !== undefined) {
      if (performance.now() - firstSignalAt < echoWindowMs) return;
      // A second Ctrl-C does not wait; the emulators' exit hook still kills DynamoDB Local.
      console.log('Stopping now.');
      process.exit(1);
    }
    firstSignalAt = performance.now();
    console.log(`Stopping (${signal})...`);
    runtime.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(`Stopping failed: ${describeError(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
};

const main = async (): Promise<void> => {
  const started = performance.now();
  process.on('unhandledRejection', (reason) => {
    // Lambda would fail only the invocation that left the promise behind; the local site stays up.
    console.error(`[runtime] a handler left a promise that failed: ${describeError(reason)}`);
  });
  try {
    const runtime = await startRuntime({
      httpPort: portFrom('PORT', defaultPorts.http),
      dynamoPort: portFrom('DYNAMODB_PORT', defaultPorts.dynamo),
      awsPort: portFrom('AWS_EMULATOR_PORT', defaultPorts.aws),
      localDir: process.env.LOCAL_STATE_DIR || join(repositoryRoot, '.local'),
      scheduleScale: scaleFrom('LOCAL_SCHEDULE_SCALE'),
    });
    stopOnSignals(runtime);
    if (runtime.missingHandlers.length > 0) {
      console.log(
        `[runtime] ${runtime.missingHandlers.length} handler file(s) named in the manifests do not exist yet; their routes answer 500: ${runtime.missingHandlers.join(', ')}`,
      );
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    console.log(
      `Ready on ${runtime.url} in ${seconds} s. Staff sign in at ${runtime.url}/dev/sign-in. Ctrl-C stops.`,
    );
  } catch (error) {
    if (error instanceof LocalRuntimeError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
};

await main();
