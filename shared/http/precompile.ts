import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import nunjucks from 'nunjucks';
import {
  type CompiledTemplateCode,
  diskTemplateSource,
  repositoryRoot,
  type TemplateSource,
} from './templates.ts';

/** The global a bundle's `inject` module supplies with the compiled templates (see templates.ts). */
export const precompiledTemplatesGlobal = '__PRECOMPILED_TEMPLATES__';

const listTemplates = (directory: string, root: string): string[] => {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return listTemplates(path, root);
    return entry.name.endsWith('.njk') ? [relative(root, path).split(sep).join('/')] : [];
  });
};

/**
 * Every page a handler can name: the shared views and each service's views, as logical names. Given a
 * service, only that service's views (and the shared ones): a bundle carries the pages it can render.
 */
export const entryTemplates = (root = repositoryRoot(), service?: string): string[] => {
  const shared = listTemplates(join(root, 'shared', 'http', 'views'), join(root, 'shared', 'http', 'views'));
  const services = readdirSync(join(root, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && (service === undefined || entry.name === service))
    .flatMap((entry) =>
      listTemplates(
        join(root, 'services', entry.name, 'views'),
        join(root, 'services', entry.name, 'views'),
      ).map((name) => `${entry.name}/${name}`),
    );
  return [...shared, ...services].sort();
};

const reference = /\{%-?\s*(?:extends|include|import|from)\s+(["'])([^"']+)\1/g;

/** Templates a template names with a literal (`extends`, `include`, `import`, `from`), resolved like the loader. */
export const referencedTemplates = (name: string, text: string): string[] =>
  [...text.matchAll(reference)].map((match) => {
    const target = match[2] as string;
    return target.startsWith('./') || target.startsWith('../')
      ? posix.join(posix.dirname(name), target)
      : target;
  });

/** nunjucks hands its wrapper a list although its typings say one; flattening reads either. */
const compileTemplate = (name: string, text: string): CompiledTemplateCode =>
  nunjucks.precompileString(text, { name, wrapper: (templates) => [templates].flat()[0]?.template ?? '' });

/**
 * Compiles every entry template and everything it reaches (GOV.UK and MoJ components included) to the
 * code nunjucks would otherwise generate at run time. Fails, naming it, on a template that does not exist
 * or does not compile.
 */
export const precompileTemplates = (
  entries: readonly string[] = entryTemplates(),
  source: TemplateSource = diskTemplateSource(),
): Record<string, CompiledTemplateCode> => {
  const compiled: Record<string, CompiledTemplateCode> = {};
  const pending = [...entries];
  while (pending.length > 0) {
    const name = pending.pop() as string;
    if (name in compiled) continue;
    const text = source.read(name);
    if (text === undefined) throw new Error(`Template not found: ${name}`);
    compiled[name] = compileTemplate(name, text);
    pending.push(...referencedTemplates(name, text).filter((next) => !(next in compiled)));
  }
  return Object.fromEntries(Object.entries(compiled).sort(([a], [b]) => a.localeCompare(b)));
};

/**
 * The module a bundle's `inject` names (esbuild and CDK's NodejsFunction both take a file path): it exports
 * the compiled templates under the global's name, which esbuild then puts in place of the global. Each
 * template is a function in the module rather than a string, so the bundler minifies it with the rest and
 * nothing is evaluated from text at run time.
 */
export const compiledTemplatesModule = (
  templates: Readonly<Record<string, CompiledTemplateCode>>,
): string => {
  const members = Object.entries(templates).map(
    ([name, code]) => `  ${JSON.stringify(name)}: function () {\n${code}\n}`,
  );
  return `export const ${precompiledTemplatesGlobal} = {\n${members.join(',\n')}\n};\n`;
};

/**
 * Writes the `inject` module for the given entry templates (by default every template, for the whole
 * product) and returns its absolute path (under `dist/`, which is never committed).
 */
export const templatesInjectFile = (
  root = repositoryRoot(),
  file = join(root, 'dist', 'precompiled-templates.mjs'),
  entries: readonly string[] = entryTemplates(root),
): string => {
  const templates = precompileTemplates(entries, diskTemplateSource(root));
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, compiledTemplatesModule(templates));
  return file;
};

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const file = templatesInjectFile(repositoryRoot(), process.argv[2]);
  console.log(`Templates compiled into ${relative(process.cwd(), file)}`);
}
