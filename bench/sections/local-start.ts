import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePorts } from '../../infra/local/ports.ts';
import { distributionOf, median } from '../stats.ts';
import { BenchSetupError } from '../support/local-clients.ts';
import type { BenchContext, BenchSection, Measurement } from '../types.ts';

const readyLine = /Ready on http:\/\/localhost:\d+ in ([0-9.]+) s\./;
const readyTimeoutMs = 90_000;
const stopTimeoutMs = 30_000;

interface StartRun {
  /** From spawning `tsx infra/local/start.ts` to its ready line. */
  readonly readyMs: number;
  /** What the ready line itself says (from the start of start.ts, after tsx and imports). */
  readonly reportedMs: number;
  /** From SIGINT to the process having exited, DynamoDB Local stopped with it. */
  readonly stopMs: number;
}

const exited = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });

/** The whole process group: tsx, the runtime's Node and DynamoDB Local's Java. */
const killGroup = (child: ChildProcess): void => {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
};

/** One `npm start` as a developer runs it (without npm's own start-up), on free loopback ports. */
const startOnce = async (context: BenchContext, stateDirectory: string): Promise<StartRun> => {
  const [port, dynamoPort, awsPort] = await freePorts(3);
  const tsx = join(context.root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const started = performance.now();
  const child = spawn(process.execPath, [tsx, 'infra/local/start.ts'], {
    cwd: context.root,
    env: {
      ...process.env,
      PORT: String(port),
      DYNAMODB_PORT: String(dynamoPort),
      AWS_EMULATOR_PORT: String(awsPort),
      LOCAL_STATE_DIR: stateDirectory,
      POWERTOOLS_LOG_LEVEL: 'ERROR',
    },
    // A group of its own, so a start that hangs can be killed with everything it started.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  try {
    const reportedSeconds = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new BenchSetupError(`npm start printed no ready line in ${readyTimeoutMs / 1000} s.`)),
        readyTimeoutMs,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString('utf8');
        const match = readyLine.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => {
        output += chunk.toString('utf8');
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new BenchSetupError(
            `npm start exited (${code}) before it was ready: ${output.trim().split('\n').slice(-3).join(' | ')}`,
          ),
        );
      });
    });
    const readyMs = performance.now() - started;
    const stopping = performance.now();
    child.kill('SIGINT');
    const stopped = await Promise.race([
      exited(child).then(() => true),
      new Promise<false>((resolve) => setTimeout(() => resolve(false), stopTimeoutMs)),
    ]);
    if (!stopped)
      throw new BenchSetupError(`npm start did not stop within ${stopTimeoutMs / 1000} s of Ctrl-C.`);
    return { readyMs, reportedMs: reportedSeconds * 1000, stopMs: performance.now() - stopping };
  } finally {
    if (child.exitCode === null && child.signalCode === null) {
      killGroup(child);
      await exited(child);
    }
  }
};

const measurementOf = (name: string, runs: readonly StartRun[], note: string): Measurement =>
  distributionOf(
    name,
    'ms',
    runs.map((run) => run.readyMs),
    {
      figures: {
        reportedMs: Math.round(median(runs.map((run) => run.reportedMs))),
        stopMs: Math.round(median(runs.map((run) => run.stopMs))),
      },
      note,
    },
  );

export const localStartSection: BenchSection = {
  name: 'npm-start',
  description:
    '`tsx infra/local/start.ts` from spawn to its "Ready on" line, then Ctrl-C (SIGINT) until it exits',
  run: async (context) => {
    const firstStarts = context.quick ? 1 : 3;
    const restarts = context.quick ? 1 : 2;
    const fresh: StartRun[] = [];
    const kept: StartRun[] = [];
    const directories: string[] = [];
    try {
      for (let run = 0; run < firstStarts; run++) {
        const directory = mkdtempSync(join(tmpdir(), 'bench-local-state-'));
        directories.push(directory);
        context.log(`  npm start, empty state (${run + 1}/${firstStarts})`);
        fresh.push(await startOnce(context, directory));
      }
      const lastDirectory = directories.at(-1) as string;
      for (let run = 0; run < restarts; run++) {
        context.log(`  npm start, state kept (${run + 1}/${restarts})`);
        kept.push(await startOnce(context, lastDirectory));
      }
    } finally {
      for (const directory of directories) rmSync(directory, { recursive: true, force: true });
    }
    return [
      measurementOf(
        'first start (empty state: creates every table, queue and bucket)',
        fresh,
        "reported = the ready line's own figure",
      ),
      measurementOf('restart (state kept)', kept, "reported = the ready line's own figure"),
    ];
  },
};
