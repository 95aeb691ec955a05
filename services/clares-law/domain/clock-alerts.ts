import { formatLondon, type HolidaySource } from '../../../shared/calendar/index.ts';
import { type CaseClock, caseClocks } from './clocks.ts';
import type { DvdsCase } from './model.ts';
import type { ClockId } from './rule-sets.ts';
import type { NotifyAudience } from './workflow.ts';

/**
 * What the scheduled sweep tells people (issue: "notifies the owner when a clock is due within one working
 * day and the owner and their supervisor when it is overdue"). Each alert has a key that names the case,
 * the clock, the level and the due instant, so the sweep running twice, or a revised due date, decides
 * afresh without repeating an alert already sent.
 */
export interface ClockAlert {
  readonly key: string;
  readonly caseId: string;
  readonly clock: ClockId;
  readonly level: 'due-soon' | 'overdue';
  readonly dueAt: Date;
  readonly audiences: readonly NotifyAudience[];
  readonly title: string;
  readonly priority: 'routine' | 'urgent';
}

export const clockAlertKey = (
  caseId: string,
  clock: ClockId,
  level: ClockAlert['level'],
  dueAt: Date,
): string => `${caseId}|${clock}|${level}|${dueAt.toISOString()}`;

const alertFor = (dvdsCase: DvdsCase, clock: CaseClock): ClockAlert | undefined => {
  if (clock.state !== 'due-soon' && clock.state !== 'overdue') return undefined;
  const level = clock.state;
  const due = formatLondon(clock.dueAt);
  return {
    key: clockAlertKey(dvdsCase.id, clock.id, level, clock.dueAt),
    caseId: dvdsCase.id,
    clock: clock.id,
    level,
    dueAt: clock.dueAt,
    audiences: level === 'overdue' ? ['owner-or-unit', 'supervisors'] : ['owner-or-unit'],
    title:
      level === 'overdue'
        ? `Overdue on disclosure scheme case ${dvdsCase.id}: ${clock.label} (was due ${due})`
        : `Due soon on disclosure scheme case ${dvdsCase.id}: ${clock.label} (due ${due})`,
    priority: level === 'overdue' ? 'urgent' : 'routine',
  };
};

/** The alerts the case's clocks call for at `now`; the caller sends only those not sent before. */
export const clockAlertsFor = (dvdsCase: DvdsCase, holidays: HolidaySource, now: Date): ClockAlert[] =>
  dvdsCase.stage === 'closed'
    ? []
    : caseClocks(dvdsCase, holidays, now)
        .map((clock) => alertFor(dvdsCase, clock))
        .filter((alert): alert is ClockAlert => alert !== undefined);
