import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { documentTypes } from '../../../shared/contracts/documents.ts';
import { pdfsig, runOnPdf } from '../../unit/documents/support.ts';

const directory = mkdtempSync(join(tmpdir(), 'documents-commands-'));
afterAll(() => rmSync(directory, { recursive: true, force: true }));

const repository = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * The commands as npm runs them, without a stack: no endpoints, keys in a folder of the test's own, and a
 * working directory with no `.local/environment.json`, so a developer's running stack is not found.
 */
const run = (script: string, args: string[]) =>
  spawnSync(
    join(repository, 'node_modules/.bin/tsx'),
    [join(repository, 'services/documents/cli', script), ...args],
    {
      encoding: 'utf8',
      cwd: directory,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        SIGNING_KEY_DIR: join(directory, 'keys'),
        FORCE_NAME: 'Northshire Police',
      },
    },
  );

describe('npm run documents:sample -- <type> <out.pdf> (issue §5)', () => {
  it.each(documentTypes)(
    '%s: writes a signed sample that pdfsig calls valid and qpdf accepts',
    (documentType) => {
      const out = join(directory, `${documentType}.pdf`);

      const result = run('render-sample.ts', [documentType, out]);

      expect(result.status).toBe(0);
      expect(result.stdout).toContain(`Wrote ${out}`);
      const pdf = readFileSync(out);
      expect(pdfsig(pdf).output).toContain('Signature is Valid.');
      expect(pdfsig(pdf).output).toContain('Total document signed');
      expect(runOnPdf('qpdf', (path) => ['--check', path], pdf).status).toBe(0);
    },
  );

  it('an unknown type is refused with the list of types', () => {
    const result = run('render-sample.ts', ['parking-ticket', join(directory, 'x.pdf')]);

    expect(result.status).toBe(64);
    expect(result.stderr).toContain('Types: dvpn-notice, clares-law-disclosure-record');
  });
});

describe('npm run verify-pdf -- <file.pdf> without a stack (issue §5)', () => {
  it('checks the signature and says plainly that the register was not checked', () => {
    const out = join(directory, 'for-verify.pdf');
    run('render-sample.ts', ['dvpn-notice', out]);

    const result = run('verify-pdf.ts', [out]);

    expect(result.status).toBe(2);
    expect(result.stdout).toContain('NOT FULLY CHECKED');
    expect(result.stdout).toContain('✓ Is the signature valid?');
    expect(result.stdout).toContain('The register of issued documents could not be reached');
  });

  it('a file that is not a PDF is reported as such (exit 1)', () => {
    const out = join(directory, 'not.pdf');
    spawnSync('sh', ['-c', `printf 'hello' > ${out}`]);

    const result = run('verify-pdf.ts', [out]);

    expect(result.status).toBe(1);
    expect(result.stdout).toContain('The file is not a PDF');
  });

  it('a missing file and missing arguments are told apart', () => {
    expect(run('verify-pdf.ts', [join(directory, 'absent.pdf')]).status).toBe(66);
    expect(run('verify-pdf.ts', []).status).toBe(64);
  });
});
