import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { localRegion } from '../../../infra/local/emulators.ts';
import { repositoryRoot } from '../../../infra/local/paths.ts';
import { freePort } from '../../../infra/local/ports.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { runtimeFixtureService, startTestRuntime, testRuntimePorts } from '../../support/runtime.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
const cleanups: (() => Promise<void> | void)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const temporaryFolder = (): string => {
  const folder = mkdtempSync(join(tmpdir(), 'local-runtime-'));
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
};

const isRunning = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Process ids of every process whose command line mentions the text (a state folder, say). */
const processesMentioning = (text: string): number[] =>
  execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(text) && !line.includes('ps -eo'))
    .map((line) => Number.parseInt(line.trim(), 10));

describe('Local runtime: restarts keep what was stored', () => {
  it('keeps a table item, a queued message and the sign-in key across a restart with the same folder', async () => {
    const localDir = temporaryFolder();
    const ports = await testRuntimePorts();
    const options = { localDir, ports, services: [], additionalServices: [runtimeFixtureService] };
    const key = randomUUID();
    let runtime: LocalRuntime = await startTestRuntime(options);
    cleanups.push(() => runtime.stop());
    const clients = (r: LocalRuntime) => ({
      dynamo: DynamoDBDocumentClient.from(
        new DynamoDBClient({
          endpoint: r.environment.AWS_ENDPOINT_URL_DYNAMODB,
          region: localRegion,
          credentials,
        }),
      ),
      sqs: new SQSClient({ endpoint: r.environment.AWS_ENDPOINT_URL_SQS, region: localRegion, credentials }),
    });
    const before = clients(runtime);
    const table = runtime.environment.TABLE_RUNTIME_FIXTURE_RECORDS;
    const parked = runtime.environment.QUEUE_URL_RUNTIME_FIXTURE_PARKED;
    const kid = runtime.identityProvider.jwks.keys[0]?.kid;
    await before.dynamo.send(
      new PutCommand({ TableName: table, Item: { pk: `kept#${key}`, note: 'stored' } }),
    );
    await before.sqs.send(new SendMessageCommand({ QueueUrl: parked, MessageBody: JSON.stringify({ key }) }));
    before.dynamo.destroy();
    before.sqs.destroy();

    await runtime.stop();
    runtime = await startTestRuntime(options);
    const after = clients(runtime);
    const item = await after.dynamo.send(new GetCommand({ TableName: table, Key: { pk: `kept#${key}` } }));
    const received = await after.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: parked, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    after.dynamo.destroy();
    after.sqs.destroy();

    expect(item.Item?.note).toBe('stored');
    expect(received.Messages?.map((message) => JSON.parse(message.Body ?? '{}').key)).toContain(key);
    expect(runtime.identityProvider.jwks.keys[0]?.kid).toBe(kid);
  });

  it('writes the environment to environment.json for the command-line tools', async () => {
    const localDir = temporaryFolder();
    const runtime = await startTestRuntime({
      localDir,
      services: [],
      additionalServices: [runtimeFixtureService],
    });
    cleanups.push(() => runtime.stop());

    const written = JSON.parse(readFileSync(join(localDir, 'environment.json'), 'utf8'));

    expect(written).toEqual(runtime.environment);
    expect(written).toMatchObject({
      AUTH_ISSUER: `${runtime.url}/dev`,
      AUTH_AUDIENCE: 'local-web',
      AUTH_JWKS_URI: `${runtime.url}/dev/.well-known/jwks.json`,
      AUTH_SIGN_IN_URL: '/dev/sign-in',
      FORCE_NAME: 'Northshire Police',
      TABLE_RUNTIME_FIXTURE_RECORDS: 'runtime-fixture-records',
    });
  });
});

describe('Local runtime: stopping', () => {
  it('ends the DynamoDB Local Java process and puts process.env back as it was', async () => {
    const issuerBefore = process.env.AUTH_ISSUER;
    const runtime = await startTestRuntime({ services: [], additionalServices: [runtimeFixtureService] });
    const pid = runtime.dynamoPid ?? 0;
    const wasRunning = isRunning(pid);
    const issuerWhileRunning = process.env.AUTH_ISSUER;

    await runtime.stop();

    expect(wasRunning).toBe(true);
    expect(isRunning(pid)).toBe(false);
    expect(issuerWhileRunning).toBe(`${runtime.url}/dev`);
    expect(process.env.AUTH_ISSUER).toBe(issuerBefore);
  });
});

interface CliRun {
  readonly child: ChildProcess;
  readonly output: () => { stdout: string; stderr: string };
  readonly exit: Promise<number | null>;
}

