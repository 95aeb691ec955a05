export { type ClockStatus, clockStatus } from './clock-status.ts';
export { csa2010DisregardedReason, csa2010HearingDeadline } from './csa2010.ts';
export { CalendarInputError, HolidayDataError } from './errors.ts';
export { type BankHoliday, englandAndWalesBankHolidays, type HolidaySource } from './holidays.ts';
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
