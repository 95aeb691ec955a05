import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import { type Principal, rankLabel } from '../auth/principal.ts';

/**
 * Template names are logical, the same on disk and in the precompiled bundle:
 *   `govuk/...`      GOV.UK Frontend (node_modules/govuk-frontend/dist/govuk)
 *   `moj/...`        MoJ Frontend (node_modules/@ministryofjustice/frontend/moj)
 *   `<service>/...`  a service's own views (services/<service>/views)
 *   anything else    shared views (shared/http/views: layouts, error pages)
 */
export interface TemplateSource {
  /** The template text, or undefined when no such template exists. */
  read(name: string): string | undefined;
}

/** What nunjucks' compiler emits for one template: the body of a function returning its render functions. */
export type CompiledTemplateCode = string;
/** In a bundle, each template is that body as a function of the bundle (see precompile.ts). */
export type CompiledTemplates = Readonly<Record<string, () => unknown>>;

/**
 * Supplied at bundle time (esbuild `inject`, see precompile.ts) with the templates the handler can render,
 * compiled; absent when running from the source tree, where templates load from disk.
 */
declare const __PRECOMPILED_TEMPLATES__: CompiledTemplates | undefined;

const bundledTemplates = (): CompiledTemplates | undefined =>
  typeof __PRECOMPILED_TEMPLATES__ === 'undefined' ? undefined : __PRECOMPILED_TEMPLATES__;

export const repositoryRoot = (): string => join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Where a logical template name lives on disk, or undefined for a name that would escape its folder. */
export const templatePath = (name: string, root = repositoryRoot()): string | undefined => {
  const normalised = posix.normalize(name);
  if (normalised.startsWith('../') || normalised.startsWith('/') || normalised.includes('\0'))
    return undefined;
  const [first, ...rest] = normalised.split('/');
  if (first === 'govuk') return join(root, 'node_modules', 'govuk-frontend', 'dist', normalised);
  if (first === 'moj') return join(root, 'node_modules', '@ministryofjustice', 'frontend', normalised);
  if (first && rest.length > 0 && /^[a-z0-9-]+$/.test(first)) {
    const serviceViews = join(root, 'services', first, 'views');
    if (existsSync(serviceViews)) return join(serviceViews, ...rest);
  }
  return join(root, 'shared', 'http', 'views', normalised);
};

export const diskTemplateSource = (root = repositoryRoot()): TemplateSource => ({
  read: (name) => {
    const path = templatePath(name, root);
    return path && existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  },
});

type LoaderSource = { src: string | { type: 'code'; obj: unknown }; path: string; noCache: boolean };

/**
 * One loader for both modes. Relative names (`./macros/attributes.njk`, as GOV.UK Frontend's own template
 * uses) are resolved against the including template's logical name, so they work in the precompiled
 * bundle as well as on disk.
 */
const createLoader = (source: TemplateSource | CompiledTemplates) => ({
  isRelative: (name: string) => name.startsWith('./') || name.startsWith('../'),
  resolve: (from: string, to: string) => posix.join(posix.dirname(from), to),
  getSource: (name: string): LoaderSource | null => {
    if (typeof source.read === 'function') {
      const text = (source as TemplateSource).read(name);
      return text === undefined ? null : { src: text, path: name, noCache: false };
    }
    const compiled = (source as CompiledTemplates)[name];
    // What nunjucks would get from evaluating code it compiled itself; here the code was compiled at build.
    return compiled === undefined
      ? null
      : { src: { type: 'code', obj: compiled() }, path: name, noCache: false };
  },
});

const londonDate = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
});

const asDate = (value: unknown): Date | undefined => {
  const date = value instanceof Date ? value : new Date(String(value));
  return Number.isNaN(date.getTime()) ? undefined : date;
};

/** GOV.UK style: "3 March 2026". Dates are stored in UTC and shown in Europe/London. */
export const govukDate = (value: unknown): string => {
  const date = asDate(value);
  return date ? londonDate.format(date) : '';
};

/** GOV.UK style: "3 March 2026 at 2:05pm". */
export const govukDateTime = (value: unknown): string => {
  const date = asDate(value);
  return date
    ? `${londonDate.format(date)} at ${londonTime.format(date).replace(/\s/g, '').toLowerCase()}`
    : '';
};

const departmentLabels: Readonly<Record<string, string>> = {
  PPU: 'Public Protection Unit',
  PSD: 'Professional Standards',
  FORCE_RESPONSE: 'Force Response',
  CONTACT_CENTRE: 'Contact Centre',
  NEIGHBOURHOOD: 'Neighbourhood Policing',
  CID: 'CID',
  COMMAND: 'Command',
  OPCC: 'Office of the Police and Crime Commissioner',
};

export const departmentLabel = (department: unknown): string =>
  departmentLabels[String(department)] ?? String(department);

export const createTemplateEnvironment = (
  source: TemplateSource | CompiledTemplates = bundledTemplates() ?? diskTemplateSource(),
): nunjucks.Environment => {
  // The loader is structurally what nunjucks needs; its typings only know its own loader classes.
  const environment = new nunjucks.Environment(createLoader(source) as unknown as nunjucks.ILoader, {
    autoescape: true,
    throwOnUndefined: false,
  });
  environment.addFilter('govukDate', govukDate);
  environment.addFilter('govukDateTime', govukDateTime);
  environment.addFilter('rankLabel', (rank: Principal['rank']) => rankLabel(rank));
  environment.addFilter('departmentLabel', departmentLabel);
  return environment;
};

let shared: nunjucks.Environment | undefined;

/** Replaces where the process's templates come from; for tests that render templates of their own. */
export const useTemplateSource = (source: TemplateSource | CompiledTemplates): void => {
  shared = createTemplateEnvironment(source);
};

/**
 * The process's template environment: precompiled templates when the bundle carries them (a Lambda reads
 * no template file at run time), otherwise the files on disk (local runtime and tests).
 */
export const templateEnvironment = (): nunjucks.Environment => {
  shared ??= createTemplateEnvironment();
  return shared;
};

/**
 * The pages the handler now running could render from its bundle, where the code around it knows them (the
 * local runtime reads them from the handler as the bundler does). Running from the source tree, every
 * template is on disk; this keeps a page missing from a handler's bundle a failure here too, not only in AWS.
 */
const renderable = new AsyncLocalStorage<ReadonlySet<string>>();

export const withRenderableTemplates = <T>(templates: ReadonlySet<string>, run: () => T): T =>
  renderable.run(templates, run);

/** A handler rendered a page its bundle would not carry. */
export class TemplateNotBundledError extends Error {
  constructor(name: string) {
    super(`Template ${name} is not among the templates this handler's bundle carries`);
    this.name = 'TemplateNotBundledError';
  }
}

export const renderTemplate = (name: string, context: Readonly<Record<string, unknown>>): string => {
  const allowed = renderable.getStore();
  if (allowed && !allowed.has(name)) throw new TemplateNotBundledError(name);
  return templateEnvironment().render(name, { ...context });
};
