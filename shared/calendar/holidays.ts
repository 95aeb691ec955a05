// The parser ships its declarations without naming them in its package exports.
/// <reference path="../../node_modules/date-holidays-parser/types/index.d.ts" />
import HolidaysParser from 'date-holidays-parser';
import moment from 'moment-timezone';
import { HolidayDataError } from './errors.ts';
import { europeLondonZone } from './europe-london-zone.ts';
import { assertLondonDate, type LondonDate, londonWeekday } from './london-time.ts';
import { unitedKingdomHolidayData } from './united-kingdom-holiday-data.ts';

export interface BankHoliday {
  readonly name: string;
}

/** Port: which London dates are bank holidays (a holiday on which the courts and offices close). */
export interface HolidaySource {
  isHoliday(date: LondonDate): BankHoliday | null;
}

const CLOSING_TYPES: ReadonlySet<string> = new Set(['public', 'bank']);

/**
 * The bank holidays of England and Wales from `date-holidays` (GB, state ENG; its Wales list
 * is the same), including the common-law holidays Christmas Day and Good Friday, as the
 * published list does. Observances (Mother's Day, Easter Sunday ...) are not holidays.
 *
 * When a holiday falls at a weekend the library lists both the weekend day and its
 * substitute; the published list, and so this source, holds only the substitute. Saturday
 * 26 December 2026 is therefore not a bank holiday, and Monday 28 December 2026 is. For the
 * CSA 2010 clock that is the cautious reading: one day fewer disregarded can only bring the
 * deadline earlier.
 */
export function englandAndWalesBankHolidays(): HolidaySource {
  // A deployed bundle carries moment-timezone without its zone database; the library needs London's only.
  if (!moment.tz.zone('Europe/London')) moment.tz.add(europeLondonZone);
  // date-holidays' own parser over its United Kingdom data alone: every country's rules would add 370 KB.
  const library = new HolidaysParser(unitedKingdomHolidayData, 'GB', 'ENG', {
    languages: ['en'],
    timezone: 'Europe/London',
  });
  const byYear = new Map<string, ReadonlyMap<LondonDate, BankHoliday>>();

  function yearOf(year: string): ReadonlyMap<LondonDate, BankHoliday> {
    const cached = byYear.get(year);
    if (cached) return cached;
    const entries = library
      .getHolidays(year, 'en')
      .filter((holiday) => CLOSING_TYPES.has(holiday.type))
      .map((holiday) => ({ ...holiday, day: holiday.date.slice(0, 10) }));
    const replaced = new Set<LondonDate>();
    for (const substitute of entries.filter((holiday) => holiday.substitute)) {
      const original = entries.find(
        (holiday) =>
          !holiday.substitute &&
          substitute.rule.startsWith(`substitutes ${holiday.rule} `) &&
          [0, 6].includes(londonWeekday(holiday.day)),
      );
      if (!original)
        throw new HolidayDataError(`A substitute bank holiday in ${year} replaces no weekend day`);
      replaced.add(original.day);
    }
    const holidays = new Map<LondonDate, BankHoliday>(
      entries
        .filter((holiday) => !replaced.has(holiday.day))
        .map((holiday) => [holiday.day, { name: holiday.name }]),
    );
    byYear.set(year, holidays);
    return holidays;
  }

  return {
    isHoliday(date) {
      const day = assertLondonDate(date);
      return yearOf(day.slice(0, 4)).get(day) ?? null;
    },
  };
}
