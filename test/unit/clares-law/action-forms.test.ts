import { describe, expect, it } from 'vitest';
import { performAction } from '../../../services/clares-law/domain/action-forms.ts';
import { InvalidInputError, RuleRefusedError } from '../../../services/clares-law/domain/errors.ts';
import { FormReader } from '../../../services/clares-law/domain/form-reader.ts';
import { readInitialContactForm } from '../../../services/clares-law/domain/staff-forms.ts';
import { as, holidays, onlineCase, ppuOfficer } from './fixtures.ts';

const issuesOf = (attempt: () => unknown): { field: string; message: string }[] => {
  try {
    attempt();
  } catch (error) {
    if (error instanceof InvalidInputError) return [...error.issues];
    throw error;
  }
  return [];
};

const now = new Date('2026-03-09T11:00:00Z');

describe('Staff step forms read with GOV.UK messages before the rules apply', () => {
  it('a PNC check must say whether the subject has a ViSOR marker (APP DVDS: ViSOR where marked)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');
    const fields = {
      kind: 'pnc',
      'checkedAt-day': '9',
      'checkedAt-month': '3',
      'checkedAt-year': '2026',
      checkedAtTime: '10:30',
      result: 'no-trace',
      summary: 'No trace',
    };

    // Act
    const issues = issuesOf(() =>
      performAction('record-check', dvdsCase, fields, as(ppuOfficer, now), holidays),
    );

    // Assert
    expect(issues).toEqual([
      { field: 'visorMarker', message: 'Select yes if the subject has a ViSOR marker on the PNC' },
    ]);
  });

  it('reads a check time typed as 2:30pm in London time', () => {
    // Arrange: 9 March 2026 is GMT
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');
    const fields = {
      kind: 'pnd',
      'checkedAt-day': '9',
      'checkedAt-month': '3',
      'checkedAt-year': '2026',
      checkedAtTime: '10:30am',
      result: 'no-trace',
      summary: 'No trace',
    };

    // Act
    const change = performAction('record-check', dvdsCase, fields, as(ppuOfficer, now), holidays);

    // Assert
    expect(change.next.checks[0]?.checkedAt).toBe('2026-03-09T10:30:00.000Z');
  });

  it('refuses a check time in the future', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');
    const fields = {
      kind: 'pnd',
      'checkedAt-day': '9',
      'checkedAt-month': '3',
      'checkedAt-year': '2026',
      checkedAtTime: '23:00',
      result: 'no-trace',
      summary: 'No trace',
    };

    // Act
    const issues = issuesOf(() =>
      performAction('record-check', dvdsCase, fields, as(ppuOfficer, now), holidays),
    );

    // Assert
    expect(issues).toEqual([
      expect.objectContaining({
        field: 'checkedAt',
        message: 'When the check was made must be now or in the past',
      }),
    ]);
  });

  it('a withdrawal without a reason is refused beside the field', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const issues = issuesOf(() =>
      performAction('withdraw', dvdsCase, { reason: '' }, as(ppuOfficer, now), holidays),
    );

    // Assert
    expect(issues).toEqual([{ field: 'reason', message: 'Enter why the application was withdrawn' }]);
  });

  it('deciding to progress before the checks is refused by the rule, not the form', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const attempt = () =>
      performAction(
        'decide-progression',
        dvdsCase,
        { progress: 'yes', immediateRisk: 'no', rationale: 'Progress' },
        as(ppuOfficer, now),
        holidays,
      );

    // Assert
    expect(attempt).toThrow(RuleRefusedError);
  });
});

describe('Form reading (GOV.UK patterns)', () => {
  it.each([
    ['14:30', { hour: 14, minute: 30 }],
    ['2:30pm', { hour: 14, minute: 30 }],
    ['2pm', { hour: 14, minute: 0 }],
    ['12am', { hour: 0, minute: 0 }],
    ['12.15', { hour: 12, minute: 15 }],
  ])('reads the time %s', (typed, expected) => {
    // Arrange
    const reader = new FormReader({ at: typed });

    // Act
    const time = reader.time('at', { label: 'Time', required: 'Enter the time' });

    // Assert
    expect(time).toEqual(expected);
  });

  it.each(['25:00', '13pm', 'noon', '9'])('refuses the time %s', (typed) => {
    // Arrange
    const reader = new FormReader({ at: typed });

    // Act
    reader.time('at', { label: 'Time', required: 'Enter the time' });

    // Assert
    expect(reader.issues).toEqual([
      { field: 'at', message: 'Time must be a real time, like 14:30 or 2:30pm' },
    ]);
  });

  it('keeps a verbatim text exactly as typed, spaces and line breaks included', () => {
    // Arrange
    const typed = '  First line\r\n\r\n   indented second line  ';
    const reader = new FormReader({ verbatim: typed });

    // Act
    const value = reader.text('verbatim', { label: 'Words', max: 100, verbatim: true });

    // Assert
    expect(value).toBe('  First line\n\n   indented second line  ');
  });
});

describe('The staff form for an application by phone, at a station or through an agency', () => {
  it('asks which agency when it came through a partner agency, and when the contact was made', () => {
    // Arrange
    const fields = { channel: 'partner-agency' };

    // Act
    const issues = issuesOf(() => readInitialContactForm(fields, now));

    // Assert
    expect(issues.map((issue) => issue.field)).toEqual(
      expect.arrayContaining(['partnerAgency', 'contactAt', 'forWhom', 'applicantName', 'consentToShare']),
    );
  });
});
