import { formatLondon, isLondonDate } from '../../../shared/calendar/index.ts';
import type { FieldIssue } from '../domain/errors.ts';
import type { RawFields } from '../domain/form-reader.ts';
import { applicablePages, type FieldSpec, type JourneyPage } from '../domain/journey.ts';

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A summary-list value: several lines keep their breaks, everything typed is escaped. */
export const displayValue = (text: string): { readonly text: string } | { readonly html: string } =>
  text.includes('\n') ? { html: text.split('\n').map(escapeHtml).join('<br>') } : { text };

/** What the layout and the field macros need to show a form again with its problems. */
export interface ErrorContext {
  readonly errorList: readonly { readonly text: string; readonly href: string }[];
  readonly errors: Readonly<Record<string, { readonly text: string }>>;
}

/** GOV.UK error summary and inline messages from the domain's field issues. */
export const errorContext = (issues: readonly FieldIssue[]): ErrorContext => {
  const errors: Record<string, { text: string }> = {};
  const errorList: { text: string; href: string }[] = [];
  for (const issue of issues) {
    if (errors[issue.field]) continue;
    errors[issue.field] = { text: issue.message };
    errorList.push({ text: issue.message, href: `#${issue.anchor ?? issue.field}` });
  }
  return { errorList, errors };
};

/** The staff wording of every question (nested ones too), where a form is filled in for the applicant. */
export const staffWording = (fields: readonly FieldSpec[]): FieldSpec[] =>
  fields.map((field) => {
    const label = field.staffLabel ?? field.label;
    if (field.kind === 'radios' || field.kind === 'checkboxes') {
      return {
        ...field,
        label,
        options: field.options.map((option) =>
          option.conditional ? { ...option, conditional: staffWording(option.conditional) } : option,
        ),
      };
    }
    return { ...field, label };
  });

/** Form values for the templates: checkbox answers always as arrays, so `in` works on them. */
export const valuesForView = (fields: RawFields): Record<string, string | string[]> =>
  Object.fromEntries(
    Object.entries(fields)
      .filter((entry): entry is [string, string | readonly string[]] => entry[1] !== undefined)
      .map(([name, value]) => [name, typeof value === 'string' ? value : [...value]]),
  );

const raw = (answers: RawFields, name: string): string[] => {
  const value = answers[name];
  return value === undefined ? [] : typeof value === 'string' ? [value] : [...value];
};

const dateText = (answers: RawFields, name: string): string => {
  const [day, month, year] = ['day', 'month', 'year'].map(
    (part) => raw(answers, `${name}-${part}`)[0]?.trim() ?? '',
  );
  if (!day || !month || !year) return '';
  const iso = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isLondonDate(iso)
    ? (formatLondon(`${iso}T12:00:00Z`).replace(/^\w+ /, '').split(',')[0] ?? iso)
    : iso;
};

/** One answer as the person should read it back: option labels, not stored values. */
const answerText = (field: FieldSpec, answers: RawFields): string[] => {
  switch (field.kind) {
    case 'heading':
      return [];
    case 'date':
      return [dateText(answers, field.name)].filter(Boolean);
    case 'radios':
    case 'checkboxes': {
      const chosen = raw(answers, field.name);
      return field.options
        .filter((option) => chosen.includes(option.value))
        .flatMap((option) => [
          option.label,
          ...(option.conditional ?? []).flatMap((nested) => answerText(nested, answers)),
        ]);
    }
    default:
      return raw(answers, field.name).filter((value) => value.trim() !== '');
  }
};

export interface SummaryRow {
  readonly key: { readonly text: string };
  readonly value: { readonly text: string } | { readonly html: string };
  readonly actions?: {
    readonly items: readonly {
      readonly href: string;
      readonly text: string;
      readonly visuallyHiddenText: string;
    }[];
  };
}

export interface SummaryCard {
  readonly title: string;
  readonly rows: readonly SummaryRow[];
}

/** Check your answers: every applicable page as a card, each answer with a link back to change it. */
export const answerCards = (answers: RawFields, pathOf: (page: JourneyPage) => string): SummaryCard[] =>
  applicablePages(answers).map((page) => ({
    title: page.title,
    rows: page.fields
      .filter((field) => field.kind !== 'heading')
      .map((field) => {
        const text = answerText(field, answers);
        return {
          key: { text: field.label },
          value: displayValue(text.length > 0 ? text.join('\n') : 'Not given'),
          actions: {
            items: [{ href: pathOf(page), text: 'Change', visuallyHiddenText: field.label.toLowerCase() }],
          },
        };
      }),
  }));
