import { join, sep } from 'node:path';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { templatesInjectFile } from '../../shared/http/precompile.ts';
import { repositoryRoot } from '../../shared/http/templates.ts';

/**
 * How every handler is bundled: the one definition behind both the CDK functions (`npm run synth`) and
 * `npm run build` (the size report and the benchmark), so what is measured is what is deployed.
 */
export const handlerBundling = {
  /** The Lambda runtime is nodejs24.x. */
  target: 'node24',
  /** ESM lets esbuild tree-shake the SDK v3 clients and Powertools. */
  format: 'esm',
  minify: true,
  /** Minified stack traces are useless; the map is read only when an error is logged. */
  sourcemap: true,
  sourcesContent: false,
  /** Prefer packages' ESM builds, which tree-shake. */
  mainFields: ['module', 'main'],
  /** CommonJS dependencies inside an ESM bundle still call require() for Node built-ins. */
  banner: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  /** Nunjucks templates may be imported as strings; fonts as bytes. Nothing is read from disk at run time. */
  loader: { '.njk': 'text', '.ttf': 'binary' },
  /**
   * Nothing is left to the runtime's copy of the AWS SDK: the bundle runs exactly the client versions the
   * tests ran against, and tree-shaking keeps it small.
   */
  external: [] as string[],
  /** Non-ASCII text (Welsh, names in templates) stays as UTF-8 rather than \u escapes: smaller bundles. */
  charset: 'utf8',
} as const;

const compiledTemplates = new Map<string, string>();

/**
 * A service's page templates (its own views, the shared layouts and the GOV.UK components they reach),
 * compiled once per build and injected into each of its bundles, so a Lambda renders without reading a
 * template file and carries no other service's pages.
 */
const compiledTemplatesModule = (service: string): string => {
  let file = compiledTemplates.get(service);
  if (!file) {
    file = templatesInjectFile(
      undefined,
      join(repositoryRoot(), 'dist', 'templates', `${service}.mjs`),
      service,
    );
    compiledTemplates.set(service, file);
  }
  return file;
};

/** `services/<service>/handlers/<handler>.ts` → `<service>`. */
const serviceOfEntry = (entry: string): string => {
  const match = /services\/([^/]+)\/handlers\//.exec(entry.split(sep).join('/'));
  if (!match?.[1]) throw new Error(`Not a handler entry: ${entry}`);
  return match[1];
};

/** The handler file inside each bundle directory; Lambda's handler string is `index.handler`. */
export const bundleFileName = 'index.mjs';

export interface ExtraFile {
  /** Relative to the repository root. */
  readonly from: string;
  /** Relative to the bundle directory. */
  readonly to: string;
}

const quote = (path: string): string => `'${path.replaceAll("'", "'\\''")}'`;

/** Options for NodejsFunction, which runs esbuild during `cdk synth`; `files` are copied beside the bundle. */
export const nodejsBundlingOptions = (
  service: string,
  files: readonly ExtraFile[] = [],
): BundlingOptions => ({
  target: handlerBundling.target,
  format: OutputFormat.ESM,
  minify: handlerBundling.minify,
  sourceMap: handlerBundling.sourcemap,
  sourceMapMode: SourceMapMode.DEFAULT,
  sourcesContent: handlerBundling.sourcesContent,
  mainFields: [...handlerBundling.mainFields],
  banner: handlerBundling.banner,
  loader: { ...handlerBundling.loader },
  externalModules: [...handlerBundling.external],
  inject: [compiledTemplatesModule(service)],
  bundleAwsSDK: true,
  // NodejsFunction accepts a `charset` option but never passes it to esbuild.
  esbuildArgs: { '--charset': handlerBundling.charset },
  logLevel: LogLevel.WARNING,
  ...(files.length > 0
    ? {
        commandHooks: {
          beforeBundling: () => [],
          beforeInstall: () => [],
          afterBundling: (inputDir: string, outputDir: string) =>
            files.flatMap((file) => {
              const target = `${outputDir}/${file.to}`;
              return [
                `mkdir -p ${quote(target.slice(0, target.lastIndexOf('/')))}`,
                `cp ${quote(`${inputDir}/${file.from}`)} ${quote(target)}`,
              ];
            }),
        },
      }
    : {}),
});

/** Options for esbuild's own API (`npm run build`): the same choices, spelled the way esbuild spells them. */
export const esbuildOptions = (entryPoint: string, outfile: string): BuildOptions => ({
  entryPoints: [entryPoint],
  outfile,
  bundle: true,
  platform: 'node',
  target: handlerBundling.target,
  format: handlerBundling.format,
  minify: handlerBundling.minify,
  sourcemap: handlerBundling.sourcemap,
  sourcesContent: handlerBundling.sourcesContent,
  mainFields: [...handlerBundling.mainFields],
  banner: { js: handlerBundling.banner },
  loader: { ...handlerBundling.loader },
  external: [...handlerBundling.external],
  inject: [compiledTemplatesModule(serviceOfEntry(entryPoint))],
  charset: handlerBundling.charset,
  logLevel: 'warning',
  metafile: true,
});
