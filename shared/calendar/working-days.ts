import { CalendarInputError, HolidayDataError } from './errors.ts';
import type { HolidaySource } from './holidays.ts';
import {
  addLondonDays,
  endOfLondonDay,
  type InstantInput,
  type LondonDate,
  londonDateOf,
  londonInstant,
  londonWallClockOf,
  londonWeekday,
  toInstant,
} from './london-time.ts';

const MS_PER_HOUR = 3_600_000;
// Christmas to New Year is the longest run of non-working days England and Wales has; a
// source that reports a month without one is broken, not festive.
const MAX_NON_WORKING_RUN = 31;

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 1)
    throw new CalendarInputError(`The number of ${what} must be a whole number of at least 1`);
}

/** Not a Saturday, a Sunday or a bank holiday in England and Wales. */
export function isWorkingDay(date: LondonDate, holidays: HolidaySource): boolean {
  const weekday = londonWeekday(date);
  return weekday !== 0 && weekday !== 6 && holidays.isHoliday(date) === null;
}

/** The first working day strictly after (`step` 1) or before (`step` -1) `date`. */
function nextWorkingDay(date: LondonDate, step: 1 | -1, holidays: HolidaySource): LondonDate {
  let day = date;
  for (let run = 0; run < MAX_NON_WORKING_RUN; run++) {
    day = addLondonDays(day, step);
    if (isWorkingDay(day, holidays)) return day;
  }
  throw new HolidayDataError('The holiday source reports no working day in a month');
}

/**
 * End (23:59:59.999 London) of the nth working day after the London day of `start`; the start
 * day does not count, whatever time or day it is.
 */
export function workingDaysAfter(start: InstantInput, n: number, holidays: HolidaySource): Date {
  assertCount(n, 'working days');
  let day = londonDateOf(start);
  for (let counted = 0; counted < n; counted++) day = nextWorkingDay(day, 1, holidays);
  return endOfLondonDay(day);
}

/** End (23:59:59.999 London) of the nth London calendar day after the day of `start`. */
export function calendarDaysAfter(start: InstantInput, n: number): Date {
  assertCount(n, 'calendar days');
  return endOfLondonDay(addLondonDays(londonDateOf(start), n));
}

/** `h` hours of elapsed time after `start`: the wall clock may move by 23 or 25 across a clock change. */
export function hoursAfter(start: InstantInput, h: number): Date {
  assertCount(h, 'hours');
  return new Date(toInstant(start).getTime() + h * MS_PER_HOUR);
}

/**
 * The same London wall-clock time on the working day before the London day of `due`: the
 * moment from which a clock is within one working day of falling due.
 */
export function oneWorkingDayBefore(due: InstantInput, holidays: HolidaySource): Date {
  const wall = londonWallClockOf(due);
  return londonInstant(nextWorkingDay(wall.date, -1, holidays), wall);
}
