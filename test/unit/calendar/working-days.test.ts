import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import {
  CalendarInputError,
  calendarDaysAfter,
  hoursAfter,
  isWorkingDay,
  oneWorkingDayBefore,
  workingDaysAfter,
} from '../../../shared/calendar/index.ts';

const holidays = englandAndWalesBankHolidays();

describe('isWorkingDay: not a weekend or an England and Wales bank holiday', () => {
  it('is false on Saturday and Sunday', () => {
    expect([isWorkingDay('2026-06-13', holidays), isWorkingDay('2026-06-14', holidays)]).toEqual([
      false,
      false,
    ]);
  });

  it('is false on 25 and 28 December 2026 and 1 January 2027', () => {
    expect(['2026-12-25', '2026-12-28', '2027-01-01'].map((day) => isWorkingDay(day, holidays))).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('is false on Good Friday and Easter Monday 2027', () => {
    expect([isWorkingDay('2027-03-26', holidays), isWorkingDay('2027-03-29', holidays)]).toEqual([
      false,
      false,
    ]);
  });

  it('is true on an ordinary weekday between the holidays (Tuesday 29 December 2026)', () => {
    expect(isWorkingDay('2026-12-29', holidays)).toBe(true);
  });
});

describe('workingDaysAfter: end of the nth working day after the start day', () => {
  it('DVDS face-to-face meeting: 10 working days after contact on Friday 18 December 2026 ends Wednesday 6 January 2027', () => {
    expect(workingDaysAfter('2026-12-18T10:00:00Z', 10, holidays).toISOString()).toBe(
      '2027-01-06T23:59:59.999Z',
    );
  });

  it('DVDS risk assessment: 5 working days after Christmas Eve 2026 skip 25, 28 December and 1 January', () => {
    expect(workingDaysAfter('2026-12-24T09:00:00Z', 5, holidays).toISOString()).toBe(
      '2027-01-05T23:59:59.999Z',
    );
  });

  it('skip the weekend: 1 working day after a Friday ends on Monday (BST)', () => {
    expect(workingDaysAfter('2026-06-12T15:00:00+01:00', 1, holidays).toISOString()).toBe(
      '2026-06-15T22:59:59.999Z',
    );
  });

  it('do not count the start day even when it is a working day', () => {
    expect(workingDaysAfter('2026-06-15T09:00:00+01:00', 1, holidays).toISOString()).toBe(
      '2026-06-16T22:59:59.999Z',
    );
  });

  it("start from the London day, not the UTC day (00:30 BST on Friday is Friday's start)", () => {
    expect(workingDaysAfter('2026-06-11T23:30:00Z', 1, holidays).toISOString()).toBe(
      '2026-06-15T22:59:59.999Z',
    );
  });

  it('skip Good Friday and Easter Monday 2027 and end in BST after the clocks go forward', () => {
    expect(workingDaysAfter('2027-03-24T10:00:00Z', 5, holidays).toISOString()).toBe(
      '2027-04-02T22:59:59.999Z',
    );
  });

  it('end in GMT after the clocks go back on 25 October 2026', () => {
    expect(workingDaysAfter('2026-10-22T10:00:00+01:00', 5, holidays).toISOString()).toBe(
      '2026-10-29T23:59:59.999Z',
    );
  });

  it('refuse a count that is not a whole number of at least 1', () => {
    for (const n of [0, -1, 1.5])
      expect(() => workingDaysAfter('2026-06-15T09:00:00Z', n, holidays)).toThrow(CalendarInputError);
  });
});

describe('calendarDaysAfter: end of the nth London calendar day after the start day', () => {
  it('DVDS 28-day limit (DA Act 2021 s.77 guidance) runs across the clocks going forward and ends in BST', () => {
    expect(calendarDaysAfter('2026-03-10T09:00:00Z', 28).toISOString()).toBe('2026-04-07T22:59:59.999Z');
  });

  it('DVDS 28-day limit runs across the clocks going back and ends in GMT', () => {
    expect(calendarDaysAfter('2026-10-01T09:00:00+01:00', 28).toISOString()).toBe('2026-10-29T23:59:59.999Z');
  });

  it('DVDS 28-day limit counts weekends and the 2026 Christmas holidays', () => {
    expect(calendarDaysAfter('2026-12-18T10:00:00Z', 28).toISOString()).toBe('2027-01-15T23:59:59.999Z');
  });
});

describe('hoursAfter: plain elapsed hours', () => {
  it('DVDS initial checks: 24 hours across the clocks going forward end at 13:00 BST', () => {
    expect(hoursAfter('2026-03-28T12:00:00Z', 24).toISOString()).toBe('2026-03-29T12:00:00.000Z');
  });

  it('DVDS initial checks: 24 hours across the clocks going back end at 11:00 GMT', () => {
    expect(hoursAfter('2026-10-24T12:00:00+01:00', 24).toISOString()).toBe('2026-10-25T11:00:00.000Z');
  });

  it('DVDS initial checks run through Christmas Day', () => {
    expect(hoursAfter('2026-12-24T16:00:00Z', 24).toISOString()).toBe('2026-12-25T16:00:00.000Z');
  });
});

describe('oneWorkingDayBefore: start of the due-soon window', () => {
  it('is the same London time on the previous working day, skipping the 2026 Christmas holidays', () => {
    expect(oneWorkingDayBefore('2026-12-29T23:59:59.999Z', holidays).toISOString()).toBe(
      '2026-12-24T23:59:59.999Z',
    );
  });

  it('is the Friday before a Monday deadline, in BST', () => {
    expect(oneWorkingDayBefore('2026-06-15T22:59:59.999Z', holidays).toISOString()).toBe(
      '2026-06-12T22:59:59.999Z',
    );
  });
});
