import { isLondonDate, londonDateOf, londonInstant } from '../../../shared/calendar/index.ts';
import { type FieldIssue, InvalidInputError } from './errors.ts';

/** Form fields as posted: a repeated name (checkboxes) arrives as an array. */
export type RawFields = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface TextOptions {
  /** The GOV.UK message when it is left empty; omit for an optional field. */
  readonly required?: string;
  /** The field's name in messages, e.g. "Full name". */
  readonly label: string;
  readonly max: number;
  /** Keep the text exactly as typed, inner and outer whitespace included (the verbatim disclosure). */
  readonly verbatim?: boolean;
}

export interface DateOptions {
  readonly label: string;
  /** "Enter your date of birth"; omit for an optional date. */
  readonly required?: string;
  readonly today: string;
  readonly notAfterToday?: boolean;
  readonly notBeforeToday?: boolean;
  /** A date of birth must be in the past (GOV.UK date input guidance). */
  readonly pastOnly?: boolean;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are exactly what is refused
const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

const first = (value: string | readonly string[] | undefined): string =>
  typeof value === 'string' ? value : (value?.[0] ?? '');

const all = (value: string | readonly string[] | undefined): string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : [...value];

const sentence = (label: string): string => label.charAt(0).toUpperCase() + label.slice(1);

/**
 * Reads a posted form field by field, collecting GOV.UK-style messages for everything wrong, so one
 * submission shows every problem at once. `finish` throws them together as an `InvalidInputError`.
 */
export class FormReader {
  readonly issues: FieldIssue[] = [];

  constructor(readonly fields: RawFields) {}

  fail(field: string, message: string, anchor?: string): undefined {
    if (!this.issues.some((issue) => issue.field === field)) {
      this.issues.push(anchor ? { field, message, anchor } : { field, message });
    }
    return undefined;
  }

  hasIssue(field: string): boolean {
    return this.issues.some((issue) => issue.field === field);
  }

  /** Trimmed text (or as typed, for verbatim), in any script; undefined when empty or wrong. */
  text(name: string, options: TextOptions): string | undefined {
    const raw = first(this.fields[name]).replace(/\r\n/g, '\n');
    const value = options.verbatim ? raw : raw.trim();
    if (value.trim() === '') {
      return options.required ? this.fail(name, options.required) : undefined;
    }
    if (controlCharacters.test(value)) {
      return this.fail(name, `${sentence(options.label)} must not contain control characters`);
    }
    if ([...value].length > options.max) {
      return this.fail(name, `${sentence(options.label)} must be ${options.max} characters or less`);
    }
    return value;
  }

  /** One line per entry (other names, aliases), blank lines dropped. */
  lines(
    name: string,
    options: { readonly label: string; readonly maxLines: number; readonly maxLength: number },
  ): string[] {
    const value = this.text(name, { label: options.label, max: options.maxLines * (options.maxLength + 1) });
    if (value === undefined) return [];
    const lines = value
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line.length > 0);
    if (lines.length > options.maxLines) {
      this.fail(name, `Enter no more than ${options.maxLines} ${options.label.toLowerCase()}`);
      return [];
    }
    if (lines.some((line) => [...line].length > options.maxLength)) {
      this.fail(
        name,
        `Each of the ${options.label.toLowerCase()} must be ${options.maxLength} characters or less`,
      );
      return [];
    }
    return lines;
  }

