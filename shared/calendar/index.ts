export { type ClockStatus, clockStatus } from './clock-status.ts';
export { csa2010DisregardedReason, csa2010HearingDeadline } from './csa2010.ts';
export { CalendarInputError, HolidayDataError } from './errors.ts';
// The England and Wales source itself is imported from './holidays.ts' by the composition roots that use it:
// the library behind it has module-level code, so exporting it here would put it in every bundle that
// reads a London date.
export type { BankHoliday, HolidaySource } from './holidays.ts';
export {
  addLondonDays,
  assertLondonDate,
  type Disambiguation,
  endOfLondonDay,
  formatLondon,
  type InstantInput,
  isLondonDate,
  LONDON_TIME_ZONE,
  type LondonDate,
  type LondonWallClock,
  londonDateOf,
  londonDayLengthHours,
  londonInstant,
  londonOffsetMinutes,
  londonWallClockOf,
  londonWeekday,
  londonZoneName,
  startOfLondonDay,
  toInstant,
  type WallTime,
} from './london-time.ts';
export { CLOCK_RULE_FORMS, type ClockRule, parseClockRule } from './rules.ts';
export {
  calendarDaysAfter,
  hoursAfter,
  isWorkingDay,
  oneWorkingDayBefore,
  workingDaysAfter,
} from './working-days.ts';
