import { relative, sep } from 'node:path';
import { buildSync } from 'esbuild';
import { entryTemplates } from './precompile.ts';
import { repositoryRoot } from './templates.ts';

/**
 * Which page templates one handler can render, so its bundle carries those (and what they reach) and no
 * others. A handler names its pages with string literals (`view('dvpn/case.njk', …)`, a service's
 * `publicView('start.njk', …)`, or `` `dvpn/${form}.njk` ``); every literal ending in `.njk` in the code the
 * handler reaches is read as a name. Reading the handler's own bundle (without packages, without comments,
 * after tree-shaking) rather than its source files means a template named only in code it never calls is
 * left out, and one named in a comment is not taken for a page.
 */

/** A template name as written in code: letters, digits, `-`, `_`, `/`, `.` and `${…}` holes, then `.njk`. */
const literal = /(['"`])([\w./${}-]*[\w}]\.njk)\1/g;

/** Every quoted or template-literal string in `code` that names a `.njk` file. */
export const templateLiterals = (code: string): string[] => [
  ...new Set([...code.matchAll(literal)].map((match) => match[2] as string)),
];

const escapeForPattern = (text: string): string => text.replace(/[.*+?^()|[\]\\]/g, '\\$&');

/** `dvpn/${form}.njk` → a pattern any one path segment can fill; a plain name matches itself. */
const literalPattern = (name: string): RegExp =>
  new RegExp(
    `^${name
      .split(/\$\{[^}]*\}/)
      .map(escapeForPattern)
      .join('[^/]+')}$`,
  );

/** A literal that names no template: a typo, or a page the handler could never render. */
export class UnknownTemplateError extends Error {
  constructor(handler: string, names: readonly string[]) {
    super(`${handler} names ${names.map((name) => `'${name}'`).join(', ')}, which is no template`);
    this.name = 'UnknownTemplateError';
  }
}

/**
 * The entry templates the literals name. A name with a folder is as written; a bare name (a service's
 * helper adds the folder, as online-report's `publicView` does) is that service's template of the name.
 */
export const resolveTemplateLiterals = (
  handler: string,
  service: string,
  literals: readonly string[],
  known: readonly string[],
): string[] => {
  const found = new Set<string>();
  const unknown: string[] = [];
  for (const name of literals) {
    const patterns = name.includes('/')
      ? [literalPattern(name)]
      : [literalPattern(name), literalPattern(`${service}/${name}`)];
    const matches = known.filter((template) => patterns.some((pattern) => pattern.test(template)));
    if (matches.length === 0) unknown.push(name);
    for (const match of matches) found.add(match);
  }
  if (unknown.length > 0) throw new UnknownTemplateError(handler, unknown);
  return [...found].sort();
};

/** `services/<service>/handlers/<handler>.ts` → `<service>`. */
export const serviceOfEntry = (entry: string): string => {
  const match = /services\/([^/]+)\/handlers\//.exec(entry.split(sep).join('/'));
  if (!match?.[1]) throw new Error(`Not a handler entry: ${entry}`);
  return match[1];
};

/** The project's own code a handler reaches, bundled without packages or comments (milliseconds). */
const ownCode = (entry: string, root: string): string => {
  const result = buildSync({
    entryPoints: [entry],
    absWorkingDir: root,
    bundle: true,
    write: false,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    legalComments: 'none',
    loader: { '.njk': 'text', '.ttf': 'empty' },
    logLevel: 'silent',
  });
  return result.outputFiles.map((file) => file.text).join('\n');
};

/** The entry templates the handler at `entry` can render (its service's and the shared ones). */
export const templatesOfHandler = (entry: string, root = repositoryRoot()): string[] => {
  const service = serviceOfEntry(entry);
  const handler = relative(root, entry).split(sep).join('/');
  return resolveTemplateLiterals(
    handler,
    service,
    templateLiterals(ownCode(entry, root)),
    entryTemplates(root),
  );
};
