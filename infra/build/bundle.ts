import { cpSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { services } from '../../services/index.ts';
import type { ServiceManifest } from '../../shared/manifest/define-service.ts';
import { bundleFileName, esbuildOptions } from '../constructs/bundling-options.ts';
import { bundleFiles } from '../stacks/document-signing.ts';
import { assertHandlersExist, manifestHandlers } from '../stacks/manifest-checks.ts';

export interface BundleReport {
  readonly service: string;
  readonly handler: string;
  /** The bundle: `dist/<service>/<handler>/index.mjs` relative to the root (absolute when `outDir` is). */
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface BundleOptions {
  readonly manifests?: readonly ServiceManifest[];
  /** Repository root; defaults to this checkout. */
  readonly root?: string;
  /** Where bundles go, relative to the root or absolute; defaults to `dist`. */
  readonly outDir?: string;
}

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Bundles every handler the manifests list, with the options the CDK functions use, and measures each
 * bundle as Lambda would receive it. Fails, naming them, when handlers are missing.
 */
export const bundleAll = async (options: BundleOptions = {}): Promise<BundleReport[]> => {
  const root = options.root ?? repositoryRoot;
  const outDir = options.outDir ?? 'dist';
  const handlers = manifestHandlers(options.manifests ?? services);
  assertHandlersExist(root, handlers);
  return Promise.all(
    handlers.map(async ({ service, handler, entry }) => {
      const directory = join(outDir, service, handler);
      rmSync(resolve(root, directory), { recursive: true, force: true });
      mkdirSync(resolve(root, directory), { recursive: true });
      const file = join(directory, bundleFileName);
      await build({ ...esbuildOptions(resolve(root, entry), resolve(root, file)), absWorkingDir: root });
      for (const extra of bundleFiles(service)) {
        const target = resolve(root, directory, extra.to);
        mkdirSync(dirname(target), { recursive: true });
        cpSync(resolve(root, extra.from), target);
      }
      const contents = readFileSync(resolve(root, file));
      return { service, handler, file, bytes: contents.byteLength, gzipBytes: gzipSync(contents).byteLength };
    }),
  );
};

const kilobytes = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

export const formatReport = (reports: readonly BundleReport[]): string => {
  const rows = reports.map((report) => [
    `${report.service}/${report.handler}`,
    kilobytes(report.bytes),
    kilobytes(report.gzipBytes),
  ]);
  const header = ['handler', 'size', 'gzip'];
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ');
  const total = reports.reduce((sum, report) => sum + report.bytes, 0);
  return [line(header), ...rows.map(line), `${reports.length} handlers, ${kilobytes(total)} in all`].join(
    '\n',
  );
};

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  try {
    const reports = await bundleAll();
    console.log(formatReport(reports));
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  }
}
