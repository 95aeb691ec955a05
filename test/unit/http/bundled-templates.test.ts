import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { esbuildOptions } from '../../../infra/constructs/bundling-options.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import { getEvent } from '../../support/http-events.ts';

const outDir = mkdtempSync(join(tmpdir(), 'bundled-templates-'));

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Bundles one handler exactly as it is deployed, far from any template file. */
const bundle = async (entry: string): Promise<{ file: string; code: string }> => {
  const file = join(outDir, entry.replaceAll('/', '-').replace(/\.ts$/, '.mjs'));
  await build({ ...esbuildOptions(resolve(entry), file), sourcemap: false, logLevel: 'error' });
  return { file, code: readFileSync(file, 'utf8') };
};

const load = async (file: string): Promise<HttpHandler> => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  return ((await import(pathToFileURL(file).href)) as { handler: HttpHandler }).handler;
};

describe('a bundled handler reads no template file and carries only its own pages (ARCHITECTURE.md "Pages")', () => {
  it.each([
    ['services/home/handlers/view-home.ts', '/', 'Sign in'],
    ['services/online-report/handlers/view-start.ts', '/report', 'Report an incident online'],
    ['services/clares-law/handlers/view-emergency-advice.ts', '/clares-law/emergency', '999'],
  ])(
    '%s renders its page from the templates compiled into its bundle',
    async (entry, path, text) => {
      const handler = await load((await bundle(entry)).file);

      const response = await handler(getEvent(path));

      expect(response.statusCode).toBe(200);
      expect(response.body).toContain('Exit this page');
      expect(response.body).toContain(text);
    },
    60_000,
  );

  it("the online report's start page carries neither its other pages nor another service's", async () => {
    const { code } = await bundle('services/online-report/handlers/view-start.ts');

    expect(code).toContain('"online-report/start.njk"');
    expect(code).toContain('"errors/error.njk"');
    expect(code).not.toContain('"online-report/question.njk"');
    expect(code).not.toContain('"online-report/incident-list.njk"');
    expect(code).not.toContain('"clares-law/start.njk"');
  }, 60_000);

  it('a page named by a template literal brings every page the literal can name', async () => {
    const { code } = await bundle('services/dvpn/handlers/show-service-form.ts');

    for (const form of ['decision', 'service', 'application', 'hearing', 'breach']) {
      expect(code).toContain(`"dvpn/${form}.njk"`);
    }
    expect(code).not.toContain('"clares-law/');
  }, 60_000);

  it.each(['services/online-report/handlers/view-start.ts', 'services/clares-law/handlers/view-start.ts'])(
    '%s, a public page, carries nothing of sign-in or of the tables it never reads',
    async (entry) => {
      const { code } = await bundle(entry);

      expect(code).not.toContain('DynamoDB_20120810');
      expect(code).not.toContain('"Token use"');
    },
    60_000,
  );

  it('a staff page carries sign-in and its tables', async () => {
    const { code } = await bundle('services/notifications/handlers/view-inbox.ts');

    expect(code).toContain('DynamoDB_20120810');
    expect(code).toContain('"Token use"');
  }, 60_000);

  it('no template is evaluated from text at run time', async () => {
    const { code } = await bundle('services/online-report/handlers/view-start.ts');

    expect(code).not.toMatch(/new Function\([^)]*\bcode\b/);
  }, 60_000);
});
