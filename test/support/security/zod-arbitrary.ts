import fc from 'fast-check';
import type * as z from 'zod';

/**
 * fast-check arbitraries read from a zod 4 schema's own definition, so every schema at a boundary gets
 * generated input without anyone writing a generator for it:
 *
 * - `valid`: values built to satisfy the schema's shape and checks. `exact` says whether the builder honoured
 *   everything the schema asks; a refinement across fields, a transform that can refuse, or an intersection
 *   makes it inexact, and then a generated value may be refused for a reason the builder could not see.
 * - `invalid`: a valid value with one part broken in a way the schema's own structure guarantees it must refuse
 *   (a required field removed, a field of the wrong type, a text past its maximum, a value outside its
 *   enumeration), at the top level or inside nested objects.
 */

type Schema = z.ZodType;

/** The parts of zod 4's internal definition this builder reads. */
interface Definition {
  readonly type: string;
  readonly checks?: readonly { readonly _zod: { readonly def: CheckDefinition } }[];
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly coerce?: boolean;
  readonly shape?: Readonly<Record<string, Schema>>;
  readonly element?: Schema;
  readonly innerType?: Schema;
  readonly options?: readonly Schema[];
  readonly values?: readonly unknown[];
  readonly entries?: Readonly<Record<string, string | number>>;
  readonly in?: Schema;
  readonly out?: Schema;
  readonly keyType?: Schema;
  readonly valueType?: Schema;
  readonly items?: readonly Schema[];
  readonly getter?: () => Schema;
  readonly catchall?: Schema;
}

interface CheckDefinition {
  readonly check: string;
  readonly format?: string;
  readonly pattern?: RegExp;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly length?: number;
  readonly value?: number;
  readonly inclusive?: boolean;
}

const definitionOf = (schema: Schema): Definition =>
  (schema as unknown as { _zod: { def: Definition } })._zod.def;

const checksOf = (definition: Definition): CheckDefinition[] => {
  const own: CheckDefinition[] =
    definition.format !== undefined
      ? [
          {
            check: 'string_format',
            format: definition.format,
            ...(definition.pattern ? { pattern: definition.pattern } : {}),
          },
        ]
      : [];
  return [...own, ...(definition.checks ?? []).map((check) => check._zod.def)];
};

export interface Generated {
  readonly valid: fc.Arbitrary<unknown>;
  readonly exact: boolean;
}

/** Letters and marks people type, including names from outside English, but nothing that trims away. */
const textCharacters = [
  ...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  ...'éëłńçøßÆŁŃŚŻ',
  '-',
  "'",
  '.',
  ',',
];

const plainText = (minimum: number, maximum: number): fc.Arbitrary<string> => {
  const middle = fc.string({
    unit: fc.constantFrom(...textCharacters, ' '),
    minLength: Math.max(0, minimum - 2),
    maxLength: Math.max(0, Math.min(maximum, minimum + 30) - 2),
  });
  const edge = fc.constantFrom(...textCharacters);
  if (maximum === 0) return fc.constant('');
  if (maximum === 1) return edge;
  return fc
    .tuple(edge, middle, edge)
    .map(([first, inner, last]) => `${first}${inner}${last}`)
    .map((text) => (text.length > maximum ? text.slice(0, maximum).trimEnd() : text))
    .filter((text) => text.length >= minimum && text.length <= maximum);
};

const instants = fc.date({
  min: new Date('1990-01-01T00:00:00Z'),
  max: new Date('2060-12-31T00:00:00Z'),
  noInvalidDate: true,
});

const stringArbitrary = (definition: Definition): Generated => {
  const checks = checksOf(definition);
  let minimum = 0;
  let maximum = 10_000;
  const formats: CheckDefinition[] = [];
  let exact = true;
  for (const check of checks) {
    if (check.check === 'min_length') minimum = Math.max(minimum, check.minimum ?? 0);
    else if (check.check === 'max_length') maximum = Math.min(maximum, check.maximum ?? maximum);
    else if (check.check === 'length_equals') {
      minimum = check.length ?? minimum;
      maximum = check.length ?? maximum;
    } else if (check.check === 'string_format') formats.push(check);
    else if (check.check !== 'overwrite') exact = false;
  }
  const fitsLength = (text: string) => text.length >= minimum && text.length <= maximum;
  const [format, ...more] = formats;
  if (more.length > 0) exact = false;
  if (!format) {
    // A refined text is most often a calendar date or an instant checked by a function; offer those shapes too.
    const refined = checks.some((check) => check.check === 'custom');
    const text = plainText(minimum, maximum);
    return {
      valid: refined
        ? fc.oneof(
            text,
            instants.map((date) => date.toISOString().slice(0, 10)),
            instants.map((date) => date.toISOString()),
          )
        : text,
      exact,
    };
  }
  const byFormat = (): fc.Arbitrary<string> => {
    switch (format.format) {
      case 'uuid':
        return fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] });
      case 'datetime':
        return instants.map((date) => date.toISOString());
      case 'date':
        return instants.map((date) => date.toISOString().slice(0, 10));
      case 'email':
        return fc.stringMatching(/^[a-z][a-z0-9]{0,15}@example\.(org|com)$/);
      case 'url':
        return fc.webUrl();
      default:
        if (format.pattern) return fc.stringMatching(format.pattern);
        exact = false;
        return plainText(minimum, maximum);
    }
  };
  return { valid: byFormat().filter(fitsLength), exact };
};

