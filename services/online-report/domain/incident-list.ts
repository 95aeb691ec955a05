import { type IncidentLog, isAwaitingSupervisor } from './incident-log.ts';
import type { Marker } from './screening.ts';
import type { Grade } from './vocabulary.ts';

/**
 * The Force Response incident list: open domestic-abuse logs, those waiting for the duty sergeant first,
 * then by grade, then the longest waiting, each with its age since the report was submitted.
 */

export interface IncidentListRow {
  readonly reportId: string;
  readonly reference: string;
  readonly grade: Grade;
  readonly markers: readonly Marker[];
  readonly submittedAt: string;
  readonly age: string;
  readonly ageMinutes: number;
  readonly dispatchRequested: boolean;
  readonly awaitingSupervisor: boolean;
  readonly possibleSerialPerpetrator: boolean;
}

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** "2 hours 5 minutes": the time since `since`, to the two largest units that fit. */
export const describeAge = (since: string, now: Date): string => {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(since).getTime()) / 60_000));
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days > 0) return hours > 0 ? `${plural(days, 'day')} ${plural(hours, 'hour')}` : plural(days, 'day');
  if (hours > 0)
    return rest > 0 ? `${plural(hours, 'hour')} ${plural(rest, 'minute')}` : plural(hours, 'hour');
  return plural(rest, 'minute');
};

const gradeOrder: Readonly<Record<Grade, number>> = { P1: 0, P2: 1, P3: 2 };

export const incidentListRows = (logs: readonly IncidentLog[], now: Date): IncidentListRow[] =>
  logs
    .filter((log) => log.status === 'open' && log.domesticAbuse)
    .map((log) => ({
      reportId: log.reportId,
      reference: log.reference,
      grade: log.grade,
      markers: log.markers,
      submittedAt: log.submittedAt,
      age: describeAge(log.submittedAt, now),
      ageMinutes: Math.max(0, Math.floor((now.getTime() - new Date(log.submittedAt).getTime()) / 60_000)),
      dispatchRequested: log.dispatch !== undefined,
      awaitingSupervisor: isAwaitingSupervisor(log),
      possibleSerialPerpetrator: log.serialPerpetrator !== undefined,
    }))
    .sort(
      (a, b) =>
        Number(b.awaitingSupervisor) - Number(a.awaitingSupervisor) ||
        gradeOrder[a.grade] - gradeOrder[b.grade] ||
        a.submittedAt.localeCompare(b.submittedAt) ||
        a.reportId.localeCompare(b.reportId),
    );
