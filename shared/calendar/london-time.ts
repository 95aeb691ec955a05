import { CalendarInputError } from './errors.ts';

export const LONDON_TIME_ZONE = 'Europe/London';

/** A calendar date in London, `YYYY-MM-DD`. */
export type LondonDate = string;

/** An instant: a `Date`, or an ISO-8601 date-time string that carries `Z` or an offset. */
export type InstantInput = Date | string;

/** Wall-clock time of day in London. */
export interface WallTime {
  readonly hour: number;
  readonly minute: number;
  readonly second?: number;
  readonly millisecond?: number;
}

export interface LondonWallClock extends Required<WallTime> {
  readonly date: LondonDate;
}

/**
 * How a wall-clock time that London skips (the missing hour in March) or shows twice (the
 * repeated hour in October) becomes one instant. The names and meanings follow Temporal:
 * - `compatible` (default): a skipped time moves forward by the gap (01:30 → 02:30 BST);
 *   a repeated time takes its first occurrence (01:30 BST, not 01:30 GMT).
 * - `earlier` / `later`: the earlier or later of the two candidate instants.
 * - `reject`: throw `CalendarInputError`.
 */
export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

const MS_PER_MINUTE = 60_000;
const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

const LONDON_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT_PATTERN =
  /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|([+-])(\d{2}):(\d{2}))$/;

const wallClockFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

const displayFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON_TIME_ZONE,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * The first year a `LondonDate` may have. Dates are four-digit years so they sort as text; below 1000 there
 * is no four-digit year, and no date a form or a clock here could mean.
 */
export const EARLIEST_LONDON_YEAR = 1000;

function dateParts(date: LondonDate): { year: number; month: number; day: number } | null {
  const match = LONDON_DATE_PATTERN.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < EARLIEST_LONDON_YEAR) return null;
  const check = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 30 February over into March, so a round trip is what rejects it.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) {
    return null;
  }
  return { year, month, day };
}

/** A real calendar date as `YYYY-MM-DD`, year 1000 to 9999: every such date has a London day and instants. */
export function isLondonDate(value: string): value is LondonDate {
  return dateParts(value) !== null;
}

export function assertLondonDate(value: string): LondonDate {
  if (!isLondonDate(value)) throw new CalendarInputError('A date must be a real calendar date as YYYY-MM-DD');
  return value;
}

/** Reads an instant; a string must be ISO-8601 with `Z` or an offset, since a bare local time is ambiguous. */
export function toInstant(input: InstantInput): Date {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) throw new CalendarInputError('The instant is not a valid date');
    return new Date(input.getTime());
  }
  const match = ISO_INSTANT_PATTERN.exec(input);
  const valid =
    match !== null &&
    isLondonDate(match[1] ?? '') &&
    Number(match[2]) <= 23 &&
    Number(match[3]) <= 59 &&
    Number(match[4] ?? 0) <= 59 &&
    Number(match[6] ?? 0) <= 23 &&
    Number(match[7] ?? 0) <= 59;
  const ms = valid ? Date.parse(input) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CalendarInputError(
      'An instant must be an ISO-8601 date-time with an offset, e.g. 2026-12-24T16:00:00Z or 2026-06-01T10:00:00+01:00',
    );
  }
  return new Date(ms);
}

interface WallParts extends Required<WallTime> {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** London's wall clock at an instant, as numbers: also for instants just outside the years a date may have. */
function wallPartsOf(ms: number): WallParts {
  const parts: Record<string, string> = {};
  for (const part of wallClockFormatter.formatToParts(ms)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
  };
}

/** The wall clock read as if it were UTC; the difference from the instant is London's offset. */
function utcOfParts(parts: WallParts): number {
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    parts.hour,
    parts.minute,
    parts.second,
    parts.millisecond,
  );
}

function utcOfWall(date: LondonDate, time: Required<WallTime>): number {
  const parts = dateParts(date);
  if (!parts) throw new CalendarInputError('A date must be a real calendar date as YYYY-MM-DD');
  return Date.UTC(
    parts.year,
    parts.month - 1,
    parts.day,
    time.hour,
    time.minute,
    time.second,
    time.millisecond,
  );
}

/** The London calendar date and wall-clock time of an instant. */
export function londonWallClockOf(input: InstantInput): LondonWallClock {
  const { year, month, day, ...time } = wallPartsOf(toInstant(input).getTime());
  const two = (value: number): string => String(value).padStart(2, '0');
  return { date: `${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`, ...time };
}

/** London's offset from UTC at an instant, in minutes (0 for GMT, 60 for BST). */
export function londonOffsetMinutes(input: InstantInput): number {
  const ms = toInstant(input).getTime();
  return (utcOfParts(wallPartsOf(ms)) - ms) / MS_PER_MINUTE;
}