  choice<T extends string>(name: string, allowed: readonly T[], required?: string): T | undefined {
    const value = first(this.fields[name]);
    if (value === '') return required ? this.fail(name, required) : undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      return this.fail(name, required ?? 'Select one of the options');
    }
    return value as T;
  }

  choices<T extends string>(name: string, allowed: readonly T[], required?: string): T[] {
    const values = all(this.fields[name]).filter((value) => value !== '' && value !== '_unchecked');
    if (values.length === 0) {
      if (required) this.fail(name, required);
      return [];
    }
    if (values.some((value) => !(allowed as readonly string[]).includes(value))) {
      this.fail(name, required ?? 'Select from the options given');
      return [];
    }
    return [...new Set(values)] as T[];
  }

  yesNo(name: string, required: string): boolean | undefined {
    const value = this.choice(name, ['yes', 'no'] as const, required);
    return value === undefined ? undefined : value === 'yes';
  }

  /** A single "I confirm" checkbox that must be ticked. */
  confirmed(name: string, message: string): true | undefined {
    const values = all(this.fields[name]);
    return values.includes('yes') ? true : this.fail(name, message);
  }

  /** A whole number, e.g. an approximate age. */
  wholeNumber(
    name: string,
    options: {
      readonly label: string;
      readonly min: number;
      readonly max: number;
      readonly required?: string;
    },
  ): number | undefined {
    const raw = first(this.fields[name]).trim();
    if (raw === '') return options.required ? this.fail(name, options.required) : undefined;
    if (!/^\d{1,3}$/.test(raw))
      return this.fail(name, `${sentence(options.label)} must be a number, like 30`);
    const value = Number(raw);
    if (value < options.min || value > options.max) {
      return this.fail(name, `${sentence(options.label)} must be between ${options.min} and ${options.max}`);
    }
    return value;
  }

  /** A GOV.UK date input: `<name>-day`, `<name>-month`, `<name>-year`; returns `YYYY-MM-DD`. */
  date(name: string, options: DateOptions): string | undefined {
    const parts = {
      day: first(this.fields[`${name}-day`]).trim(),
      month: first(this.fields[`${name}-month`]).trim(),
      year: first(this.fields[`${name}-year`]).trim(),
    };
    const label = sentence(options.label);
    const missing = (Object.keys(parts) as (keyof typeof parts)[]).filter((part) => parts[part] === '');
    if (missing.length === 3) {
      return options.required ? this.fail(name, options.required, `${name}-day`) : undefined;
    }
    if (missing.length > 0) {
      const [firstMissing] = missing;
      return this.fail(name, `${label} must include a ${missing.join(' and a ')}`, `${name}-${firstMissing}`);
    }
    if (!/^\d{1,2}$/.test(parts.day) || !/^\d{1,2}$/.test(parts.month) || !/^\d{4}$/.test(parts.year)) {
      return this.fail(name, `${label} must be a real date`, `${name}-day`);
    }
    const value = `${parts.year}-${parts.month.padStart(2, '0')}-${parts.day.padStart(2, '0')}`;
    if (!isLondonDate(value) || Number(parts.year) < 1900) {
      return this.fail(name, `${label} must be a real date`, `${name}-day`);
    }
    if (options.pastOnly && value >= options.today) {
      return this.fail(name, `${label} must be in the past`, `${name}-day`);
    }
    if (options.notAfterToday && value > options.today) {
      return this.fail(name, `${label} must be today or in the past`, `${name}-day`);
    }
    if (options.notBeforeToday && value < options.today) {
      return this.fail(name, `${label} must be today or in the future`, `${name}-day`);
    }
    return value;
  }

  /** A time of day typed as 14:30, 2:30pm or 2pm. */
  time(
    name: string,
    options: { readonly label: string; readonly required: string },
  ): { hour: number; minute: number } | undefined {
    const raw = first(this.fields[name]).trim().toLowerCase().replace(/\s+/g, '').replace('.', ':');
    if (raw === '') return this.fail(name, options.required);
    const match = /^(\d{1,2})(?::(\d{2}))?(am|pm)?$/.exec(raw);
    const hourText = match?.[1];
    if (!match || hourText === undefined || (match[2] === undefined && match[3] === undefined)) {
      return this.fail(name, `${sentence(options.label)} must be a real time, like 14:30 or 2:30pm`);
    }
    let hour = Number(hourText);
    const minute = Number(match[2] ?? '0');
    if (match[3]) {
      if (hour < 1 || hour > 12)
        return this.fail(name, `${sentence(options.label)} must be a real time, like 14:30 or 2:30pm`);
      hour = (hour % 12) + (match[3] === 'pm' ? 12 : 0);
    }
    if (hour > 23 || minute > 59) {
      return this.fail(name, `${sentence(options.label)} must be a real time, like 14:30 or 2:30pm`);
    }
    return { hour, minute };
  }

  /**
   * A date input plus a time field read as London time, as an instant. `notAfter` refuses a time in the
   * future (a meeting that has not happened yet cannot be recorded as held).
   */
  instant(
    dateName: string,
    timeName: string,
    options: {
      readonly label: string;
      readonly now: Date;
      readonly notAfterNow?: boolean;
      readonly notBeforeNow?: boolean;
    },
  ): Date | undefined {
    const today = londonDateOf(options.now);
    const day = this.date(dateName, {
      label: `${options.label} date`,
      required: `Enter the ${options.label.toLowerCase()} date`,
      today,
    });
    const time = this.time(timeName, {
      label: `${options.label} time`,
      required: `Enter the ${options.label.toLowerCase()} time`,
    });
    if (day === undefined || time === undefined) return undefined;
    const instant = londonInstant(day, time);
    // A minute's grace: "now" typed on a form is a little behind the server clock.
    if (options.notAfterNow && instant.getTime() > options.now.getTime() + 60_000) {
      return this.fail(dateName, `${sentence(options.label)} must be now or in the past`, `${dateName}-day`);
    }
    if (options.notBeforeNow && instant.getTime() < options.now.getTime() - 60_000) {
      return this.fail(dateName, `${sentence(options.label)} must be in the future`, `${dateName}-day`);
    }
    return instant;
  }

  email(name: string, options: { readonly required: string }): string | undefined {
    const value = this.text(name, { label: 'Email address', max: 254, required: options.required });
    if (value === undefined) return undefined;
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      return this.fail(name, 'Enter an email address in the correct format, like name@example.com');
    }
    return value;
  }

  phone(name: string, options: { readonly required: string; readonly label?: string }): string | undefined {
    const value = this.text(name, {
      label: options.label ?? 'Phone number',
      max: 40,
      required: options.required,
    });
    if (value === undefined) return undefined;
    if (!/^\+?[\d\s()-]{7,}$/.test(value) || value.replace(/\D/g, '').length < 7) {
      return this.fail(name, 'Enter a phone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192');
    }
    return value;
  }

  /** Throws every collected issue at once, or returns what `build` makes of the values read. */
  finish<T>(build: () => T): T {
    if (this.issues.length > 0) throw new InvalidInputError(this.issues);
    return build();
  }
}
