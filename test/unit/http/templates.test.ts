import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  entryTemplates,
  precompileTemplates,
  referencedTemplates,
  templatesInjectFile,
} from '../../../shared/http/precompile.ts';
import {
  type CompiledTemplates,
  createTemplateEnvironment,
  diskTemplateSource,
  govukDate,
  govukDateTime,
  templatePath,
} from '../../../shared/http/templates.ts';

const context = {
  serviceName: 'Test service',
  organisationName: 'Test Police',
  cspNonce: 'nonce-value',
  csrfToken: 'token-value',
  currentPath: '/',
  links: { reportOnline: '/report', claresLaw: '/clares-law' },
};

const outDir = mkdtempSync(join(tmpdir(), 'compiled-templates-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('templates: a Lambda reads no template file (ARCHITECTURE.md "Pages")', () => {
  it('every template reachable from the views compiles ahead of time', () => {
    const compiled = precompileTemplates();

    expect(Object.keys(compiled)).toEqual(
      expect.arrayContaining(['layout.njk', 'govuk/template.njk', 'home/home.njk']),
    );
    expect(Object.keys(compiled)).toContain('govuk/components/exit-this-page/template.njk');
  });

  it('a page rendered from the compiled templates is the page rendered from disk', async () => {
    const fromDisk = createTemplateEnvironment(diskTemplateSource()).render('home/home.njk', context);
    const file = templatesInjectFile(process.cwd(), join(outDir, 'home.mjs'), ['home/home.njk']);
    const module = (await import(pathToFileURL(file).href)) as {
      __PRECOMPILED_TEMPLATES__: CompiledTemplates;
    };
    const compiled = createTemplateEnvironment(module.__PRECOMPILED_TEMPLATES__).render(
      'home/home.njk',
      context,
    );

    expect(compiled).toBe(fromDisk);
    expect(compiled).toContain('Exit this page');
  });

  it('the compiled set holds only what the views reach', () => {
    const compiled = precompileTemplates(['errors/error.njk']);

    expect(Object.keys(compiled)).not.toContain('govuk/components/accordion/template.njk');
  });

  it("relative references resolve against the including template's name", () => {
    expect(
      referencedTemplates('govuk/components/button/macro.njk', '{%- include "./template.njk" -%}'),
    ).toEqual(['govuk/components/button/template.njk']);
    expect(
      referencedTemplates('govuk/template.njk', '{% from "./macros/attributes.njk" import x %}'),
    ).toEqual(['govuk/macros/attributes.njk']);
  });

  it('names map to their folders and cannot climb out of them', () => {
    expect(templatePath('home/home.njk')).toMatch(/\/services\/home\/views\/home\.njk$/);
    expect(templatePath('layout.njk')).toMatch(/\/shared\/http\/views\/layout\.njk$/);
    expect(templatePath('govuk/template.njk', '/repo')).toBe(
      '/repo/node_modules/govuk-frontend/dist/govuk/template.njk',
    );
    expect(templatePath('../../etc/passwd', '/repo')).toBeUndefined();
  });

  it('the entry templates include every service view and the shared layouts', () => {
    expect(entryTemplates()).toEqual(
      expect.arrayContaining(['layout.njk', 'staff-layout.njk', 'errors/error.njk', 'home/home.njk']),
    );
  });
});

describe('dates are shown in Europe/London, GOV.UK style', () => {
  it('a summer instant shows in British Summer Time', () => {
    expect(govukDateTime('2026-07-01T13:05:00Z')).toBe('1 July 2026 at 2:05pm');
  });

  it('a winter instant shows in GMT', () => {
    expect(govukDateTime('2026-01-15T00:30:00Z')).toBe('15 January 2026 at 12:30am');
  });

  it('the date just after midnight in London is that day, though still the day before in UTC', () => {
    expect(govukDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
  });

  it('something that is not a date shows as nothing', () => {
    expect(govukDate('not a date')).toBe('');
  });
});
