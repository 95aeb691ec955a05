import { join, relative, sep } from 'node:path';
import { type BundlingOptions, LogLevel, OutputFormat, SourceMapMode } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { BuildOptions } from 'esbuild';
import { templatesOfHandler } from '../../shared/http/handler-templates.ts';
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
  /**
   * A bundle's templates are compiled at build, so it needs only Nunjucks' runtime: the library's own "slim"
   * build, without the lexer, parser and compiler (about 50 KB less to load at every cold start).
   */
  alias: {
    nunjucks: 'nunjucks/browser/nunjucks-slim.js',
    /**
     * `date-holidays` reaches moment-timezone only to place equinox holidays in a time zone; England and
     * Wales have none, so the zone database (about 700 KB) is left out and moment-timezone's own code kept.
     * test/unit/calendar/bundled-holidays.test.ts holds the bundled calendar to the library's full answers.
     */
    'moment-timezone': 'moment-timezone/moment-timezone.js',
  },
} as const;

const compiledTemplates = new Map<string, string>();

/**
 * The page templates one handler can render (those its code names, the shared layouts and error page, and
 * the GOV.UK components they reach), compiled once per build and injected into its bundle, so a Lambda
 * renders without reading a template file and carries no page it cannot show.
 */
const compiledTemplatesFor = (entry: string): string => {
  let file = compiledTemplates.get(entry);
  if (!file) {
    const root = repositoryRoot();
    const name = relative(join(root, 'services'), entry).replace(/\.ts$/, '').split(sep).join('-');
    file = templatesInjectFile(
      root,
      join(root, 'dist', 'templates', `${name}.mjs`),
      templatesOfHandler(entry, root),
    );
    compiledTemplates.set(entry, file);
  }
  return file;
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
export const nodejsBundlingOptions = (entry: string, files: readonly ExtraFile[] = []): BundlingOptions => ({
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
  inject: [compiledTemplatesFor(entry)],
  bundleAwsSDK: true,
  // NodejsFunction accepts a `charset` option but never passes it to esbuild.
  esbuildArgs: {
    '--charset': handlerBundling.charset,
    ...Object.fromEntries(Object.entries(handlerBundling.alias).map(([from, to]) => [`--alias:${from}`, to])),
  },
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
  inject: [compiledTemplatesFor(entryPoint)],
  charset: handlerBundling.charset,
  alias: { ...handlerBundling.alias },
  logLevel: 'warning',
  metafile: true,
});
