import { CalendarInputError } from './errors.ts';
import { type InstantInput, toInstant } from './london-time.ts';

export type ClockStatus = 'on-time' | 'due-soon' | 'overdue';

/**
 * Where a clock stands at `now`: `overdue` once past `due` (the due instant itself is still in
 * time), `due-soon` from `dueSoonFrom`, otherwise `on-time`. `dueSoonFrom` is precomputed by the
 * caller, usually `oneWorkingDayBefore(due, holidays)`, so the status is a plain comparison.
 */
export function clockStatus(now: InstantInput, due: InstantInput, dueSoonFrom: InstantInput): ClockStatus {
  const nowMs = toInstant(now).getTime();
  const dueMs = toInstant(due).getTime();
  const soonMs = toInstant(dueSoonFrom).getTime();
  if (soonMs > dueMs) throw new CalendarInputError('The due-soon instant must not be after the due instant');
  if (nowMs > dueMs) return 'overdue';
  if (nowMs >= soonMs) return 'due-soon';
  return 'on-time';
}