const numberArbitrary = (definition: Definition): Generated => {
  let minimum = -1_000_000;
  let maximum = 1_000_000;
  let integer = false;
  let exact = true;
  for (const check of checksOf(definition)) {
    if (check.check === 'number_format') integer = true;
    else if (check.check === 'greater_than')
      minimum = (check.value ?? minimum) + (check.inclusive ? 0 : 1e-9);
    else if (check.check === 'less_than') maximum = (check.value ?? maximum) - (check.inclusive ? 0 : 1e-9);
    else exact = false;
  }
  return {
    valid: integer
      ? fc.integer({ min: Math.ceil(minimum), max: Math.floor(maximum) })
      : fc.double({ min: minimum, max: maximum, noNaN: true, noDefaultInfinity: true }),
    exact,
  };
};

const hasCustomChecks = (definition: Definition): boolean =>
  (definition.checks ?? []).some((check) => check._zod.def.check === 'custom');

/** Whether a value may be left out of an object for this schema: optional, defaulted, or unknown. */
const mayBeAbsent = (schema: Schema): boolean => {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'undefined':
    case 'void':
      return true;
    case 'nullable':
    case 'readonly':
      return definition.innerType ? mayBeAbsent(definition.innerType) : false;
    case 'pipe':
      return definition.in ? mayBeAbsent(definition.in) : false;
    case 'union':
      return (definition.options ?? []).some(mayBeAbsent);
    default:
      return false;
  }
};

/**
 * GOV.UK date inputs post three fields, `<name>-day`, `-month` and `-year`, often beside `<name>Time`: a form
 * schema joins them into one date, which random parts almost never make. A real date and time is generated for
 * each such group instead.
 */
const govukDateParts = (keys: readonly string[]): Record<string, fc.Arbitrary<unknown>> => {
  const parts: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) {
    const base = /^(.+)-day$/.exec(key)?.[1];
    if (!base || !keys.includes(`${base}-month`) || !keys.includes(`${base}-year`)) continue;
    parts[`${base}-day`] = fc.integer({ min: 1, max: 28 }).map(String);
    parts[`${base}-month`] = fc.integer({ min: 1, max: 12 }).map(String);
    // Mostly this century and the last; now and then any four digits, the years a person can still type.
    parts[`${base}-year`] = fc
      .oneof(
        { arbitrary: fc.integer({ min: 1950, max: 2035 }), weight: 9 },
        { arbitrary: fc.integer({ min: 1, max: 9999 }), weight: 1 },
      )
      .map(String);
  }
  for (const key of keys.filter((one) => /Time$/.test(one))) {
    parts[key] = fc
      .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
      .map(([hour, minute]) => `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`);
  }
  return parts;
};

