import { spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { BenchSetupError } from './local-clients.ts';

export interface NodeRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** From spawn to the process having closed its output. */
  readonly elapsedMs: number;
}

/**
 * `node` with `args` in a process of its own, so that what it loads or measures is not this process's;
 * resolves once it has exited, with what it printed. After `timeoutMs`, if given, it is killed.
 */
export const runNode = (
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly cwd?: string; readonly timeoutMs?: number },
): Promise<NodeRun> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      env: options.env,
      ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const limit =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code, signal) => {
      clearTimeout(limit);
      resolve({ code, signal, stdout, stderr, elapsedMs: performance.now() - started });
    });
  });

/** Reports how long `import()` of the module given as the first argument took, then exits at once. */
const importProbe = [
  'const started = performance.now();',
  'await import(process.argv[1]);',
  'process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));',
  'process.exit(0);',
].join('\n');

export interface ProbeResult {
  readonly importMs: number;
  /** From spawn to exit: Node's own start-up plus the import. */
  readonly processMs: number;
}

/** A bundle imported cold, as a new Lambda instance imports it: in a fresh `node` with environment `env`. */
export const probeImport = async (file: string, env: NodeJS.ProcessEnv): Promise<ProbeResult> => {
  const run = await runNode(['--input-type=module', '-e', importProbe, pathToFileURL(file).href], { env });
  const reported = /\{"importMs":[0-9.e+-]+\}/.exec(run.stdout)?.[0];
  if (run.code !== 0 || !reported) {
    const lines = run.stderr.trim().split('\n');
    const cause = lines.find((line) => /Error\b/.test(line)) ?? lines.at(-1) ?? '';
    throw new BenchSetupError(`Importing ${file} failed (exit ${run.code}): ${cause.trim()}`);
  }
  return { importMs: (JSON.parse(reported) as { importMs: number }).importMs, processMs: run.elapsedMs };
};
