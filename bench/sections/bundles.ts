import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BundleReport, bundleAll } from '../../infra/build/bundle.ts';
import { services } from '../../services/index.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { handlerEntry } from '../../shared/manifest/names.ts';
import { distributionOf, median, ratioOf } from '../stats.ts';
import { type ProbeResult, probeImport } from '../support/node-process.ts';
import type { BenchContext, BenchSection, Measurement } from '../types.ts';

export interface BuiltHandlers {
  readonly reports: readonly BundleReport[];
  /** Handlers the manifests name whose files do not exist yet: not bundled, not measured. */
  readonly missing: readonly string[];
  readonly buildMs: number;
  readonly directory: string;
}

/** The manifests cut down to the handlers that exist, so work in progress elsewhere does not stop the bench. */
const existingHandlersOnly = (root: string, manifests: readonly ServiceManifest[]) => {
  const missing: string[] = [];
  const exists = (service: string, handler: string): boolean => {
    const entry = handlerEntry(service, handler);
    const found = existsSync(join(root, entry));
    if (!found && !missing.includes(entry)) missing.push(entry);
    return found;
  };
  const present = manifests.map((manifest) => ({
    ...manifest,
    routes: manifest.routes.filter((route) => exists(manifest.name, route.handler)),
    consumers: manifest.consumers.filter((consumer) => exists(manifest.name, consumer.handler)),
    schedules: manifest.schedules.filter((schedule) => exists(manifest.name, schedule.handler)),
  }));
  return { present, missing };
};

let built: Promise<BuiltHandlers> | undefined;
const directories: string[] = [];

/**
 * Every handler bundled once per bench run, with `bundleAll()` (infra/build/bundle.ts): the options the
 * CDK functions deploy with, into a folder of the run's own.
 */
export const builtHandlers = (context: BenchContext): Promise<BuiltHandlers> => {
  built ??= (async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bench-bundles-'));
    directories.push(directory);
    const { present, missing } = existingHandlersOnly(context.root, services);
    const started = performance.now();
    const reports = await bundleAll({ manifests: present, root: context.root, outDir: directory });
    return { reports, missing, buildMs: performance.now() - started, directory };
  })();
  return built;
};

/** Removes the run's bundles; the runner calls it once every section has finished. */
export const removeBuiltHandlers = (): void => {
  for (const directory of directories.splice(0)) rmSync(directory, { recursive: true, force: true });
  built = undefined;
};

const handlerName = (report: BundleReport): string => `${report.service}/${report.handler}`;

/** `services/dvpn/handlers/a.ts, services/dvpn/handlers/b.ts` → `dvpn (2)`. */
const countByService = (entries: readonly string[]): string => {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    const service = entry.split('/')[1] ?? entry;
    counts.set(service, (counts.get(service) ?? 0) + 1);
  }
  return [...counts].map(([service, count]) => `${service} (${count})`).join(', ');
};

export const bundleSizeSection: BenchSection = {
  name: 'bundle-size',
  description: 'each handler bundled as deployed (esbuild, minified ESM, AWS SDK inside), and gzipped',
  run: async (context) => {
    const { reports, missing, buildMs } = await builtHandlers(context);
    const sorted = [...reports].sort((a, b) => b.bytes - a.bytes);
    const total = reports.reduce((sum, report) => sum + report.bytes, 0);
    const totalGzip = reports.reduce((sum, report) => sum + report.gzipBytes, 0);
    return [
      ...sorted.map(
        (report): Measurement => ({
          name: handlerName(report),
          unit: 'bytes',
          value: report.bytes,
          figures: { gzipBytes: report.gzipBytes },
        }),
      ),
      {
        name: `all ${reports.length} handlers`,
        unit: 'bytes',
        value: total,
        figures: { gzipBytes: totalGzip, buildMs: Math.round(buildMs) },
        ...(missing.length > 0
          ? { note: `not yet written, so not bundled: ${countByService(missing)}` }
          : {}),
      },
    ];
  },
};

/** The runtime's environment as a function has it, with `nodeOptions` for Node. */
const functionEnvironment = (
  environment: Readonly<Record<string, string>>,
  nodeOptions: string,
): NodeJS.ProcessEnv => ({ ...environment, PATH: process.env.PATH ?? '', NODE_OPTIONS: nodeOptions });

/** Lambda runs every function with source maps on (infra/constructs/service-function.ts NODE_OPTIONS). */
const lambdaNodeOptions = '--enable-source-maps';

const firstLine = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '';

export const coldImportSection: BenchSection = {
  name: 'cold-import',
  description:
    'a fresh `node` per run imports one bundle (NODE_OPTIONS=--enable-source-maps, as in Lambda): median of the runs',
  run: async (context) => {
    const { reports, directory } = await builtHandlers(context);
    const runs = context.quick ? 1 : 3;
    const environment = context.runtime.environment;
    const emptyModule = resolve(directory, 'empty.mjs');
    writeFileSync(emptyModule, 'export const handler = () => undefined;\n');

    const measureFile = async (
      name: string,
      file: string,
      nodeOptions = lambdaNodeOptions,
    ): Promise<Measurement> => {
      const results: ProbeResult[] = [];
      for (let run = 0; run < runs; run++)
        results.push(await probeImport(file, functionEnvironment(environment, nodeOptions)));
      return distributionOf(
        name,
        'ms',
        results.map((result) => result.importMs),
        { figures: { processMs: Math.round(median(results.map((result) => result.processMs))) } },
      );
    };

    const baseline = await measureFile('an empty module (baseline)', emptyModule);
    const measurements: Measurement[] = [];
    const failures: string[] = [];
    for (const report of reports) {
      context.log(`  cold import ${handlerName(report)}`);
      try {
        measurements.push(await measureFile(handlerName(report), resolve(context.root, report.file)));
      } catch (error) {
        failures.push(`${handlerName(report)}: ${firstLine(error)}`);
      }
    }
    measurements.sort((a, b) => b.value - a.value);

    const slowest = reports.find((report) => handlerName(report) === measurements[0]?.name);
    const extra: Measurement[] = [];
    if (slowest && measurements[0]) {
      const withoutMaps = await measureFile(
        `${handlerName(slowest)} without --enable-source-maps`,
        resolve(context.root, slowest.file),
        '',
      );
      extra.push(withoutMaps, ratioOf('source maps on ÷ off (slowest bundle)', measurements[0], withoutMaps));
    }
    const all = measurements.map((measurement) => measurement.value);
    return [
      baseline,
      ...measurements,
      {
        name: `median over ${measurements.length} handlers`,
        unit: 'ms',
        value: all.length > 0 ? median(all) : Number.NaN,
        figures: { slowestMs: all.length > 0 ? Math.max(...all) : Number.NaN },
        ...(failures.length > 0 ? { note: `could not be imported: ${failures.join('; ')}` } : {}),
      },
      ...extra,
    ];
  },
};
