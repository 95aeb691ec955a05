import * as z from 'zod';
import { endOfLondonDay, isLondonDate, londonInstant } from '../../shared/calendar/index.ts';
import { formFields } from '../../shared/http/index.ts';
import {
  abuserIsStaffValues,
  conflictRelations,
  incidentKinds,
  outcomeKinds,
  receivedAsValues,
  sharingBases,
  supportKinds,
} from './domain/model.ts';
import { grantPeriodsHours } from './domain/safeguarding.ts';

/**
 * The forms' schemas: what the person typed, checked for shape only. The rules (a reason is needed, an end
 * date in the future, a crime number for a criminal allegation) are the domain's, so that a refusal is
 * audited with the rule that made it.
 */

const optional = (maxLength: number) =>
  formFields.optionalText({ maxLength, tooLong: `Must be ${maxLength} characters or fewer` });

/** One reference a line, or separated by commas. */
export const referenceList = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[\n,]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .slice(0, 20);

const yesNo = (message: string) => formFields.choice(['yes', 'no'], message);

export const ReportForm = z.object({
  whatHappened: formFields.text('Tell us what has happened', {
    maxLength: 6000,
    tooLong: 'Must be 6000 characters or fewer',
  }),
  abuserIsStaff: formFields.choice(
    abuserIsStaffValues,
    'Select whether the person abusing you works for the force',
  ),
  abuserCollarNumber: optional(20),
  supportWanted: formFields.choices(supportKinds, 'Select the support you want'),
  consentToShareWith: formFields.choices(supportKinds, 'Select who may read your report'),
  acknowledged: formFields.choices(['yes'], 'Confirm you have read this'),
});

export const AllegationForm = z.object({
  suspectCollarNumber: formFields.text('Enter the collar or staff number of the member of staff', {
    maxLength: 20,
  }),
  victimDescription: formFields.text('Describe the victim', {
    maxLength: 200,
    tooLong: 'Must be 200 characters or fewer',
  }),
  victimCollarNumber: optional(20),
  summary: formFields.text('Enter what is alleged', {
    maxLength: 6000,
    tooLong: 'Must be 6000 characters or fewer',
  }),
  receivedAs: formFields.choice(receivedAsValues, 'Select how you received this'),
  criminal: yesNo('Select whether a criminal offence is alleged'),
  crimeNumber: optional(40),
  callLogRefs: optional(400),
  urgentSafeguarding: yesNo('Select whether urgent safeguarding is needed'),
  safeguardingDetails: optional(3000),
});

export const RestrictionForm = z.object({
  restrictionOperation: formFields.choice(['restrict', 'change', 'lift'], 'Select what you are doing'),
  restrictionReason: optional(2000),
  restrictionCrimeNumber: optional(40),
  restrictionCallLogRefs: optional(400),
});

/**
 * The years a date on these forms may have: an incident at work or the end of someone's access is never
 * outside them. Checked on the typed parts, before any transform reads the date, so a typed year like 100
 * is the form again with a message (the calendar itself places no year below 1000).
 */
export const dateYears = { earliest: 1900, latest: 2100 } as const;

const realYear = (year: number): boolean => year >= dateYears.earliest && year <= dateYears.latest;

