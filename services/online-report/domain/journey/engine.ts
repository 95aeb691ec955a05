import * as z from 'zod';
import { type ReportAnswers, ReportAnswersSchema } from '../model.ts';
import {
  checkAnswersStep,
  type ExitId,
  exitIds,
  type Page,
  pages,
  type Section,
  type Step,
} from './definition.ts';
import {
  checkField,
  type Field,
  type FieldError,
  type FieldValue,
  type FormInput,
  formatDateForPeople,
  type PageInput,
  readField,
  type ValidationContext,
} from './fields.ts';

/** What a journey has kept: each answered page's input, by page id. Server-side only. */
export type JourneyAnswers = Readonly<Record<string, PageInput>>;

export const JourneyAnswersSchema = z.record(
  z.string().max(60),
  z.record(z.string().max(60), z.union([z.string().max(10_000), z.array(z.string().max(100)).max(20)])),
);

export const firstPageId = 'in-danger';

const pagesById: ReadonlyMap<string, Page> = new Map(pages.map((page) => [page.id, page]));

export const findPage = (id: string): Page | undefined => pagesById.get(id);

export const isExit = (step: Step): step is ExitId => (exitIds as readonly string[]).includes(step);

/** Fields shown under an option, with the choice field and option that reveal them. */
const revealers = (page: Page): Map<string, { field: string; option: string }> => {
  const map = new Map<string, { field: string; option: string }>();
  for (const field of page.fields) {
    if (field.kind !== 'radios' && field.kind !== 'checkboxes') continue;
    for (const option of field.options) {
      for (const revealed of option.reveals ?? [])
        map.set(revealed, { field: field.name, option: option.value });
    }
  }
  return map;
};

const chosen = (input: PageInput, field: string, option: string): boolean => {
  const value = input[field];
  return typeof value === 'string' ? value === option : (value ?? []).includes(option);
};

/** Fields that apply given the page's own answers: a revealed field counts only under its chosen option. */
const activeFields = (page: Page, input: PageInput): Field[] => {
  const revealedBy = revealers(page);
  return page.fields.filter((field) => {
    const parent = revealedBy.get(field.name);
    return parent === undefined || chosen(input, parent.field, parent.option);
  });
};

/** Reads a posted page into what is kept; inputs of fields hidden under an unchosen option are dropped. */
export const readPage = (page: Page, form: FormInput): PageInput => {
  const all: Record<string, string | readonly string[]> = {};
  for (const field of page.fields) Object.assign(all, readField(field, form));
  const kept: Record<string, string | readonly string[]> = {};
  for (const field of activeFields(page, all)) {
    for (const [name, value] of Object.entries(readField(field, all))) kept[name] = value;
  }
  return kept;
};

export interface PageCheck {
  readonly values: Readonly<Record<string, FieldValue>>;
  readonly errors: readonly FieldError[];
}

/** Checks a page's kept input; the same check runs on the page and again on check your answers. */
export const validatePage = (page: Page, input: PageInput, context: ValidationContext): PageCheck => {
  const values: Record<string, FieldValue> = {};
  const errors: FieldError[] = [];
  for (const field of activeFields(page, input)) {
    const result = checkField(field, input, context);
    if (result.error) errors.push(result.error);
    if (result.value !== undefined) values[field.name] = result.value;
  }
  return { values, errors };
};

type Condition = NonNullable<Page['next'][number]['when']>;

const holds = (condition: Condition, values: Readonly<Record<string, FieldValue>>): boolean => {
  const value = values[condition.field];
  if ('isBlank' in condition) return value === undefined;
  if (typeof value !== 'string') return false;
  return 'equals' in condition ? value === condition.equals : condition.oneOf.includes(value);
};

/** The next step from a page, by its declared rules. */
export const nextStep = (page: Page, values: Readonly<Record<string, FieldValue>>): Step => {
  const rule = page.next.find((candidate) => candidate.when === undefined || holds(candidate.when, values));
  if (!rule) throw new Error(`Page ${page.id} has no rule that applies`);
  return rule.goTo;
};

export interface VisitedPage {
  readonly page: Page;
  readonly values: Readonly<Record<string, FieldValue>>;
}

export interface Walk {
  /** Pages answered and valid, in the order the journey takes them with these answers. */
  readonly visited: readonly VisitedPage[];
  /** Where the walk stopped: the first page not yet answered (or no longer valid), an exit, or check answers. */
  readonly stoppedAt: Step;
}

/**
 * Follows the journey from the first page with the kept answers. Answers to pages off the path (a branch
 * since changed) are ignored, so they are neither shown nor sent.
 */
export const walk = (answers: JourneyAnswers, context: ValidationContext): Walk => {
  const visited: VisitedPage[] = [];
  let step: Step = firstPageId;
  for (let guard = 0; guard <= pages.length; guard += 1) {
    const page = findPage(step);
    if (!page) return { visited, stoppedAt: step };
    const input = answers[page.id];
    if (input === undefined) return { visited, stoppedAt: page.id };
    const check = validatePage(page, input, context);
    if (check.errors.length > 0) return { visited, stoppedAt: page.id };
    visited.push({ page, values: check.values });
    step = nextStep(page, check.values);
  }
  throw new Error('The journey has a loop');
};

