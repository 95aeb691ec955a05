import { existsSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as z from 'zod';
import { repositoryRoot } from '../../../infra/local/paths.ts';

/**
 * Where the schemas at the product's boundaries live, by convention (STYLE.md "zod at every boundary"):
 * message contracts in shared/contracts and each service's contracts.ts; forms in a service's forms.ts,
 * forms/ or domain/*-forms.ts; JSON bodies in api-schemas.ts; the sign-in callback's query in home.
 * A new file that follows the convention is fuzzed without anyone listing it.
 */
const conventions: readonly { readonly folder: string; readonly matches: (file: string) => boolean }[] = [
  { folder: 'shared/contracts', matches: (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') },
  ...listServices().flatMap((service) => [
    {
      folder: `services/${service}`,
      matches: (file: string) => ['contracts.ts', 'forms.ts', 'api-schemas.ts'].includes(file),
    },
    {
      folder: `services/${service}/forms`,
      matches: (file: string) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    },
    { folder: `services/${service}/domain`, matches: (file: string) => /-forms\.ts$/.test(file) },
  ]),
  { folder: 'services/home/domain', matches: (file) => file === 'sign-in.ts' },
];

function listServices(): string[] {
  return readdirSync(join(repositoryRoot, 'services'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

export const boundaryModuleFiles = (): string[] =>
  conventions.flatMap(({ folder, matches }) => {
    const directory = join(repositoryRoot, folder);
    if (!existsSync(directory)) return [];
    return readdirSync(directory)
      .filter(matches)
      .sort()
      .map((file) => join(directory, file));
  });

export interface BoundarySchema {
  /** `shared/contracts/documents.ts#DocumentRequested`, or `…#apiBodies.draft` for one inside an exported object. */
  readonly name: string;
  readonly schema: z.ZodType;
  /** A queue message (an envelope with `type` and `version`). */
  readonly message: boolean;
}

const isEnvelope = (schema: z.ZodType): boolean => {
  if (!(schema instanceof z.ZodObject)) return false;
  const shape = schema.shape as Record<string, z.ZodType>;
  return shape.type instanceof z.ZodLiteral && shape.version instanceof z.ZodLiteral && 'data' in shape;
};

/** Every zod schema those modules export, at the top level or one object down (`apiBodies.draft`), once each. */
export const boundarySchemas = async (): Promise<BoundarySchema[]> => {
  const seen = new Set<z.ZodType>();
  const found: BoundarySchema[] = [];
  const add = (name: string, value: unknown) => {
    if (!(value instanceof z.ZodType) || seen.has(value)) return;
    seen.add(value);
    found.push({ name, schema: value, message: isEnvelope(value) });
  };
  for (const file of boundaryModuleFiles()) {
    const module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
    const label = relative(repositoryRoot, file);
    for (const [exported, value] of Object.entries(module)) {
      add(`${label}#${exported}`, value);
      if (value && typeof value === 'object' && !(value instanceof z.ZodType) && !Array.isArray(value)) {
        for (const [key, inner] of Object.entries(value)) add(`${label}#${exported}.${key}`, inner);
      }
    }
  }
  return found;
};