/** `GMT` or `BST`, from London's offset at the instant. */
export function londonZoneName(input: InstantInput): string {
  const offset = londonOffsetMinutes(input);
  if (offset === 0) return 'GMT';
  if (offset === 60) return 'BST';
  return `GMT${offset > 0 ? '+' : '-'}${Math.abs(offset / 60)}`;
}

export function londonDateOf(input: InstantInput): LondonDate {
  return londonWallClockOf(input).date;
}

/** The instant at which London's clocks show `time` on `date`; see `Disambiguation` for the clock changes. */
export function londonInstant(
  date: LondonDate,
  time: WallTime,
  disambiguation: Disambiguation = 'compatible',
): Date {
  const full = { second: 0, millisecond: 0, ...time };
  if (
    !Number.isInteger(full.hour) ||
    !Number.isInteger(full.minute) ||
    !Number.isInteger(full.second) ||
    !Number.isInteger(full.millisecond) ||
    full.hour < 0 ||
    full.hour > 23 ||
    full.minute < 0 ||
    full.minute > 59 ||
    full.second < 0 ||
    full.second > 59 ||
    full.millisecond < 0 ||
    full.millisecond > 999
  ) {
    throw new CalendarInputError('A time of day must be a whole hour 0-23, minute 0-59 and second 0-59');
  }
  const wallAsUtc = utcOfWall(date, full);
  // London changes offset at most once within any 24 hours, so the offsets half a day either
  // side are the only two the wall time can have been read in.
  const offsetBefore = londonOffsetMinutes(new Date(wallAsUtc - MS_PER_DAY / 2)) * MS_PER_MINUTE;
  const offsetAfter = londonOffsetMinutes(new Date(wallAsUtc + MS_PER_DAY / 2)) * MS_PER_MINUTE;
  const candidates = [...new Set([wallAsUtc - offsetBefore, wallAsUtc - offsetAfter])]
    .filter((ms) => utcOfParts(wallPartsOf(ms)) === wallAsUtc)
    .sort((a, b) => a - b);

  const [first, last] = [candidates[0], candidates[candidates.length - 1]];
  if (first !== undefined && last !== undefined) {
    if (candidates.length > 1 && disambiguation === 'reject') {
      throw new CalendarInputError('That London time happens twice (the clocks go back)');
    }
    return new Date(disambiguation === 'later' ? last : first);
  }
  if (disambiguation === 'reject') {
    throw new CalendarInputError('That London time does not exist (the clocks go forward)');
  }
  // In the gap: read the wall time in the offset before the change to land after the gap
  // (`later`, `compatible`), or in the offset after it to land before the gap (`earlier`).
  return new Date(disambiguation === 'earlier' ? wallAsUtc - offsetAfter : wallAsUtc - offsetBefore);
}

export function addLondonDays(date: LondonDate, days: number): LondonDate {
  const parts = dateParts(date);
  if (!parts) throw new CalendarInputError('A date must be a real calendar date as YYYY-MM-DD');
  const moved = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days)).toISOString().slice(0, 10);
  if (!isLondonDate(moved))
    throw new CalendarInputError('That many days on is not a date from year 1000 to 9999');
  return moved;
}

/** 0 = Sunday ... 6 = Saturday. */
export function londonWeekday(date: LondonDate): number {
  const parts = dateParts(date);
  if (!parts) throw new CalendarInputError('A date must be a real calendar date as YYYY-MM-DD');
  return new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay();
}

/** London midnight that begins `date` (never inside a clock change, which happens at 01:00 UTC). */
export function startOfLondonDay(date: LondonDate): Date {
  return londonInstant(date, { hour: 0, minute: 0 });
}

/**
 * The last millisecond of `date` in London, 23:59:59.999 GMT or BST. Read on the day itself (the clocks never
 * change then), so the last date there is has an end too.
 */
export function endOfLondonDay(date: LondonDate): Date {
  return londonInstant(date, { hour: 23, minute: 59, second: 59, millisecond: 999 });
}

/** Length of a London day in hours: 24, or 23 / 25 on the days the clocks change. */
export function londonDayLengthHours(date: LondonDate): number {
  return (
    (startOfLondonDay(addLondonDays(date, 1)).getTime() - startOfLondonDay(date).getTime()) / MS_PER_HOUR
  );
}

/** e.g. "Tuesday 29 December 2026, 10:00 GMT". */
export function formatLondon(input: InstantInput): string {
  const instant = toInstant(input);
  const parts: Record<string, string> = {};
  for (const part of displayFormatter.formatToParts(instant)) parts[part.type] = part.value;
  return `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}, ${parts.hour}:${parts.minute} ${londonZoneName(instant)}`;
}
