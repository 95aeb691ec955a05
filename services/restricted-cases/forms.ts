import { z } from 'zod';
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

const DatePart = (max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,4}$/)
    .transform(Number)
    .pipe(z.number().int().min(1).max(max));

/** A London date from the GOV.UK date input's three parts, or undefined when they do not make one. */
export const londonDateFrom = (day: number, month: number, year: number): string | undefined => {
  const date = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isLondonDate(date) ? date : undefined;
};

export const IncidentForm = z
  .object({
    'occurredAt-day': DatePart(31),
    'occurredAt-month': DatePart(12),
    'occurredAt-year': DatePart(9999),
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
      context.addIssue({ code: 'custom', path: ['occurredAt-day'], message: 'Enter a real date' });
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

const untilOf = (day?: string, month?: string, year?: string): Date | undefined => {
  const parts = [day, month, year].map((part) => Number(part?.trim() || Number.NaN));
  const [d = Number.NaN, m = Number.NaN, y = Number.NaN] = parts;
  const date =
    Number.isInteger(d) && Number.isInteger(m) && Number.isInteger(y) ? londonDateFrom(d, m, y) : undefined;
  // Named access runs to the end of the London day chosen.
  return date ? endOfLondonDay(date) : undefined;
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
    'until-day': z.string().optional(),
    'until-month': z.string().optional(),
    'until-year': z.string().optional(),
    conflictCollarNumber: optional(20),
    conflictRelation: z.enum(conflictRelations).optional(),
    conflictReason: optional(1000),
    collarNumber: optional(20),
    removeReason: optional(1000),
  })
  .transform((form) => {
    switch (form.operation) {
      case 'add-member':
        return {
          operation: form.operation,
          collarNumber: form.memberCollarNumber ?? '',
          role: form.memberRole ?? 'named',
          reason: form.memberReason ?? '',
          until: untilOf(form['until-day'], form['until-month'], form['until-year']),
        } as const;
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
