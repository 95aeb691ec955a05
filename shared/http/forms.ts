import * as z from 'zod';
import type { FormFields } from './request-state.ts';

/** One line of the GOV.UK error summary; `href` is the id of the field, so the link puts focus on it. */
export interface ErrorSummaryItem {
  readonly text: string;
  readonly href: string;
}

export interface FormErrors {
  /** For the error summary at the top of the page (`errorList`). */
  readonly errorList: readonly ErrorSummaryItem[];
  /** For each field's inline message: `errorMessage: errors.fieldName` in the component's macro. */
  readonly errors: Readonly<Record<string, { readonly text: string }>>;
}

export type FormValidation<T> =
  | { readonly success: true; readonly data: T }
  | ({ readonly success: false; readonly values: FormFields } & FormErrors);

/**
 * Field ids follow the field names; a nested path (a date's parts) joins with `-`, as GOV.UK's date input
 * names its parts (`dateOfBirth-day`). The first problem with a field is the one shown.
 */
export const formErrors = (issues: readonly z.core.$ZodIssue[]): FormErrors => {
  const errors: Record<string, { text: string }> = {};
  const errorList: ErrorSummaryItem[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('-') || 'form';
    if (errors[field]) continue;
    errors[field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${field}` });
  }
  return { errors, errorList };
};

export const validateForm = <S extends z.ZodType>(
  schema: S,
  fields: FormFields,
): FormValidation<z.output<S>> => {
  const parsed = schema.safeParse(fields);
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, values: fields, ...formErrors(parsed.error.issues) };
};

/**
 * Schema pieces for forms, with GOV.UK-style messages. A missing field and an empty one read the same to
 * the person, so both get the one message.
 */
export const formFields = {
  /** Trimmed text that must not be empty. */
  text: (message: string, options: { maxLength?: number; tooLong?: string } = {}) =>
    z
      .string({ error: message })
      .trim()
      .min(1, { error: message })
      .max(options.maxLength ?? 10_000, { error: options.tooLong ?? message }),
  /** Trimmed text that may be left empty (becomes undefined). */
  optionalText: (options: { maxLength?: number; tooLong?: string } = {}) =>
    z
      .string()
      .trim()
      .max(options.maxLength ?? 10_000, { error: options.tooLong ?? 'Answer is too long' })
      .optional()
      .transform((value) => (value === '' ? undefined : value)),
  /** One of a set of radios. */
  choice: <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
    z.enum(values, { error: message }),
  /** Checkboxes: none, one (a string) or several (an array), always read as an array. */
  choices: <const T extends readonly [string, ...string[]]>(values: T, message: string) =>
    z.preprocess(
      (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]),
      z.array(z.enum(values, { error: message })),
    ),
};