/** A page may be shown when it is on the path the answers so far lead along (no skipping ahead). */
export const canVisit = (pageId: string, answers: JourneyAnswers, context: ValidationContext): boolean => {
  const { visited, stoppedAt } = walk(answers, context);
  return stoppedAt === pageId || visited.some((entry) => entry.page.id === pageId);
};

/**
 * Where to go after a page is saved. Before check your answers is reached, the page's own next step; after,
 * straight back to check your answers unless the change opened a page not yet answered.
 */
export const stepAfterSave = (
  page: Page,
  values: Readonly<Record<string, FieldValue>>,
  answers: JourneyAnswers,
  context: ValidationContext & { readonly reachedCheckAnswers: boolean },
): Step => {
  const next = nextStep(page, values);
  if (isExit(next) || !context.reachedCheckAnswers) return next;
  return walk(answers, context).stoppedAt;
};

export interface SummaryRow {
  readonly section: Section;
  readonly key: string;
  readonly lines: readonly string[];
  readonly changeHref: string;
  readonly pageId: string;
}

export interface AnswersError extends FieldError {
  readonly pageId: string;
}

export type CheckAnswersResult =
  | { readonly kind: 'incomplete'; readonly resumeAt: Step }
  | {
      readonly kind: 'invalid';
      readonly rows: readonly SummaryRow[];
      readonly errors: readonly AnswersError[];
    }
  | { readonly kind: 'valid'; readonly rows: readonly SummaryRow[]; readonly report: ReportAnswers };

const display = (field: Field, value: FieldValue | undefined): string[] => {
  if (field.kind === 'date')
    return [value === undefined ? 'Not given' : formatDateForPeople(value as string)];
  if (field.kind === 'radios' || field.kind === 'checkboxes') {
    const values = value === undefined ? [] : typeof value === 'string' ? [value] : value;
    return values.map(
      (chosenValue) => field.options.find((o) => o.value === chosenValue)?.label ?? chosenValue,
    );
  }
  if (value === undefined) return [(field.kind === 'text' && field.blankAnswer) || 'Not given'];
  return (value as string).split('\n');
};

const rowsOf = (visited: readonly VisitedPage[]): SummaryRow[] =>
  visited.flatMap(({ page, values }) =>
    activeFields(page, values).map((field) => ({
      section: page.section,
      key: field.label,
      lines: display(field, values[field.name]),
      changeHref: `/report/${page.id}`,
      pageId: page.id,
    })),
  );

const answerOf = (visited: readonly VisitedPage[], name: string): FieldValue | undefined => {
  for (const { values } of visited) if (name in values) return values[name];
  return undefined;
};

/** Rules across pages: checked only on check your answers, and pointed at the page to change. */
const crossPageErrors = (visited: readonly VisitedPage[]): AnswersError[] => {
  const errors: AnswersError[] = [];
  const incidentDate = answerOf(visited, 'incidentDate');
  const dateOfBirth = answerOf(visited, 'dateOfBirth');
  if (typeof incidentDate === 'string' && typeof dateOfBirth === 'string' && incidentDate < dateOfBirth) {
    errors.push({
      pageId: 'when',
      field: 'incidentDate',
      href: '/report/when',
      text: 'The date it happened must be on or after your date of birth',
    });
  }
  return errors;
};

const reportFrom = (visited: readonly VisitedPage[]): ReportAnswers => {
  const text = (name: string): string | undefined => {
    const value = answerOf(visited, name);
    return typeof value === 'string' ? value : undefined;
  };
  const suspectKnown = text('suspectKnown') === 'yes';
  const methods = answerOf(visited, 'contactMethods');
  return ReportAnswersSchema.parse({
    category: text('category'),
    incidentDate: text('incidentDate'),
    location: text('location'),
    description: text('description'),
    suspect: suspectKnown
      ? {
          name: text('suspectName'),
          dateOfBirth: text('suspectDateOfBirth'),
          ageBand: text('suspectAge'),
          relationship: text('relationship'),
        }
      : undefined,
    reporter: { name: text('fullName'), dateOfBirth: text('dateOfBirth') },
    contact: {
      methods: Array.isArray(methods) ? methods : [],
      phone: text('phone'),
      email: text('email'),
      meetingPlace: text('meetingPlace'),
      safeTimes: text('safeTimes'),
      safeTimesDetail: text('safeTimesDetail'),
      messagesAllowed: text('messagesAllowed') === 'yes',
      safeWord: text('safeWord'),
    },
  });
};

/**
 * Check your answers: walks the whole journey again, re-validating every answer on the path with the
 * page's own rules, then the rules across pages. Only a valid result carries the report to send.
 */
export const checkAnswers = (answers: JourneyAnswers, context: ValidationContext): CheckAnswersResult => {
  const { visited, stoppedAt } = walk(answers, context);
  if (stoppedAt !== checkAnswersStep) return { kind: 'incomplete', resumeAt: stoppedAt };
  const rows = rowsOf(visited);
  const errors = crossPageErrors(visited);
  if (errors.length > 0) return { kind: 'invalid', rows, errors };
  return { kind: 'valid', rows, report: reportFrom(visited) };
};
