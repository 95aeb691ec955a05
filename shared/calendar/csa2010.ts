import { HolidayDataError } from './errors.ts';
import type { HolidaySource } from './holidays.ts';
import {
  addLondonDays,
  type InstantInput,
  type LondonDate,
  londonDateOf,
  londonWeekday,
  startOfLondonDay,
  toInstant,
} from './london-time.ts';

const HEARING_WITHIN_MS = 48 * 3_600_000;
// Two counted days always fall within a month; more means the holiday source is broken.
const MAX_DAYS_SCANNED = 31;

/**
 * Why a London day is left out of the CSA 2010 s.27(4) count (Sunday, Christmas Day, Good
 * Friday or a bank holiday in England and Wales), or null if it counts. Christmas Day is
 * checked by date as the Act names it; Good Friday comes from the holiday source, which lists
 * it as England and Wales do.
 */
export function csa2010DisregardedReason(date: LondonDate, holidays: HolidaySource): string | null {
  if (londonWeekday(date) === 0) return 'Sunday';
  if (date.slice(5) === '12-25') return 'Christmas Day';
  return holidays.isHoliday(date)?.name ?? null;
}

/**
 * Crime and Security Act 2010 s.27(3)-(4): the DVPO application must be heard not later than
 * 48 hours after the DVPN was served, disregarding Sundays, Christmas Day, Good Friday and
 * bank holidays in England and Wales.
 *
 * The 48 hours are real elapsed time. A disregarded day is the whole London calendar day,
 * midnight to midnight, however long it is; time on a counted day runs as it passes. Service
 * on a disregarded day starts the count at the next counted day's midnight. The clocks change
 * on Sundays, so the 23- or 25-hour day is always skipped whole and every counted day is 24
 * hours long: the deadline keeps the wall-clock time of service, shown in GMT or BST as then
 * in force.
 */
export function csa2010HearingDeadline(servedAt: InstantInput, holidays: HolidaySource): Date {
  let cursor = toInstant(servedAt).getTime();
  let remaining = HEARING_WITHIN_MS;
  for (let days = 0; days < MAX_DAYS_SCANNED; days++) {
    const day = londonDateOf(new Date(cursor));
    const nextMidnight = startOfLondonDay(addLondonDays(day, 1)).getTime();
    if (csa2010DisregardedReason(day, holidays) === null) {
      const available = nextMidnight - cursor;
      if (remaining <= available) return new Date(cursor + remaining);
      remaining -= available;
    }
    cursor = nextMidnight;
  }
  throw new HolidayDataError('The holiday source disregards every day for a month');
}
