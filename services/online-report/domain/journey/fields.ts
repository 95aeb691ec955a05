import type { LondonDate } from '../../../../shared/calendar/london-time.ts';

/**
 * The questions of a journey as data: a field says what it asks, what it accepts and the GOV.UK error
 * message for each way an answer can be wrong. Validation is pure; "today" is passed in.
 */

/** What a form posts, by input name (a date posts `<name>-day`, `<name>-month`, `<name>-year`). */
export type FormInput = Readonly<Record<string, string | readonly string[] | undefined>>;

/** The answers kept for a page: its inputs, cleaned, exactly as they would be posted again. */
export type PageInput = Readonly<Record<string, string | readonly string[]>>;

/** A checked answer: text, a London date (`YYYY-MM-DD`), or the chosen options of a checkbox list. */
export type FieldValue = string | readonly string[];

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  /** Fields shown under this option (GOV.UK conditional reveal); checked only when the option is chosen. */
  readonly reveals?: readonly string[];
}

interface BaseField {
  readonly name: string;
  /** The field's label, or the legend of a radio or checkbox list; also the row key on check your answers. */
  readonly label: string;
  readonly hint?: string;
  readonly required: boolean;
}

export interface ChoiceField extends BaseField {
  readonly kind: 'radios' | 'checkboxes';
  readonly options: readonly Option[];
  /** GOV.UK: "Select yes if ..." / "Select how we can contact you". */
  readonly errorRequired: string;
  /** Radios side by side (yes/no). */
  readonly inline?: boolean;
}

export interface TextField extends BaseField {
  readonly kind: 'text' | 'textarea';
  readonly format?: 'email' | 'phone';
  readonly maxLength: number;
  /** Shown on check your answers when the optional field was left blank. */
  readonly blankAnswer?: string;
  readonly errorRequired?: string;
  /** e.g. "Where it happened": the start of "... must be 500 characters or fewer". */
  readonly subject: string;
  readonly errorFormat?: string;
  /** Fields that could tell someone else what was reported are never offered to the browser's autofill. */
  readonly sensitive: boolean;
  readonly widthClass?: string;
  readonly rows?: number;
}

export interface DateField extends BaseField {
  readonly kind: 'date';
  /** e.g. "The date it happened": the start of "... must be a real date". */
  readonly subject: string;
  readonly errorRequired?: string;
  /** Earliest accepted date, in whole years before today: older dates cannot be true. */
  readonly earliestYearsAgo: number;
  /** `today`: today allowed (an incident); `past`: strictly before today (a date of birth). */
  readonly latest: 'today' | 'past';
  readonly sensitive: boolean;
}

export type Field = ChoiceField | TextField | DateField;

export interface FieldError {
  readonly field: string;
  /** The element the error summary links to. */
  readonly href: string;
  readonly text: string;
}

export interface ValidationContext {
  readonly today: LondonDate;
}

const datePartNames = ['day', 'month', 'year'] as const;
type DatePart = (typeof datePartNames)[number];

export const dateInputName = (field: string, part: DatePart): string => `${field}-${part}`;

/** Control characters are dropped (a newline is kept where the field allows several lines). */
export const cleanText = (value: string, multiline: boolean): string => {
  const unified = value.replace(/\r\n?/g, '\n').replace(/\t/g, ' ');
  const stripped = [...unified]
    .filter((character) => {
      const code = character.charCodeAt(0);
      const control = code < 0x20 || code === 0x7f;
      return !control || (multiline && character === '\n');
    })
    .join('');
  return stripped.trim();
};

const firstString = (value: string | readonly string[] | undefined): string => {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return value[0] ?? '';
};

const allStrings = (value: string | readonly string[] | undefined): string[] => {
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
};

/** The input names a field posts. */
export const inputNamesOf = (field: Field): string[] =>
  field.kind === 'date' ? datePartNames.map((part) => dateInputName(field.name, part)) : [field.name];

/**
 * Reads a field's inputs from a posted form into the kept shape: text cleaned, choices limited to the
 * field's own options (anything else is ignored as if not sent), date parts as typed.
 */
