import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BundleReport, bundleAll, formatReport } from '../../infra/build/bundle.ts';
import {
  esbuildOptions,
  handlerBundling,
  nodejsBundlingOptions,
} from '../../infra/constructs/bundling-options.ts';
import { MissingHandlerError } from '../../infra/stacks/manifest-checks.ts';
import { defineService } from '../../shared/manifest/define-service.ts';
import { repositoryRoot } from './synth.ts';

/** A throwaway repository with two small handlers, so bundling is real but takes milliseconds. */
const makeRoot = (): string => {
  const root = mkdtempSync(join(tmpdir(), 'safeguarding-bundle-'));
  symlinkSync(join(repositoryRoot, 'node_modules'), join(root, 'node_modules'), 'dir');
  mkdirSync(join(root, 'services/pages/handlers'), { recursive: true });
  mkdirSync(join(root, 'services/pages/views'), { recursive: true });
  mkdirSync(join(root, 'services/documents/handlers'), { recursive: true });
  writeFileSync(
    join(root, 'services/pages/views/page.njk'),
    '<h1>Report domestic abuse – {{ force }}</h1>\n',
  );
  writeFileSync(
    join(root, 'services/pages/handlers/view-page.ts'),
    "import template from '../views/page.njk';\nexport const handler = async () => ({ statusCode: 200, body: template });\n",
  );
  writeFileSync(
    join(root, 'services/documents/handlers/issue-document.ts'),
    'export const handler = async () => undefined;\n',
  );
  return root;
};

const pages = defineService({
  name: 'pages',
  routes: [
    { method: 'GET', path: '/page', handler: 'view-page', policy: 'public' },
    { method: 'POST', path: '/page', handler: 'view-page', policy: 'public' },
  ],
});
const documents = defineService({
  name: 'documents',
  queues: { 'document-requests': {} },
  consumers: [{ queue: 'document-requests', handler: 'issue-document' }],
});

describe('npm run build: every manifest handler bundled as it is deployed', () => {
  let root: string;
  let reports: BundleReport[];
  beforeAll(async () => {
    root = makeRoot();
    reports = await bundleAll({ root, manifests: [pages, documents] });
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes one ESM bundle per handler to dist/<service>/<handler>/index.mjs', () => {
    expect(reports.map((report) => report.file).sort()).toEqual([
      'dist/documents/issue-document/index.mjs',
      'dist/pages/view-page/index.mjs',
    ]);
    expect(existsSync(join(root, 'dist/pages/view-page/index.mjs.map'))).toBe(true);
  });

  it('reports the size and gzip size of each bundle', () => {
    const report = reports.find((candidate) => candidate.handler === 'view-page');
    const contents = readFileSync(join(root, 'dist/pages/view-page/index.mjs'));

    expect(report?.bytes).toBe(contents.byteLength);
    expect(report?.gzipBytes).toBe(gzipSync(contents).byteLength);
    expect(formatReport(reports)).toMatch(/pages\/view-page\s+[\d.]+ KB\s+[\d.]+ KB/);
  });

  it('inlines Nunjucks templates as text, kept as UTF-8', () => {
    const bundle = readFileSync(join(root, 'dist/pages/view-page/index.mjs'), 'utf8');

    expect(bundle).toContain('Report domestic abuse – {{ force }}');
  });

  it('defines require for CommonJS dependencies inside the ESM bundle', () => {
    const bundle = readFileSync(join(root, 'dist/pages/view-page/index.mjs'), 'utf8');

    expect(bundle.startsWith(handlerBundling.banner)).toBe(true);
  });

  it('copies the fonts the documents service reads from its bundle', () => {
    expect(existsSync(join(root, 'dist/documents/issue-document/fonts/DejaVuSans.ttf'))).toBe(true);
    expect(existsSync(join(root, 'dist/documents/issue-document/fonts/DejaVuSans-Bold.ttf'))).toBe(true);
  });

  it('names every missing handler instead of bundling a partial product', async () => {
    const missing = defineService({
      name: 'pages',
      routes: [{ method: 'GET', path: '/gone', handler: 'view-gone', policy: 'public' }],
    });

    await expect(bundleAll({ root, manifests: [missing] })).rejects.toThrow(MissingHandlerError);
    await expect(bundleAll({ root, manifests: [missing] })).rejects.toThrow(
      'services/pages/handlers/view-gone.ts',
    );
  });
});

describe('CDK and npm run build bundle alike', () => {
  it('NodejsFunction gets the same esbuild choices as the build', () => {
    const entry = join(repositoryRoot, 'services/home/handlers/view-home.ts');
    const cdk = nodejsBundlingOptions(entry);
    const esbuild = esbuildOptions(entry, 'out.mjs');

    expect({
      target: cdk.target,
      format: cdk.format,
      minify: cdk.minify,
      sourcemap: cdk.sourceMap,
      sourcesContent: cdk.sourcesContent,
      mainFields: cdk.mainFields,
      banner: cdk.banner,
      loader: cdk.loader,
      external: cdk.externalModules,
      charset: cdk.esbuildArgs?.['--charset'],
      alias: Object.fromEntries(
        Object.entries(cdk.esbuildArgs ?? {})
          .filter(([flag]) => flag.startsWith('--alias:'))
          .map(([flag, to]) => [flag.slice('--alias:'.length), to]),
      ),
      inject: cdk.inject,
    }).toEqual({
      target: esbuild.target,
      format: esbuild.format,
      minify: esbuild.minify,
      sourcemap: esbuild.sourcemap,
      sourcesContent: esbuild.sourcesContent,
      mainFields: esbuild.mainFields,
      banner: esbuild.banner?.js,
      loader: esbuild.loader,
      external: esbuild.external,
      charset: esbuild.charset,
      alias: esbuild.alias,
      inject: esbuild.inject,
    });
    expect(cdk.inject?.[0]).toMatch(/dist\/templates\/home-handlers-view-home\.mjs$/);
  });
});
