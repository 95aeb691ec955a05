import type { FormFields } from './browser-state.ts';
import type { RequestKind } from './tally.ts';

/** Who is filling in the form this time: each pass through a journey is a different person. */
export interface Person {
  /** Counts the people of one run from 0. */
  readonly serial: number;
  /** Letters only, different for every serial, for the names typed into the form. */
  readonly tag: string;
}

/**
 * One request of a public journey as a browser makes it. A POST sends `fields` with the hidden fields of
 * the page before it (the CSRF token, a submission token); the response must match `expect`, or the person
 * gives up and starts again.
 */
export interface JourneyStep {
  readonly kind: RequestKind;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly fields?: (person: Person) => FormFields;
  readonly expect: { readonly status: number; readonly location?: string };
}

export interface Journey {
  /** As the section names it: `report`, `clares-law`. */
  readonly name: string;
  readonly label: string;
  readonly steps: readonly JourneyStep[];
}

/** `A`, `B`, … `Z`, `BA`, … with a capital first, padded to four letters: a surname-like tag per serial. */
export const lettersOf = (serial: number): string => {
  if (!Number.isInteger(serial) || serial < 0) throw new RangeError(`No letters for ${serial}.`);
  let rest = serial;
  let letters = '';
  do {
    letters = String.fromCharCode(97 + (rest % 26)) + letters;
    rest = Math.floor(rest / 26);
  } while (rest > 0);
  const padded = letters.padStart(4, 'a');
  return padded.charAt(0).toUpperCase() + padded.slice(1);
};

export const personOf = (serial: number): Person => ({ serial, tag: lettersOf(serial) });

/** A calendar date as the GOV.UK date input posts it: `<name>-day`, `-month`, `-year`. */
export const dateFields = (name: string, date: Date): FormFields => ({
  [`${name}-day`]: String(date.getUTCDate()),
  [`${name}-month`]: String(date.getUTCMonth() + 1),
  [`${name}-year`]: String(date.getUTCFullYear()),
});

/** A question page: shown, then answered, with the page the answer should lead to. */
export const question = (
  prefix: string,
  page: string,
  fields: (person: Person) => FormFields,
  next: string,
): JourneyStep[] => [
  { kind: 'page', method: 'GET', path: `${prefix}/${page}`, expect: { status: 200 } },
  {
    kind: 'answer',
    method: 'POST',
    path: `${prefix}/${page}`,
    fields,
    expect: { status: 303, location: next },
  },
];

/**
 * What a person walking the journey has answered by its end, page by page (the last part of each answer's
 * path), as the service keeps it: for seeding a journey at check your answers without walking it.
 */
export const answersOf = (journey: Journey, person: Person): Record<string, FormFields> => {
  const answers: Record<string, FormFields> = {};
  for (const step of journey.steps) {
    if (step.kind !== 'answer') continue;
    const page = step.path.split('/').at(-1) ?? step.path;
    answers[page] = step.fields?.(person) ?? {};
  }
  return answers;
};
