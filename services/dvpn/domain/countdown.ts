import { type ClockStatus, clockStatus, formatLondon } from '../../../shared/calendar/index.ts';

export interface Countdown {
  readonly status: ClockStatus;
  /** Negative once overdue. */
  readonly remainingMs: number;
  /** e.g. "1 day 3 hours 20 minutes left", "2 hours 5 minutes overdue". */
  readonly text: string;
  /** The due instant in London time, e.g. "Tuesday 29 December 2026, 16:00 GMT". */
  readonly dueText: string;
}

const DUE_SOON_MS = 24 * 3_600_000;
const MINUTE = 60_000;

const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? '' : 's'}`;

export const durationText = (ms: number): string => {
  const totalMinutes = Math.floor(Math.abs(ms) / MINUTE);
  const days = Math.floor(totalMinutes / 1440);
  const hours = Math.floor((totalMinutes % 1440) / 60);
  const minutes = totalMinutes % 60;
  const parts = [
    ...(days > 0 ? [plural(days, 'day')] : []),
    ...(hours > 0 ? [plural(hours, 'hour')] : []),
    ...(days === 0 ? [plural(minutes, 'minute')] : []),
  ];
  return parts.join(' ');
};

/** Where the court clock stands: due soon inside its last 24 hours, when the first warning goes out. */
export const countdown = (due: Date, now: Date): Countdown => {
  const remainingMs = due.getTime() - now.getTime();
  const status = clockStatus(now, due, new Date(due.getTime() - DUE_SOON_MS));
  return {
    status,
    remainingMs,
    text: status === 'overdue' ? `${durationText(remainingMs)} overdue` : `${durationText(remainingMs)} left`,
    dueText: formatLondon(due),
  };
};
