import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import { CalendarInputError, parseClockRule } from '../../../shared/calendar/index.ts';

const holidays = englandAndWalesBankHolidays();

function due(rule: string, start: string): string {
  return parseClockRule(rule).dueAt(start, holidays).toISOString();
}

describe('clock rules registry', () => {
  it('working-days:10 is the DVDS meeting clock over the 2026 Christmas holidays', () => {
    expect(due('working-days:10', '2026-12-18T10:00:00Z')).toBe('2027-01-06T23:59:59.999Z');
  });

  it('calendar-days:28 is the DVDS 28-day limit', () => {
    expect(due('calendar-days:28', '2026-12-18T10:00:00Z')).toBe('2027-01-15T23:59:59.999Z');
  });

  it('hours:24 is the DVDS initial checks clock', () => {
    expect(due('hours:24', '2026-12-24T16:00:00Z')).toBe('2026-12-25T16:00:00.000Z');
  });

  it('csa2010-hearing is the DVPO hearing clock (CSA 2010 s.27(3)-(4))', () => {
    expect(due('csa2010-hearing', '2026-12-24T16:00:00Z')).toBe('2026-12-29T16:00:00.000Z');
  });

  it('describes the rule in words', () => {
    expect(parseClockRule('working-days:1').description).toBe(
      'end of the 1st working day after the start day (England and Wales)',
    );
  });

  it('refuses unknown rules and counts outside 1-9999', () => {
    for (const rule of [
      '',
      'days:3',
      'working-days:0',
      'working-days:-1',
      'hours:1.5',
      'hours:10000',
      'csa2010-hearing:1',
    ]) {
      expect(() => parseClockRule(rule), rule).toThrow(CalendarInputError);
    }
  });
});