export const readField = (field: Field, form: FormInput): PageInput => {
  switch (field.kind) {
    case 'radios': {
      const chosen = cleanText(firstString(form[field.name]), false);
      return chosen === '' ? {} : { [field.name]: chosen };
    }
    case 'checkboxes': {
      const allowed = new Set(field.options.map((option) => option.value));
      const chosen = [
        ...new Set(allStrings(form[field.name]).map((value) => cleanText(value, false))),
      ].filter((value) => allowed.has(value));
      return chosen.length === 0 ? {} : { [field.name]: chosen };
    }
    case 'text':
    case 'textarea': {
      const text = cleanText(firstString(form[field.name]), field.kind === 'textarea');
      return text === '' ? {} : { [field.name]: text };
    }
    case 'date': {
      const parts: Record<string, string> = {};
      for (const part of datePartNames) {
        const name = dateInputName(field.name, part);
        const text = cleanText(firstString(form[name]), false).replace(/\s+/g, '');
        if (text !== '') parts[name] = text;
      }
      return parts;
    }
  }
};

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03-01` as "1 March 2026". */
export const formatDateForPeople = (date: LondonDate): string => {
  const [year, month, day] = date.split('-').map(Number);
  return `${day} ${monthNames[(month ?? 1) - 1]} ${year}`;
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const isRealDate = (year: number, month: number, day: number): boolean => {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
};

/** The same day `years` years before `date`; 29 February becomes 28 February in a common year. */
export const yearsBefore = (date: LondonDate, years: number): LondonDate => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const targetYear = year - years;
  const safeDay = isRealDate(targetYear, month, day) ? day : day - 1;
  return `${pad(targetYear, 4)}-${pad(month, 2)}-${pad(safeDay, 2)}` as LondonDate;
};

const dayBefore = (date: LondonDate): LondonDate => {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const previous = new Date(Date.UTC(year, month - 1, day - 1));
  return previous.toISOString().slice(0, 10) as LondonDate;
};

const missingPartsMessage = (subject: string, missing: readonly DatePart[]): string =>
  `${subject} must include a ${missing.join(' and ')}`;

interface Checked {
  readonly value?: FieldValue;
  readonly error?: FieldError;
}

const checkDate = (field: DateField, input: PageInput, context: ValidationContext): Checked => {
  const typed = Object.fromEntries(
    datePartNames.map((part) => [part, firstString(input[dateInputName(field.name, part)])]),
  ) as Record<DatePart, string>;
  const missing = datePartNames.filter((part) => typed[part] === '');
  const errorAt = (part: DatePart, text: string): Checked => ({
    error: { field: field.name, href: `#${dateInputName(field.name, part)}`, text },
  });
  if (missing.length === 3) {
    return field.required
      ? errorAt('day', field.errorRequired ?? `Enter ${field.subject.toLowerCase()}`)
      : {};
  }
  const [firstMissing] = missing;
  if (firstMissing) return errorAt(firstMissing, missingPartsMessage(field.subject, missing));
  if (!datePartNames.every((part) => /^\d+$/.test(typed[part]))) {
    return errorAt('day', `${field.subject} must be a real date`);
  }
  if (typed.year.length !== 4) return errorAt('year', 'Year must include 4 numbers');
  const [day, month, year] = [Number(typed.day), Number(typed.month), Number(typed.year)];
  if (!isRealDate(year, month, day)) return errorAt('day', `${field.subject} must be a real date`);
  const date = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}` as LondonDate;
  if (field.latest === 'today' ? date > context.today : date >= context.today) {
    return errorAt(
      'day',
      `${field.subject} must be ${field.latest === 'today' ? 'today or in the past' : 'in the past'}`,
    );
  }
  const earliest = yearsBefore(context.today, field.earliestYearsAgo);
  if (date < earliest) {
    return errorAt('day', `${field.subject} must be after ${formatDateForPeople(dayBefore(earliest))}`);
  }
  return { value: date };
};

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]+$/;
const phoneCharacters = /^\+?[0-9 ()-]+$/;

const checkText = (field: TextField, input: PageInput): Checked => {
  const text = firstString(input[field.name]);
  const error = (text: string): Checked => ({ error: { field: field.name, href: `#${field.name}`, text } });
  if (text === '')
    return field.required ? error(field.errorRequired ?? `Enter ${field.subject.toLowerCase()}`) : {};
  if (text.length > field.maxLength) {
    return error(`${field.subject} must be ${field.maxLength} characters or fewer`);
  }
  if (field.format === 'email' && !emailPattern.test(text)) {
    return error(field.errorFormat ?? 'Enter an email address in the correct format, like name@example.com');
  }
  if (field.format === 'phone') {
    const digits = text.replace(/\D/g, '').length;
    if (!phoneCharacters.test(text) || digits < 10 || digits > 15) {
      return error(
        field.errorFormat ??
          'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192',
      );
    }
  }
  return { value: text };
};

const checkChoice = (field: ChoiceField, input: PageInput): Checked => {
  const allowed = new Set(field.options.map((option) => option.value));
  const chosen = allStrings(input[field.name]).filter((value) => allowed.has(value));
  if (chosen.length === 0) {
    return field.required
      ? { error: { field: field.name, href: `#${field.name}`, text: field.errorRequired } }
      : {};
  }
  return { value: field.kind === 'radios' ? (chosen[0] as string) : chosen };
};

/** Checks one field's kept input. */
export const checkField = (field: Field, input: PageInput, context: ValidationContext): Checked => {
  switch (field.kind) {
    case 'date':
      return checkDate(field, input, context);
    case 'text':
    case 'textarea':
      return checkText(field, input);
    case 'radios':
    case 'checkboxes':
      return checkChoice(field, input);
  }
};
