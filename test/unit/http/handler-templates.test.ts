import { describe, expect, it } from 'vitest';
import { services } from '../../../services/index.ts';
import {
  resolveTemplateLiterals,
  templateLiterals,
  templatesOfHandler,
  UnknownTemplateError,
} from '../../../shared/http/handler-templates.ts';
import { handlerEntry } from '../../../shared/manifest/names.ts';

const known = [
  'errors/error.njk',
  'layout.njk',
  'dvpn/case.njk',
  'dvpn/service.njk',
  'dvpn/forms/hearing.njk',
  'online-report/start.njk',
  'clares-law/start.njk',
];

describe('the pages a handler can render are the templates its code names (ARCHITECTURE.md "Pages")', () => {
  it('reads quoted, double-quoted and template-literal names, each once', () => {
    const code =
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the string is source code, holes and all
      "view('dvpn/case.njk'); render(\"layout.njk\"); view(`dvpn/${form}.njk`); view('dvpn/case.njk');";

    // biome-ignore lint/suspicious/noTemplateCurlyInString: a name as written in source code
    expect(templateLiterals(code)).toEqual(['dvpn/case.njk', 'layout.njk', 'dvpn/${form}.njk']);
  });

  it('a bare suffix or a string that merely mentions the extension is not a name', () => {
    expect(templateLiterals("name.endsWith('.njk'); log('see the .njk files')")).toEqual([]);
  });

  it("a bare name is the handler's own service's template of that name", () => {
    expect(resolveTemplateLiterals('h', 'online-report', ['start.njk'], known)).toEqual([
      'online-report/start.njk',
    ]);
  });

  it('a dot in a name is a dot, not any character', () => {
    expect(() => resolveTemplateLiterals('h', 'x', ['x/a.b.njk'], ['x/axb.njk'])).toThrow(
      UnknownTemplateError,
    );
  });

  it('a hole in a template literal stands for one path segment, not a folder', () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a name as written in source code
    expect(resolveTemplateLiterals('h', 'dvpn', ['dvpn/${form}.njk'], known)).toEqual([
      'dvpn/case.njk',
      'dvpn/service.njk',
    ]);
  });

  it('a name that is no template fails the build, naming the handler and the name', () => {
    expect(() => resolveTemplateLiterals('services/x/handlers/y.ts', 'x', ['x/missing.njk'], known)).toThrow(
      UnknownTemplateError,
    );
    expect(() => resolveTemplateLiterals('services/x/handlers/y.ts', 'x', ['x/missing.njk'], known)).toThrow(
      "services/x/handlers/y.ts names 'x/missing.njk', which is no template",
    );
  });

  it('every page handler of every service names only templates that exist, and can show the error page', () => {
    const pageHandlers = services.flatMap((manifest) =>
      manifest.routes.map((route) => handlerEntry(manifest.name, route.handler)),
    );

    for (const entry of new Set(pageHandlers)) {
      const templates = templatesOfHandler(entry);
      if (templates.length > 0) expect(templates, entry).toContain('errors/error.njk');
    }
  }, 120_000);

  it("the online report's start page names its own page and the error page only", () => {
    expect(templatesOfHandler('services/online-report/handlers/view-start.ts')).toEqual([
      'errors/error.njk',
      'online-report/start.njk',
    ]);
  });
});
