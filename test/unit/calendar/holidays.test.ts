import Holidays from 'date-holidays';
import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import { addLondonDays, CalendarInputError, type LondonDate } from '../../../shared/calendar/index.ts';

const holidays = englandAndWalesBankHolidays();

function bankHolidaysIn(year: number): LondonDate[] {
  const found: LondonDate[] = [];
  for (let day = `${year}-01-01`; day.startsWith(String(year)); day = addLondonDays(day, 1)) {
    if (holidays.isHoliday(day)) found.push(day);
  }
  return found;
}

describe('England and Wales bank holidays (date-holidays, GB/ENG)', () => {
  it('match the published 2026 list, with Boxing Day moved to Monday 28 December', () => {
    expect(bankHolidaysIn(2026)).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-28',
    ]);
  });

  it('match the published 2027 list, with Christmas and Boxing Day moved to 27 and 28 December', () => {
    expect(bankHolidaysIn(2027)).toEqual([
      '2027-01-01',
      '2027-03-26',
      '2027-03-29',
      '2027-05-03',
      '2027-05-31',
      '2027-08-30',
      '2027-12-27',
      '2027-12-28',
    ]);
  });

  it('do not include Saturday 26 December 2026, whose bank holiday is the substitute Monday', () => {
    expect([holidays.isHoliday('2026-12-26'), holidays.isHoliday('2026-12-28')]).toEqual([
      null,
      { name: 'Boxing Day (substitute day)' },
    ]);
  });

  it('include the common-law holidays Good Friday and Christmas Day', () => {
    expect([holidays.isHoliday('2027-03-26'), holidays.isHoliday('2026-12-25')]).toEqual([
      { name: 'Good Friday' },
      { name: 'Christmas Day' },
    ]);
  });

  it("leave out observances such as Mother's Day", () => {
    expect(holidays.isHoliday('2026-03-15')).toBeNull();
  });

  it('use an England list that is also the Wales list', () => {
    const publicDays = (state: string, year: number) =>
      new Holidays('GB', state)
        .getHolidays(year, 'en')
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date);
    for (const year of [2026, 2027, 2028, 2029, 2030]) {
      expect(publicDays('ENG', year)).toEqual(publicDays('WLS', year));
    }
  });

  it('refuse a date that is not YYYY-MM-DD', () => {
    expect(() => holidays.isHoliday('26/12/2026')).toThrow(CalendarInputError);
  });
});
