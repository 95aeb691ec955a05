import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePorts } from '../infra/local/ports.ts';
import { type LocalRuntime, startRuntime } from '../infra/local/runtime.ts';
import { describeMachine } from './machine.ts';
import { removeBuiltHandlers } from './sections/bundles.ts';
import { benchSections } from './sections/index.ts';
import { formatReport } from './table.ts';
import type { BenchContext, BenchReport, BenchSection, SectionResult } from './types.ts';

/**
 * `npm run bench`: starts its own local stack in memory on free loopback ports, runs every section in
 * bench/sections/index.ts, prints a table and writes bench/results/latest.json.
 *
 *   npm run bench                       everything
 *   npm run bench -- --quick            fewer repetitions: checks the bench works, figures are rough
 *   npm run bench -- --only inbox-page,queue-to-table
 */

const root = fileURLToPath(new URL('..', import.meta.url));
const resultsDirectory = join(root, 'bench', 'results');

const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

const sectionNames = (only: string | undefined): string[] | undefined =>
  only
    ?.split(',')
    .map((name) => name.trim())
    .filter(Boolean);

const chooseSections = (wanted: readonly string[] | undefined): readonly BenchSection[] => {
  if (!wanted) return benchSections;
  const unknown = wanted.filter((name) => !benchSections.some((section) => section.name === name));
  if (unknown.length > 0) {
    throw new Error(
      `No bench section named ${unknown.join(', ')}; the sections are: ${benchSections.map((section) => section.name).join(', ')}.`,
    );
  }
  return benchSections.filter((section) => wanted.includes(section.name));
};

/** The runtime's own log is kept and shown only if starting it fails. */
const startBenchRuntime = async (): Promise<LocalRuntime> => {
  const [httpPort, dynamoPort, awsPort] = await freePorts(3);
  const lines: string[] = [];
  try {
    return await startRuntime({
      httpPort,
      dynamoPort,
      awsPort,
      // Warm figures are wanted, so DynamoDB Local runs with its JVM's defaults (peak speed), not fast start.
      dynamoJvmOptions: [],
      // Handlers' INFO lines to a terminal would be measured as much as the handlers.
      shell: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR' },
      log: (line) => lines.push(line),
    });
  } catch (error) {
    for (const line of lines) log(line);
    throw error;
  }
};

const runSection = async (section: BenchSection, context: BenchContext): Promise<SectionResult> => {
  log(`${section.name}: ${section.description}`);
  const started = performance.now();
  try {
    const measurements = await section.run(context);
    return {
      name: section.name,
      description: section.description,
      durationMs: performance.now() - started,
      measurements,
    };
  } catch (error) {
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    log(`  failed: ${message}`);
    return {
      name: section.name,
      description: section.description,
      durationMs: performance.now() - started,
      measurements: [],
      error: message,
    };
  }
};

/** Milliseconds to the microsecond and ratios to three places are more than any figure here can carry. */
const rounded = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;

/**
 * A full run replaces latest.json, the figures kept in the repository; a quick or partial one goes to
 * partial.tmp.json (git-ignored), so it never passes for a full run.
 */
const writeReport = (report: BenchReport): string => {
  mkdirSync(resultsDirectory, { recursive: true });
  const full = !report.options.quick && report.options.only === undefined;
  const file = join(resultsDirectory, full ? 'latest.json' : 'partial.tmp.json');
  // Written beside and renamed, so a reader never sees half a file.
  const writing = join(resultsDirectory, `writing-${process.pid}.tmp.json`);
  writeFileSync(writing, `${JSON.stringify(report, rounded, 2)}\n`);
  renameSync(writing, file);
  return file;
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, only: { type: 'string' } },
    allowPositionals: false,
  });
  const only = sectionNames(values.only);
  const sections = chooseSections(only);
  const machine = describeMachine();
  const timestamp = new Date().toISOString();
  const started = performance.now();
  log(
    `Bench on ${machine.cpuModel} (${machine.cores} cores), Node ${machine.nodeVersion}${values.quick ? ', quick' : ''}`,
  );

  const runtime = await startBenchRuntime();
  log(`Local stack on ${runtime.url} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const stopOnSignal = () => {
    log('Stopping the local stack...');
    void runtime.stop().finally(() => process.exit(130));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  const results: SectionResult[] = [];
  try {
    const context: BenchContext = { runtime, root, quick: values.quick, log };
    for (const section of sections) results.push(await runSection(section, context));
  } finally {
    removeBuiltHandlers();
    await runtime.stop();
    process.off('SIGINT', stopOnSignal);
    process.off('SIGTERM', stopOnSignal);
  }

  const report: BenchReport = {
    timestamp,
    options: { quick: values.quick, ...(only ? { only } : {}) },
    machine,
    durationMs: performance.now() - started,
    sections: results,
  };
  console.log(formatReport(results));
  const file = writeReport(report);
  log(`\nWritten to ${file} (${(report.durationMs / 1000).toFixed(0)} s in all).`);
  return results.some((result) => result.error) ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    log(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
