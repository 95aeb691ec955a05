import { describe, expect, it } from 'vitest';
import { type CaseClock, caseClocks, nextDueClock } from '../../../services/clares-law/domain/clocks.ts';
import type { ClockId } from '../../../services/clares-law/domain/rule-sets.ts';
import { recordExceptionalCircumstances } from '../../../services/clares-law/domain/workflow.ts';
import {
  as,
  assessed,
  at,
  holidays,
  met,
  nextOf,
  onlineCase,
  progressed,
  responseInspector,
  rightToKnowCase,
} from './fixtures.ts';

const clock = (clocks: readonly CaseClock[], id: ClockId): CaseClock => {
  const found = clocks.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id} clock`);
  return found;
};

describe('DVDS stage clocks (APP DVDS timescales; England and Wales bank holidays)', () => {
  it('initial checks are due 24 elapsed hours after initial contact, Christmas Day or not (APP DVDS "within 24 hours")', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-12-24T16:00:00Z');

    // Act
    const checks = clock(caseClocks(dvdsCase, holidays, at('2026-12-24T17:00:00Z')), 'initial-checks');

    // Assert
    expect(checks.dueAt.toISOString()).toBe('2026-12-25T16:00:00.000Z');
  });

  it('the meeting is due 10 working days after initial contact, skipping the weekend and bank holidays (APP DVDS "no more than 10 working days")', () => {
    // Arrange: Friday 6 March 2026, no holidays in the next fortnight
    const dvdsCase = onlineCase('2026-03-06T10:00:00Z');

    // Act
    const meeting = clock(caseClocks(dvdsCase, holidays, at('2026-03-06T11:00:00Z')), 'meeting');

    // Assert: Mon 9 to Fri 13 and Mon 16 to Fri 20 March; end of Friday 20 March (GMT)
    expect(meeting.dueAt.toISOString()).toBe('2026-03-20T23:59:59.999Z');
  });

  it('the meeting clock across Christmas 2026 skips 25 and 28 December and 1 January (APP DVDS; Banking and Financial Dealings Act 1971)', () => {
    // Arrange: Wednesday 23 December 2026
    const dvdsCase = onlineCase('2026-12-23T09:30:00Z');

    // Act
    const meeting = clock(caseClocks(dvdsCase, holidays, at('2026-12-23T10:00:00Z')), 'meeting');

    // Assert: 24, 29, 30, 31 Dec, 4, 5, 6, 7, 8 and 11 Jan are the ten working days
    expect(meeting.dueAt.toISOString()).toBe('2027-01-11T23:59:59.999Z');
  });

  it('the full risk assessment is due 5 working days after the meeting, across Christmas 2026 (APP DVDS "within five working days")', () => {
    // Arrange: meeting on Thursday 24 December 2026
    const dvdsCase = met(
      progressed(onlineCase('2026-12-21T09:00:00Z'), '2026-12-21T12:00:00Z'),
      '2026-12-24T11:00:00Z',
    );

    // Act
    const assessment = clock(caseClocks(dvdsCase, holidays, at('2026-12-24T12:00:00Z')), 'risk-assessment');

    // Assert: 29, 30, 31 December, 4 and 5 January
    expect(assessment.startAt.toISOString()).toBe('2026-12-24T11:00:00.000Z');
    expect(assessment.dueAt.toISOString()).toBe('2027-01-05T23:59:59.999Z');
  });

  it('no full risk assessment clock runs when the applicant is not the potential victim (APP DVDS: "where the applicant is the potential victim")', () => {
    // Arrange
    const thirdParty = onlineCase('2026-12-21T09:00:00Z', {
      applicantIsPersonAtRisk: false,
      relationshipToPersonAtRisk: 'family',
      personAtRisk: { fullName: 'Pat Victim' },
    });
    const dvdsCase = met(progressed(thirdParty, '2026-12-21T12:00:00Z'), '2026-12-24T11:00:00Z');

    // Act
    const ids = caseClocks(dvdsCase, holidays, at('2026-12-24T12:00:00Z')).map((c) => c.id);

    // Assert
    expect(ids).not.toContain('risk-assessment');
    expect(ids).toContain('categorisation');
  });

  it('categorisation is due 5 working days after the meeting on the right to ask (APP DVDS "Referral to the local decision-making forum")', () => {
    // Arrange: meeting Friday 18 December 2026
    const dvdsCase = assessed(
      met(progressed(onlineCase('2026-12-14T09:00:00Z'), '2026-12-14T12:00:00Z'), '2026-12-18T10:00:00Z'),
      '2026-12-18T15:00:00Z',
    );

    // Act
    const categorisation = clock(
      caseClocks(dvdsCase, holidays, at('2026-12-18T16:00:00Z')),
      'categorisation',
    );

    // Assert: 21, 22, 23, 24 and 29 December
    expect(categorisation.dueAt.toISOString()).toBe('2026-12-29T23:59:59.999Z');
  });

  it('right to know: categorisation is due 5 working days after the information was received (APP DVDS)', () => {
    // Arrange: received on Saturday 19 December 2026
    const dvdsCase = rightToKnowCase('2026-12-19T14:00:00Z', '2026-12-19T15:00:00Z');

    // Act
    const categorisation = clock(
      caseClocks(dvdsCase, holidays, at('2026-12-19T15:00:00Z')),
      'categorisation',
    );

    // Assert: the Saturday does not count; 21, 22, 23, 24 and 29 December
    expect(categorisation.dueAt.toISOString()).toBe('2026-12-29T23:59:59.999Z');
  });
});

describe('DVDS overall limit (Domestic Abuse Act 2021 s.77 statutory guidance 2023: 28 calendar days)', () => {
  it('is due at the end of the 28th calendar day after the application, holidays included (dvds-2023)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z');

    // Act
    const overall = clock(caseClocks(dvdsCase, holidays, at('2026-12-10T11:00:00Z')), 'overall');

    // Assert
    expect(overall.dueAt.toISOString()).toBe('2027-01-07T23:59:59.999Z');
  });

  it('a case opened under the earlier edition keeps its 35-day limit (Home Office DVDS guidance 2016)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z', {}, 'dvds-2016');

    // Act
    const overall = clock(caseClocks(dvdsCase, holidays, at('2026-12-10T11:00:00Z')), 'overall');

    // Assert
    expect(overall.dueAt.toISOString()).toBe('2027-01-14T23:59:59.999Z');
  });

  it('ends at London midnight in summer time when the limit crosses the clock change (DOMAIN.md "Everywhere")', () => {
    // Arrange: 20 March 2026 (GMT) + 28 days = 17 April 2026 (BST)
    const dvdsCase = onlineCase('2026-03-20T10:00:00Z');

    // Act
    const overall = clock(caseClocks(dvdsCase, holidays, at('2026-03-20T11:00:00Z')), 'overall');

    // Assert
    expect(overall.dueAt.toISOString()).toBe('2026-04-17T22:59:59.999Z');
  });

  it('is overdue the moment after it falls due and not before (28-day limit)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z');

    // Act
    const atDue = clock(caseClocks(dvdsCase, holidays, at('2027-01-07T23:59:59.999Z')), 'overall');
    const after = clock(caseClocks(dvdsCase, holidays, at('2027-01-08T00:00:00.000Z')), 'overall');

    // Assert
    expect(atDue.state).toBe('due-soon');
    expect(after.state).toBe('overdue');
    expect(after.breached).toBe(true);
  });

  it('is due soon from one working day before it falls due (issue: "due within one working day")', () => {
    // Arrange: due end of Thursday 7 January 2027
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z');

    // Act
    const before = clock(caseClocks(dvdsCase, holidays, at('2027-01-06T23:59:59.000Z')), 'overall');
    const from = clock(caseClocks(dvdsCase, holidays, at('2027-01-06T23:59:59.999Z')), 'overall');

    // Assert
    expect(before.state).toBe('on-time');
    expect(from.state).toBe('due-soon');
  });

  it('exceptional circumstances recorded by an inspector move the limit to the revised date (statutory guidance 2023)', () => {
    // Arrange
    const dvdsCase = nextOf(
      recordExceptionalCircumstances(
        onlineCase('2026-12-10T10:00:00Z'),
        {
          reason: 'Subject abroad; forum cannot meet until partner agencies return',
          revisedDueDate: '2027-01-20',
        },
        as(responseInspector, '2027-01-05T10:00:00Z'),
        holidays,
      ),
    );

    // Act
    const overall = clock(caseClocks(dvdsCase, holidays, at('2027-01-10T10:00:00Z')), 'overall');

    // Assert
    expect(overall.revised).toBe(true);
    expect(overall.dueAt.toISOString()).toBe('2027-01-20T23:59:59.999Z');
    expect(overall.state).toBe('on-time');
  });

  it('a meeting held after its due instant is met late and counted as a breach (APP DVDS 10 working days)', () => {
    // Arrange: contact Friday 6 March 2026, meeting due end of Friday 20 March, held Monday 23 March
    const dvdsCase = met(
      progressed(onlineCase('2026-03-06T10:00:00Z'), '2026-03-06T12:00:00Z'),
      '2026-03-23T10:00:00Z',
    );

    // Act
    const meeting = clock(caseClocks(dvdsCase, holidays, at('2026-03-23T11:00:00Z')), 'meeting');

    // Assert
    expect(meeting.state).toBe('met-late');
    expect(meeting.breached).toBe(true);
  });

  it('the case list sorts by the open clock that falls due first', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-06T10:00:00Z');

    // Act
    const next = nextDueClock(caseClocks(dvdsCase, holidays, at('2026-03-06T11:00:00Z')));

    // Assert
    expect(next?.id).toBe('initial-checks');
  });
});
