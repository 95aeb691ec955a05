import { services } from '../../../services/index.ts';
import { localTableName } from '../../../shared/manifest/names.ts';

/**
 * Everything the process writes while a suite runs: console calls (Powertools logs through the console in
 * development mode), direct writes to stdout and stderr, and the local runtime's own log lines. The suites
 * scan it (no personal data, no stack traces) and keep the test output readable.
 */
export interface LogCapture {
  /** Every line captured so far, in order. */
  readonly lines: readonly string[];
  /** For the runtime's `log` option. */
  readonly runtimeLog: (line: string) => void;
  /** Writes past the capture, for a suite's own summary. */
  report(line: string): void;
  restore(): void;
}

const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

const asText = (value: unknown): string => {
  if (typeof value === 'string') return value;
  if (value instanceof Error) return `${value.name}: ${value.message}\n${value.stack ?? ''}`;
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
};

export const captureLogs = (): LogCapture => {
  const lines: string[] = [];
  const originalConsole = consoleMethods.map((method) => [method, console[method]] as const);
  const originalStdout = process.stdout.write;
  const originalStderr = process.stderr.write;

  for (const method of consoleMethods) {
    console[method] = (...values: unknown[]) => {
      lines.push(values.map(asText).join(' '));
    };
  }
  const interceptor =
    (stream: NodeJS.WriteStream) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((value) => typeof value === 'function') as (() => void) | undefined;
      callback?.();
      return stream === process.stdout || stream === process.stderr;
    };
  process.stdout.write = interceptor(process.stdout) as typeof process.stdout.write;
  process.stderr.write = interceptor(process.stderr) as typeof process.stderr.write;

  return {
    lines,
    runtimeLog: (line) => {
      lines.push(line);
    },
    report: (line) => {
      originalStdout.call(process.stdout, `${line}\n`);
    },
    restore: () => {
      for (const [method, original] of originalConsole) console[method] = original;
      process.stdout.write = originalStdout;
      process.stderr.write = originalStderr;
    },
  };
};

/** What must never reach a person's screen: a stack frame, a table or queue name, the database's own words. */
export const internalDetailPatterns: readonly RegExp[] = [
  /\bat \/[^\s]*\.(?:ts|js|mjs)/,
  /\n\s+at (?:async )?\S+ \(/,
  /TABLE_[A-Z_]+/,
  /QUEUE_URL_/,
  /BUCKET_[A-Z_]+/,
  /-inbox\b/,
  /\bdynamodb\b/i,
  /ConditionalCheckFailed|ValidationException|ResourceNotFoundException|ThrottlingException/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
];

/** The physical table names of the local stack (`dvpn-cases`, `platform-audit`), from the manifests. */
const tableNames = services.flatMap((manifest) =>
  Object.keys(manifest.tables).map((table) => localTableName(manifest.name, table)),
);

/** The internal details a response body gives away, if any (empty when it gives none). */
export const internalDetailsIn = (body: string): string[] => [
  ...internalDetailPatterns.filter((pattern) => pattern.test(body)).map((pattern) => pattern.source),
  ...tableNames.filter((name) => body.includes(name)),
];