/** Runs `npm start` (infra/local/start.ts) as a developer would, with its state in a temporary folder. */
const startCli = (environment: Record<string, string>): CliRun => {
  const child = spawn(process.execPath, ['--import', 'tsx', 'infra/local/start.ts'], {
    cwd: repositoryRoot,
    env: { ...process.env, ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  cleanups.push(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await exit;
    }
  });
  return { child, output: () => ({ stdout, stderr }), exit };
};

const cliEnvironment = async (localDir: string, extra: Record<string, string> = {}) => {
  const ports = await testRuntimePorts();
  return {
    PORT: String(ports.http),
    DYNAMODB_PORT: String(ports.dynamo),
    AWS_EMULATOR_PORT: String(ports.aws),
    LOCAL_STATE_DIR: localDir,
    ...extra,
  };
};

const occupiedPort = async (): Promise<number> => {
  const port = await freePort();
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return port;
};

/** A stand-in `java` on PATH: answers `-version` as told, and otherwise fails the way a broken install would. */
const fakeJava = (version: string): string => {
  const folder = temporaryFolder();
  const script = join(folder, 'java');
  writeFileSync(
    script,
    `#!/bin/sh\nif [ "$1" = "-version" ]; then echo 'openjdk version "${version}"' >&2; exit 0; fi\necho "Error: could not open the database" >&2\nexit 1\n`,
  );
  chmodSync(script, 0o755);
  return `${folder}:/usr/bin:/bin`;
};

const oneLineError = (run: CliRun): string[] => run.output().stderr.trim().split('\n');

describe('npm start', () => {
  it('prints one ready line with the address and start-up time, and on Ctrl-C stops everything it started and exits 0', async () => {
    const localDir = temporaryFolder();
    const environment = await cliEnvironment(localDir);
    const run = startCli(environment);
    await expect.poll(() => run.output().stdout, { timeout: 30_000, interval: 100 }).toMatch(/Ready on/);
    const javaBefore = processesMentioning(localDir);

    run.child.kill('SIGINT');
    const code = await run.exit;

    expect(run.output().stdout).toMatch(
      new RegExp(`^Ready on http://localhost:${environment.PORT} in \\d+\\.\\d s\\. .*Ctrl-C stops\\.$`, 'm'),
    );
    expect(javaBefore.length).toBeGreaterThan(0);
    expect(code).toBe(0);
    expect(processesMentioning(localDir)).toEqual([]);
  });

  it('says in one line that the port is in use, and exits 1', async () => {
    const port = await occupiedPort();
    const run = startCli(await cliEnvironment(temporaryFolder(), { PORT: String(port) }));

    const code = await run.exit;

    expect(code).toBe(1);
    expect(oneLineError(run)).toEqual([
      `Port ${port} (the web site) is already in use: stop whatever is using it or set the port in the environment.`,
    ]);
  });

  it('says in one line that Java is missing, and exits 1', async () => {
    const run = startCli(await cliEnvironment(temporaryFolder(), { PATH: temporaryFolder() }));

    const code = await run.exit;

    expect(code).toBe(1);
    expect(oneLineError(run)).toEqual([
      'Java is not installed, and DynamoDB Local needs it: install a Java 17+ runtime (e.g. apt-get install openjdk-17-jre-headless).',
    ]);
  });

  it('says in one line that the Java is too old for DynamoDB Local, and exits 1', async () => {
    const run = startCli(await cliEnvironment(temporaryFolder(), { PATH: fakeJava('11.0.21') }));

    const code = await run.exit;

    expect(code).toBe(1);
    expect(oneLineError(run)).toEqual([
      'Java 11 is installed, and DynamoDB Local needs Java 17 or newer: install a newer Java runtime.',
    ]);
  });

  it('says in one line that an emulator did not come up, and why, and exits 1', async () => {
    const run = startCli(await cliEnvironment(temporaryFolder(), { PATH: fakeJava('17.0.15') }));

    const code = await run.exit;

    expect(code).toBe(1);
    expect(oneLineError(run)).toEqual([
      'DynamoDB Local exited (1) before it was ready: Error: could not open the database',
    ]);
  });

  it('says in one line that a port setting is not a port, and exits 1', async () => {
    const run = startCli(await cliEnvironment(temporaryFolder(), { DYNAMODB_PORT: 'eight thousand' }));

    const code = await run.exit;

    expect(code).toBe(1);
    expect(oneLineError(run)).toEqual([
      'DYNAMODB_PORT must be a port number from 1 to 65535, not "eight thousand".',
    ]);
  });
});