export const generate = (schema: Schema, depth = 0): Generated => {
  const definition = definitionOf(schema);
  if (depth > 12) return { valid: fc.constant(undefined), exact: false };
  const next = (inner: Schema | undefined): Generated =>
    inner ? generate(inner, depth + 1) : { valid: fc.constant(undefined), exact: false };
  switch (definition.type) {
    case 'string':
      return stringArbitrary(definition);
    case 'number':
      return numberArbitrary(definition);
    case 'int':
      return numberArbitrary(definition);
    case 'boolean':
      return { valid: fc.boolean(), exact: true };
    case 'literal':
      return { valid: fc.constantFrom(...(definition.values ?? [])), exact: true };
    case 'enum':
      return { valid: fc.constantFrom(...Object.values(definition.entries ?? {})), exact: true };
    case 'null':
      return { valid: fc.constant(null), exact: true };
    case 'undefined':
    case 'void':
      return { valid: fc.constant(undefined), exact: true };
    case 'date':
      return { valid: instants, exact: true };
    case 'unknown':
    case 'any':
      return { valid: fc.jsonValue({ maxDepth: 2 }), exact: true };
    case 'object': {
      const entries = Object.entries(definition.shape ?? {});
      const parts = entries.map(([key, child]) => [key, next(child)] as const);
      const model: Record<string, fc.Arbitrary<unknown>> = {
        ...Object.fromEntries(parts.map(([key, part]) => [key, part.valid])),
        ...govukDateParts(entries.map(([key]) => key)),
      };
      const requiredKeys = entries.filter(([, child]) => !mayBeAbsent(child)).map(([key]) => key);
      return {
        valid: fc.record(model, { requiredKeys }),
        exact: parts.every(([, part]) => part.exact) && !hasCustomChecks(definition),
      };
    }
    case 'array': {
      const element = next(definition.element);
      let minimum = 0;
      let maximum = 3;
      for (const check of checksOf(definition)) {
        if (check.check === 'min_length') minimum = check.minimum ?? 0;
        if (check.check === 'max_length')
          maximum = Math.min(check.maximum ?? maximum, Math.max(3, minimum + 3));
        if (check.check === 'length_equals') minimum = maximum = check.length ?? 0;
      }
      return {
        valid: fc.array(element.valid, {
          minLength: minimum,
          maxLength: Math.max(minimum, Math.min(maximum, minimum + 3)),
        }),
        exact: element.exact && !hasCustomChecks(definition),
      };
    }
    case 'tuple': {
      const items = (definition.items ?? []).map(next);
      return {
        valid: fc.tuple(...items.map((item) => item.valid)),
        exact: items.every((item) => item.exact),
      };
    }
    case 'record': {
      const key = next(definition.keyType);
      const value = next(definition.valueType);
      return {
        valid: fc.dictionary(
          key.valid.filter((k): k is string => typeof k === 'string'),
          value.valid,
          { maxKeys: 3 },
        ),
        exact: key.exact && value.exact,
      };
    }
    case 'optional': {
      const inner = next(definition.innerType);
      return { valid: fc.option(inner.valid, { nil: undefined }), exact: inner.exact };
    }
    case 'nullable': {
      const inner = next(definition.innerType);
      return { valid: fc.option(inner.valid, { nil: null }), exact: inner.exact };
    }
    case 'default':
    case 'prefault': {
      const inner = next(definition.innerType);
      return { valid: fc.option(inner.valid, { nil: undefined }), exact: inner.exact };
    }
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return next(definition.innerType);
    case 'lazy':
      return next(definition.getter?.());
    case 'union': {
      const options = (definition.options ?? []).map(next);
      return {
        valid: fc.oneof(...options.map((option) => option.valid)),
        exact: options.every((option) => option.exact) && !hasCustomChecks(definition),
      };
    }
    case 'pipe': {
      const input = definitionOf(definition.in as Schema);
      // z.preprocess: the function decides what reaches the inner schema; generate what that schema takes.
      if (input.type === 'transform') return { valid: next(definition.out).valid, exact: false };
      // What comes out of the first stage may still be refused by the second (or by a transform).
      return { valid: next(definition.in).valid, exact: false };
    }
    default:
      return { valid: fc.anything(), exact: false };
  }
};

// ----- values each schema must refuse -----

const wrongValues: readonly unknown[] = [
  undefined,
  null,
  42,
  -1,
  true,
  'not-what-was-asked',
  '',
  [],
  {},
  ['a', 'b'],
  { $ne: null },
  '\u0000',
];

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Whether the schema's structure alone guarantees it refuses `value`: `true` only when certain (a string
 * schema given a number, an enumeration given a value outside it, a required field given nothing...).
 */
export const mustRefuse = (schema: Schema, value: unknown): boolean => {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'string': {
      if (definition.coerce) return false;
      if (typeof value !== 'string') return true;
      // Only trimming overwrites a form's text, and it never shortens a text without spaces.
      const maximum = checksOf(definition).find((check) => check.check === 'max_length')?.maximum;
      return maximum !== undefined && /^\S*$/.test(value) && value.length > maximum;
    }
    case 'number':
    case 'int':
      return !definition.coerce && typeof value !== 'number';
    case 'boolean':
      return !definition.coerce && typeof value !== 'boolean';
    case 'literal':
      return !(definition.values ?? []).includes(value);
    case 'enum':
      return !Object.values(definition.entries ?? {}).includes(value as string);
    case 'object':
      return !isPlainObject(value);
    case 'array':
      return !Array.isArray(value);
    case 'optional':
      return (
        value !== undefined && definition.innerType !== undefined && mustRefuse(definition.innerType, value)
      );
    case 'nullable':
      return value !== null && definition.innerType !== undefined && mustRefuse(definition.innerType, value);
    case 'default':
    case 'prefault':
      return (
        value !== undefined && definition.innerType !== undefined && mustRefuse(definition.innerType, value)
      );
    case 'readonly':
      return definition.innerType !== undefined && mustRefuse(definition.innerType, value);
    case 'nonoptional':
      return (
        value === undefined || (definition.innerType !== undefined && mustRefuse(definition.innerType, value))
      );
    case 'lazy':
      return definition.getter ? mustRefuse(definition.getter(), value) : false;
    case 'union':
      return (definition.options ?? []).every((option) => mustRefuse(option, value));
    case 'pipe': {
      const input = definition.in;
      if (!input || definitionOf(input).type === 'transform') return false;
      return mustRefuse(input, value);
    }
    case 'null':
      return value !== null;
    default:
      return false;
  }
};