/** The day or month of a GOV.UK date input: a whole number from 1 to `max`. */
const dayOrMonth = (subject: string, part: 'day' | 'month', max: number) =>
  z
    .string({ error: `${subject} must include a ${part}` })
    .trim()
    .min(1, { error: `${subject} must include a ${part}` })
    .regex(/^\d{1,2}$/, { error: `${subject} must be a real date` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(1, { error: `${subject} must be a real date` })
        .max(max, { error: `${subject} must be a real date` }),
    );

/** The year of a GOV.UK date input: four numbers, within `dateYears`. */
const year = (subject: string) =>
  z
    .string({ error: `${subject} must include a year` })
    .trim()
    .min(1, { error: `${subject} must include a year` })
    .regex(/^\d{4}$/, { error: 'Year must include 4 numbers' })
    .transform(Number)
    .refine(realYear, { error: 'Year must be a real year' });

/** An optional date input's part: empty is fine (the rules decide whether a date is needed), anything else is checked. */
const optionalPart = (check: (typed: string) => string | undefined) =>
  z
    .string()
    .trim()
    .optional()
    .superRefine((typed, context) => {
      const problem = typed ? check(typed) : undefined;
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });

const untilSubject = 'The end date';

/** A London date from the GOV.UK date input's three parts, or undefined when they do not make one. */
export const londonDateFrom = (day: number, month: number, year: number): string | undefined => {
  if (!realYear(year)) return undefined;
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isLondonDate(date) ? date : undefined;
};

const incidentSubject = 'The date of the incident';

export const IncidentForm = z
  .object({
    'occurredAt-day': dayOrMonth(incidentSubject, 'day', 31),
    'occurredAt-month': dayOrMonth(incidentSubject, 'month', 12),
    'occurredAt-year': year(incidentSubject),
    occurredTime: z
      .string()
      .trim()
      .regex(/^([01]?\d|2[0-3]):[0-5]\d$/, { error: 'Enter the time as hours and minutes, like 14:30' }),
    incidentKind: formFields.choice(incidentKinds, 'Select what happened'),
    incidentDescription: formFields.text('Describe what happened', { maxLength: 3000 }),
    witnesses: optional(1000),
    evidence: optional(1000),
  })
  .transform((form, context) => {
    const date = londonDateFrom(form['occurredAt-day'], form['occurredAt-month'], form['occurredAt-year']);
    if (!date) {
      context.addIssue({
        code: 'custom',
        path: ['occurredAt-day'],
        message: `${incidentSubject} must be a real date`,
      });
      return z.NEVER;
    }
    const [hour = 0, minute = 0] = form.occurredTime.split(':').map(Number);
    return {
      occurredAt: londonInstant(date, { hour, minute }),
      kind: form.incidentKind,
      description: form.incidentDescription,
      witnesses: form.witnesses ?? '',
      evidence: form.evidence ?? '',
    };
  });

export const SharingForm = z.object({
  sharingBasis: formFields.choice(sharingBases, 'Select why it must be shared without consent'),
  sharingReason: optional(2000),
  sharedWith: formFields.text('Enter with whom it was shared', { maxLength: 300 }),
});

/** The end of named access, typed or not; `invalid` when the parts were typed but make no date. */
const untilOf = (
  day?: string,
  month?: string,
  year?: string,
): { readonly until: Date | undefined } | 'invalid' => {
  const typed = [day, month, year].map((part) => part?.trim() ?? '');
  if (typed.every((part) => part === '')) return { until: undefined };
  const [d, m, y] = typed.map(Number) as [number, number, number];
  const date = typed.every((part) => /^\d+$/.test(part)) ? londonDateFrom(d, m, y) : undefined;
  // Named access runs to the end of the London day chosen.
  return date ? { until: endOfLondonDay(date) } : 'invalid';
};

/**
 * The access-list forms of the case page; each has fields of its own name so that every id on the page is
 * unique and every error links to its field.
 */
export const AccessListForm = z
  .object({
    operation: formFields.choice(
      ['add-member', 'remove-member', 'add-conflict', 'remove-conflict'],
      'Select what you are changing',
    ),
    memberCollarNumber: optional(20),
    memberRole: z.enum(['investigating-team', 'named']).optional(),
    memberReason: optional(1000),
    'until-day': optionalPart((typed) =>
      /^\d{1,2}$/.test(typed) ? undefined : `${untilSubject} must be a real date`,
    ),
    'until-month': optionalPart((typed) =>
      /^\d{1,2}$/.test(typed) ? undefined : `${untilSubject} must be a real date`,
    ),
    'until-year': optionalPart((typed) => {
      if (!/^\d{4}$/.test(typed)) return 'Year must include 4 numbers';
      return realYear(Number(typed)) ? undefined : 'Year must be a real year';
    }),
    conflictCollarNumber: optional(20),
    conflictRelation: z.enum(conflictRelations).optional(),
    conflictReason: optional(1000),
    collarNumber: optional(20),
    removeReason: optional(1000),
  })
  .transform((form, context) => {
    switch (form.operation) {
      case 'add-member': {
        const end = untilOf(form['until-day'], form['until-month'], form['until-year']);
        if (end === 'invalid') {
          context.addIssue({
            code: 'custom',
            path: ['until-day'],
            message: `${untilSubject} must be a real date`,
          });
          return z.NEVER;
        }
        return {
          operation: form.operation,
          collarNumber: form.memberCollarNumber ?? '',
          role: form.memberRole ?? 'named',
          reason: form.memberReason ?? '',
          until: end.until,
        } as const;
      }
      case 'add-conflict':
        return {
          operation: form.operation,
          collarNumber: form.conflictCollarNumber ?? '',
          relation: form.conflictRelation ?? 'other',
          reason: form.conflictReason ?? '',
        } as const;
      default:
        return {
          operation: form.operation,
          collarNumber: form.collarNumber ?? '',
          reason: form.removeReason ?? '',
        } as const;
    }
  });

export const OutcomeForm = z.object({
  operation: formFields.choice(['record-outcome', 'close'], 'Select what you are recording'),
  outcomeKind: z.enum(outcomeKinds).optional(),
  outcomeNote: optional(3000),
  closeReason: optional(2000),
});

export const SafeguardingForm = z.object({
  reference: formFields.text('Enter the case reference or crime number', { maxLength: 60 }),
  kind: formFields.choice(['request', 'break-glass'], 'Select whether to ask or to take emergency access'),
  reason: optional(2000),
});

const periods = grantPeriodsHours.map(String) as [string, ...string[]];

export const GrantDecisionForm = z.object({
  decision: formFields.choice(['grant', 'refuse'], 'Select whether to grant or refuse'),
  hours: z.enum(periods).optional(),
  note: optional(2000),
});

export const ReviewForm = z.object({
  decision: formFields.choice(['accepted', 'referred'], 'Select whether you accept the reason or refer it'),
  note: optional(2000),
});
