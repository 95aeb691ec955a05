import * as z from 'zod';
import { isLondonDate, type LondonDate, londonInstant } from '../../../shared/calendar/index.ts';
import type { FormFields } from '../../../shared/http/index.ts';

/**
 * Reads a posted form field by field, collecting every problem in page order with a GOV.UK message, so
 * one submission shows all that is wrong. The path of each problem is the id of the input to focus (for a
 * date, its day input).
 */
export class FormReader {
  readonly problems: { path: string; message: string }[] = [];

  constructor(private readonly fields: FormFields) {}

  private raw(name: string): string {
    const value = this.fields[name];
    return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
  }

  problem(path: string, message: string): undefined {
    if (!this.problems.some((existing) => existing.path === path)) this.problems.push({ path, message });
    return undefined;
  }

  has(path: string): boolean {
    return this.problems.some((problem) => problem.path === path);
  }

  text(name: string, message: string, maxLength: number, label: string): string | undefined {
    const value = this.raw(name);
    if (!value) return this.problem(name, message);
    if (value.length > maxLength)
      return this.problem(name, `${label} must be ${maxLength} characters or fewer`);
    return value;
  }

  optionalText(name: string, maxLength: number, label: string): string | undefined {
    const value = this.raw(name);
    if (value.length > maxLength)
      return this.problem(name, `${label} must be ${maxLength} characters or fewer`);
    return value || undefined;
  }

  choice<const T extends string>(name: string, values: readonly T[], message: string): T | undefined {
    const value = this.raw(name);
    return (values as readonly string[]).includes(value) ? (value as T) : this.problem(name, message);
  }

  choices<const T extends string>(name: string, values: readonly T[], message: string): T[] {
    const value = this.fields[name];
    const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
    const known = list.filter((item): item is T => (values as readonly string[]).includes(item));
    if (known.length !== list.length) this.problem(name, message);
    return known;
  }

  yesNo(name: string, message: string): boolean | undefined {
    const value = this.choice(name, ['yes', 'no'] as const, message);
    return value === undefined ? undefined : value === 'yes';
  }

  wholeNumber(
    name: string,
    messages: { missing: string; notNumber: string; range: string },
    range: { min: number; max: number },
    required = true,
  ): number | undefined {
    const value = this.raw(name);
    if (!value) return required ? this.problem(name, messages.missing) : undefined;
    if (!/^\d+$/.test(value)) return this.problem(name, messages.notNumber);
    const number = Number(value);
    if (number < range.min || number > range.max) return this.problem(name, messages.range);
    return number;
  }

  /** A GOV.UK date input (`<name>-day`, `-month`, `-year`). */
  date(
    name: string,
    label: string,
    options: { required?: boolean; missing?: string } = {},
  ): LondonDate | undefined {
    const parts = {
      day: this.raw(`${name}-day`),
      month: this.raw(`${name}-month`),
      year: this.raw(`${name}-year`),
    };
    const path = `${name}-day`;
    const given = Object.entries(parts).filter(([, value]) => value !== '');
    if (given.length === 0) {
      return options.required === false
        ? undefined
        : this.problem(path, options.missing ?? `Enter ${label.toLowerCase()}`);
    }
    const missing = Object.entries(parts).filter(([, value]) => value === '');
    if (missing.length > 0) {
      return this.problem(
        `${name}-${missing[0]?.[0]}`,
        `${label} must include a ${missing.map(([part]) => part).join(' and ')}`,
      );
    }
    if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
      return this.problem(path, `${label} must be a real date`);
    }
    const date = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
    return isLondonDate(date) ? date : this.problem(path, `${label} must be a real date`);
  }

  /** A date input and a 24-hour time (`<name>Time`, e.g. 14:30), read as London time. */
  dateTime(name: string, label: string): Date | undefined {
    const date = this.date(name, `${label} date`, { missing: `Enter the date of ${label.toLowerCase()}` });
    const time = this.raw(`${name}Time`);
    const match = /^(\d{1,2})[:.](\d{2})$/.exec(time);
    if (!time) return this.problem(`${name}Time`, `Enter the time of ${label.toLowerCase()}`);
    const [hour, minute] = [Number(match?.[1]), Number(match?.[2])];
    if (!match || hour > 23 || minute > 59) {
      return this.problem(`${name}Time`, `${label} time must be a real time, like 09:30 or 17:45`);
    }
    return date === undefined ? undefined : londonInstant(date, { hour, minute });
  }
}

/**
 * A form schema for `pageHandler`: reads the fields with a `FormReader` and fails with every problem, or
 * passes what `read` returned.
 */
export const formSchema = <T>(read: (form: FormReader, fields: FormFields) => T) =>
  z.unknown().transform((input, context) => {
    const fields = (input ?? {}) as FormFields;
    const reader = new FormReader(fields);
    const result = read(reader, fields);
    if (reader.problems.length > 0) {
      for (const problem of reader.problems)
        context.addIssue({ code: 'custom', message: problem.message, path: [problem.path] });
      return z.NEVER;
    }
    return result as T;
  });
