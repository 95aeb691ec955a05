import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AccessListForm, IncidentForm } from '../../../services/restricted-cases/forms.ts';
import { formErrors } from '../../../shared/http/forms.ts';

/**
 * The incident log and the access list read a GOV.UK date input (PP/04 §7.1; need-to-know access to an end
 * date). A year no one could mean is the form again with GOV.UK's message, found on the typed parts before
 * the date is read, so `safeParse` never throws (SR-3 in docs/security-and-reliability.md).
 */
const incident = (year: string, day = '1', month = '1') => ({
  'occurredAt-day': day,
  'occurredAt-month': month,
  'occurredAt-year': year,
  occurredTime: '09:15',
  incidentKind: 'phone-call',
  incidentDescription: 'Calls at work',
});

const addMember = (year: string, day = '30', month = '6') => ({
  operation: 'add-member',
  memberCollarNumber: '4710',
  memberReason: 'Investigating officer',
  'until-day': day,
  'until-month': month,
  'until-year': year,
});

const messagesOf = (result: { success: boolean; error?: { issues: unknown[] } }) =>
  result.success || !result.error ? {} : formErrors(result.error.issues as never).errors;

describe('Incident log date (PP/04 §7.1)', () => {
  it.each(['100', '600', '0999', '1899', '2101', '9999'])(
    'a year of %s is refused with "Year must be a real year" on the year field',
    (year) => {
      const result = IncidentForm.safeParse(incident(year.padStart(4, '0')));

      expect(messagesOf(result)).toEqual({ 'occurredAt-year': { text: 'Year must be a real year' } });
    },
  );

  it('a year typed with fewer than four numbers is refused with "Year must include 4 numbers"', () => {
    expect(messagesOf(IncidentForm.safeParse(incident('26')))).toEqual({
      'occurredAt-year': { text: 'Year must include 4 numbers' },
    });
  });

  it('a date that does not exist (30 February) is refused as not a real date on the day field', () => {
    expect(messagesOf(IncidentForm.safeParse(incident('2026', '30', '2')))).toEqual({
      'occurredAt-day': { text: 'The date of the incident must be a real date' },
    });
  });

  it('a real date and time becomes the London instant (BST in summer)', () => {
    const result = IncidentForm.safeParse(incident('2026', '1', '7'));

    expect(result.success && result.data.occurredAt.toISOString()).toBe('2026-07-01T08:15:00.000Z');
  });
});

describe('Access list end date (named people keep access until the end of that London day)', () => {
  it('a year typed as 100 is refused with "Year must include 4 numbers"', () => {
    expect(messagesOf(AccessListForm.safeParse(addMember('100')))).toEqual({
      'until-year': { text: 'Year must include 4 numbers' },
    });
  });

  it('a four-number year before 1900 is refused with "Year must be a real year"', () => {
    expect(messagesOf(AccessListForm.safeParse(addMember('0600')))).toEqual({
      'until-year': { text: 'Year must be a real year' },
    });
  });

  it('an end date typed but not real (31 June) is refused, not taken as no end date', () => {
    expect(messagesOf(AccessListForm.safeParse(addMember('2026', '31', '6')))).toEqual({
      'until-day': { text: 'The end date must be a real date' },
    });
  });

  it('no end date typed is left to the rules (a named person needs one; the team does not)', () => {
    const result = AccessListForm.safeParse(addMember('', '', ''));

    expect(result.success && result.data.operation === 'add-member' && result.data.until).toBe(undefined);
  });

  it('a real end date runs to the last millisecond of that London day', () => {
    const result = AccessListForm.safeParse(addMember('2026'));

    expect(result.success && result.data.operation === 'add-member' && result.data.until?.toISOString()).toBe(
      '2026-06-30T22:59:59.999Z',
    );
  });
});

describe('Neither form ever throws from safeParse, whatever is typed in a date (fast-check)', () => {
  const typedPart = fc.oneof(
    fc.integer({ min: 0, max: 99_999 }).map(String),
    fc.integer({ min: 0, max: 9999 }).map((year) => String(year).padStart(4, '0')),
    fc.string({ maxLength: 6 }),
  );

  it('the incident log and the access list answer true or false for any day, month and year', () => {
    fc.assert(
      fc.property(typedPart, typedPart, typedPart, (day, month, year) => {
        const outcomes = [
          IncidentForm.safeParse(incident(year, day, month)).success,
          AccessListForm.safeParse(addMember(year, day, month)).success,
        ];
        return outcomes.every((outcome) => typeof outcome === 'boolean');
      }),
      { numRuns: 3_000, seed: 20_261_123 },
    );
  });
});
