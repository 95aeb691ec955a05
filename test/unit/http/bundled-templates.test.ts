import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { templatesDefine, templatesInjectFile } from '../../../shared/http/precompile.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import { getEvent } from '../../support/http-events.ts';

const outDir = mkdtempSync(join(tmpdir(), 'bundled-templates-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('a bundled handler reads no template file (ARCHITECTURE.md "Pages")', () => {
  it.each([
    ['define (esbuild API)', () => ({ define: templatesDefine() })],
    [
      'inject (CDK NodejsFunction)',
      () => ({ inject: [templatesInjectFile(process.cwd(), join(outDir, 'templates.mjs'))] }),
    ],
  ])(
    'the home page renders from a bundle kept far from any template, templates given by %s',
    async (way, templates) => {
      const outfile = join(outDir, `${way.split(' ')[0]}.mjs`);
      await build({
        entryPoints: ['services/home/handlers/view-home.ts'],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node24',
        format: 'esm',
        mainFields: ['module', 'main'],
        banner: {
          js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
        },
        ...templates(),
        logLevel: 'error',
      });
      process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
      const { handler } = (await import(pathToFileURL(outfile).href)) as { handler: HttpHandler };

      const response = await handler(getEvent('/'));

      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Exit this page');
      expect(response.body).toContain('Sign in');
    },
    60_000,
  );
});