/** The object schema a value at this schema is checked against, through wrappers that pass it on unchanged. */
const objectShapeOf = (schema: Schema): Readonly<Record<string, Schema>> | undefined => {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'object':
      return definition.shape;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
      return definition.innerType ? objectShapeOf(definition.innerType) : undefined;
    case 'pipe': {
      const input = definition.in;
      return input && definitionOf(input).type !== 'transform' ? objectShapeOf(input) : undefined;
    }
    default:
      return undefined;
  }
};

const isStrict = (schema: Schema): boolean => {
  const definition = definitionOf(schema);
  if (definition.type === 'object')
    return definition.catchall !== undefined && definitionOf(definition.catchall).type === 'never';
  if (definition.type === 'pipe' && definition.in && definitionOf(definition.in).type !== 'transform')
    return isStrict(definition.in);
  return false;
};

const tooLong = (schema: Schema): string | undefined => {
  const definition = definitionOf(schema);
  if (definition.type !== 'string') return undefined;
  const maximum = checksOf(definition).find((check) => check.check === 'max_length')?.maximum;
  return maximum === undefined ? undefined : 'x'.repeat(maximum + 1);
};

/** Every way of breaking `value` at one place such that `schema` must refuse the whole. */
export const breakages = (schema: Schema, value: unknown, depth = 0): unknown[] => {
  const found: unknown[] = wrongValues.filter((wrong) => mustRefuse(schema, wrong));
  const shape = objectShapeOf(schema);
  if (!shape || !isPlainObject(value) || depth > 3) return found;
  if (isStrict(schema)) found.push({ ...value, unexpectedField: 'not in the schema' });
  for (const [key, child] of Object.entries(shape)) {
    const long = tooLong(child);
    const candidates = [...wrongValues, ...(long ? [long] : [])].filter((wrong) => mustRefuse(child, wrong));
    for (const wrong of candidates) {
      if (wrong === undefined) {
        const { [key]: _removed, ...rest } = value;
        found.push(rest);
      } else found.push({ ...value, [key]: wrong });
    }
    if (key in value && value[key] !== undefined) {
      for (const inner of breakages(child, value[key], depth + 1)) {
        if (inner !== undefined) found.push({ ...value, [key]: inner });
      }
    }
  }
  return found;
};

/**
 * Whether the builder could read what the schema takes: false for a schema that takes any record of fields and
 * decides in a function (a hand-written form reader), where generated fields are, rightly, mostly refused.
 */
export const isStructured = (schema: Schema): boolean => {
  const definition = definitionOf(schema);
  switch (definition.type) {
    case 'record':
    case 'transform':
    case 'custom':
    case 'any':
    case 'unknown':
      return false;
    case 'pipe':
      return definition.in !== undefined && definitionOf(definition.in).type !== 'transform'
        ? isStructured(definition.in)
        : definition.out !== undefined && isStructured(definition.out);
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return definition.innerType !== undefined && isStructured(definition.innerType);
    default:
      return true;
  }
};

/**
 * Broken variants of generated valid values; undefined when the schema's structure guarantees the refusal of
 * nothing (a preprocessing function decides everything, say).
 */
export const invalidArbitrary = (
  schema: Schema,
  valid: fc.Arbitrary<unknown>,
): fc.Arbitrary<unknown> | undefined => {
  const breakable = fc
    .sample(valid, { numRuns: 30, seed: 1 })
    .some((value) => breakages(schema, value).length > 0);
  if (!breakable) return undefined;
  return valid
    .map((value) => breakages(schema, value))
    .filter((variants) => variants.length > 0)
    .chain((variants) => fc.constantFrom(...variants));
};

/** Anything at all, including what JSON cannot carry: the input a boundary must survive without throwing. */
export const hostileArbitrary: fc.Arbitrary<unknown> = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  maxDepth: 3,
});
