import type { Page } from '../domain/journey/definition.ts';
import { type JourneyAnswers, walk } from '../domain/journey/engine.ts';
import {
  dateInputName,
  type Field,
  type FieldError,
  type PageInput,
  type ValidationContext,
} from '../domain/journey/fields.ts';

/**
 * A question page as the template draws it: the parameters of each GOV.UK Frontend macro, built from the
 * declared page, what was kept or typed, and any errors. Sensitive fields get no autofill and no spelling
 * service, so nothing reported lingers in the browser.
 */

type Params = Record<string, unknown>;

export type FieldView =
  | { readonly kind: 'text' | 'textarea' | 'date'; readonly params: Params }
  | {
      readonly kind: 'radios' | 'checkboxes';
      readonly params: Params;
      readonly items: readonly ItemView[];
    };

export interface ItemView {
  readonly value: string;
  readonly text: string;
  readonly hint?: { readonly text: string };
  readonly checked: boolean;
  readonly reveal: readonly FieldView[];
}

export interface QuestionView {
  readonly pageId: string;
  readonly title: string;
  /** The page heading is the only field's label or legend; otherwise the page draws its own heading. */
  readonly headingInField: boolean;
  readonly hint?: string;
  readonly fields: readonly FieldView[];
  readonly action: string;
  readonly backHref: string;
}

const one = (value: string | readonly string[] | undefined): string =>
  typeof value === 'string' ? value : (value?.[0] ?? '');

const many = (value: string | readonly string[] | undefined): readonly string[] =>
  value === undefined ? [] : typeof value === 'string' ? [value] : value;

const privacy = (field: { sensitive: boolean }) =>
  field.sensitive ? { autocomplete: 'off', spellcheck: false } : { autocomplete: 'off' };

const labelOf = (field: Field, asHeading: boolean) =>
  asHeading
    ? { text: field.label, isPageHeading: true, classes: 'govuk-label--l' }
    : { text: field.label, classes: 'govuk-label--s' };

const legendOf = (field: Field, asHeading: boolean) => ({
  legend: asHeading
    ? { text: field.label, isPageHeading: true, classes: 'govuk-fieldset__legend--l' }
    : { text: field.label, classes: 'govuk-fieldset__legend--s' },
});

const fieldView = (
  field: Field,
  page: Page,
  values: PageInput,
  errors: ReadonlyMap<string, FieldError>,
  asHeading: boolean,
): FieldView => {
  const error = errors.get(field.name);
  const errorMessage = error ? { text: error.text } : undefined;
  const hint = field.hint ? { text: field.hint } : undefined;
  switch (field.kind) {
    case 'text':
      return {
        kind: 'text',
        params: {
          id: field.name,
          name: field.name,
          label: labelOf(field, asHeading),
          hint,
          value: one(values[field.name]),
          errorMessage,
          type: field.format === 'email' ? 'email' : field.format === 'phone' ? 'tel' : 'text',
          classes: field.widthClass,
          ...privacy(field),
        },
      };
    case 'textarea':
      return {
        kind: 'textarea',
        params: {
          id: field.name,
          name: field.name,
          label: labelOf(field, asHeading),
          hint,
          value: one(values[field.name]),
          errorMessage,
          maxlength: field.maxLength,
          rows: field.rows ?? 5,
          ...privacy(field),
        },
      };
    case 'date': {
      const part = (name: 'day' | 'month' | 'year', width: number) => ({
        name,
        value: one(values[dateInputName(field.name, name)]),
        classes: `govuk-input--width-${width}${error ? ' govuk-input--error' : ''}`,
        autocomplete: 'off',
      });
      return {
        kind: 'date',
        params: {
          id: field.name,
          namePrefix: field.name,
          fieldset: legendOf(field, asHeading),
          hint,
          errorMessage,
          items: [part('day', 2), part('month', 2), part('year', 4)],
        },
      };
    }
    case 'radios':
    case 'checkboxes': {
      const chosen = new Set(many(values[field.name]));
      return {
        kind: field.kind,
        params: {
          name: field.name,
          idPrefix: field.name,
          fieldset: legendOf(field, asHeading),
          hint,
          errorMessage,
          classes: field.inline ? 'govuk-radios--inline' : undefined,
        },
        items: field.options.map((option) => ({
          value: option.value,
          text: option.label,
          ...(option.hint ? { hint: { text: option.hint } } : {}),
          checked: chosen.has(option.value),
          reveal: (option.reveals ?? []).flatMap((name) => {
            const revealed = page.fields.find((candidate) => candidate.name === name);
            return revealed ? [fieldView(revealed, page, values, errors, false)] : [];
          }),
        })),
      };
    }
  }
};

const revealedNames = (page: Page): Set<string> =>
  new Set(
    page.fields.flatMap((field) =>
      field.kind === 'radios' || field.kind === 'checkboxes'
        ? field.options.flatMap((o) => o.reveals ?? [])
        : [],
    ),
  );

/** The previous page on the path the answers lead along; the start page before the first question. */
export const backHrefOf = (pageId: string, answers: JourneyAnswers, context: ValidationContext): string => {
  const visited = walk(answers, context).visited.map((entry) => entry.page.id);
  const index = visited.indexOf(pageId);
  const previous = index === -1 ? visited.at(-1) : visited[index - 1];
  return previous ? `/report/${previous}` : '/report';
};

export const questionView = (
  page: Page,
  values: PageInput,
  errors: readonly FieldError[],
  backHref: string,
): QuestionView => {
  const byField = new Map(errors.map((error) => [error.field, error]));
  const hidden = revealedNames(page);
  const topLevel = page.fields.filter((field) => !hidden.has(field.name));
  const headingInField = topLevel.length === 1 && topLevel[0]?.label === page.title;
  return {
    pageId: page.id,
    title: page.title,
    headingInField,
    ...(page.hint && !headingInField ? { hint: page.hint } : {}),
    fields: topLevel.map((field) =>
      fieldView(
        headingInField && page.hint && !field.hint ? { ...field, hint: page.hint } : field,
        page,
        values,
        byField,
        headingInField,
      ),
    ),
    action: `/report/${page.id}`,
    backHref,
  };
};
