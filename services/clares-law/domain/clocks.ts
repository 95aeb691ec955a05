import {
  clockStatus,
  endOfLondonDay,
  type HolidaySource,
  oneWorkingDayBefore,
  parseClockRule,
} from '../../../shared/calendar/index.ts';
import type { DvdsCase } from './model.ts';
import { type ClockId, ruleSetOf } from './rule-sets.ts';

/**
 * Where a clock stands. Open clocks are on time, due soon (within one working day of falling due) or
 * overdue; a clock whose step was recorded is met (in time or late); a clock whose step will never happen
 * (the case ended, or was fast-tracked past it) is stopped.
 */
export type ClockState = 'on-time' | 'due-soon' | 'overdue' | 'met' | 'met-late' | 'stopped';

export interface CaseClock {
  readonly id: ClockId;
  readonly label: string;
  readonly source: string;
  readonly startAt: Date;
  readonly dueAt: Date;
  readonly dueSoonFrom: Date;
  /** When the step was done (met) or the case moved past it (stopped). */
  readonly endedAt?: Date;
  readonly state: ClockState;
  /** Ended after its due instant, or still open past it. */
  readonly breached: boolean;
  /** The due instant is the one set under exceptional circumstances. */
  readonly revised: boolean;
}

export const isOpenClock = (clock: CaseClock): boolean =>
  clock.state === 'on-time' || clock.state === 'due-soon' || clock.state === 'overdue';

interface ClockSpan {
  readonly id: ClockId;
  readonly startAt: Date;
  readonly metAt?: Date;
  readonly stoppedAt?: Date;
  readonly revisedDueAt?: Date;
}

const date = (iso: string | undefined): Date | undefined => (iso ? new Date(iso) : undefined);

/** The instant the case left the stages before a decision without reaching one (withdrawn, not progressed). */
const endedWithoutDecision = (dvdsCase: DvdsCase): Date | undefined =>
  dvdsCase.outcome === 'withdrawn' || dvdsCase.outcome === 'not-progressed'
    ? date(dvdsCase.decisionAt)
    : undefined;

/** The clocks that have started on this case, with the instants that end them. */
const spansOf = (dvdsCase: DvdsCase): ClockSpan[] => {
  const startedAt = new Date(dvdsCase.startedAt);
  const stoppedEarly = endedWithoutDecision(dvdsCase);
  const fastTrackedAt = date(dvdsCase.fastTrack?.at);
  const skippedAt = stoppedEarly ?? fastTrackedAt;
  const spans: ClockSpan[] = [];

  const progressionAt = date(dvdsCase.progression?.decidedAt);
  spans.push({
    id: 'initial-checks',
    startAt: startedAt,
    ...(progressionAt ? { metAt: progressionAt } : skippedAt ? { stoppedAt: skippedAt } : {}),
  });

  const meetingAt = date(dvdsCase.meeting?.heldAt);
  if (dvdsCase.route === 'right-to-ask' && dvdsCase.progression?.progress !== false) {
    spans.push({
      id: 'meeting',
      startAt: startedAt,
      ...(meetingAt ? { metAt: meetingAt } : skippedAt ? { stoppedAt: skippedAt } : {}),
    });
  }

  const applicantIsVictim = dvdsCase.application?.applicantIsPersonAtRisk === true;
  if (meetingAt && applicantIsVictim && dvdsCase.meeting?.requestMalicious === false) {
    const assessedAt = date(dvdsCase.riskAssessment?.completedAt);
    spans.push({
      id: 'risk-assessment',
      startAt: meetingAt,
      ...(assessedAt ? { metAt: assessedAt } : skippedAt ? { stoppedAt: skippedAt } : {}),
    });
  }

  const categorisationStart =
    dvdsCase.route === 'right-to-know'
      ? startedAt
      : dvdsCase.meeting?.requestMalicious === false
        ? meetingAt
        : undefined;
  if (categorisationStart && dvdsCase.progression?.progress !== false) {
    const categorisedAt = date(dvdsCase.categorisation?.at);
    spans.push({
      id: 'categorisation',
      startAt: categorisationStart,
      ...(categorisedAt ? { metAt: categorisedAt } : skippedAt ? { stoppedAt: skippedAt } : {}),
    });
  }

  const decidedAt = date(dvdsCase.forumDecision?.decidedAt);
  const revised = dvdsCase.exceptionalCircumstances;
  spans.push({
    id: 'overall',
    startAt: startedAt,
    ...(decidedAt ? { metAt: decidedAt } : stoppedEarly ? { stoppedAt: stoppedEarly } : {}),
    ...(revised ? { revisedDueAt: endOfLondonDay(revised.revisedDueDate) } : {}),
  });
  return spans;
};

/**
 * Every clock that has started on the case, computed afresh from what was recorded: the case stores the
 * steps, never the clocks, so a change of rule set or holiday data cannot leave a stale due date behind.
 * Stage clocks count England and Wales working days; the overall limit counts calendar days (rule set).
 */
export const caseClocks = (dvdsCase: DvdsCase, holidays: HolidaySource, now: Date): CaseClock[] => {
  const ruleSet = ruleSetOf(dvdsCase.ruleSet);
  return spansOf(dvdsCase).map((span) => {
    const definition = ruleSet.clocks[span.id];
    const dueAt = span.revisedDueAt ?? parseClockRule(definition.rule).dueAt(span.startAt, holidays);
    const soon = oneWorkingDayBefore(dueAt, holidays);
    // The 24-hour checks are due within a working day from the start: they are due soon from the start.
    const dueSoonFrom = new Date(Math.max(soon.getTime(), span.startAt.getTime()));
    const endedAt = span.metAt ?? span.stoppedAt;
    const state: ClockState = span.metAt
      ? span.metAt > dueAt
        ? 'met-late'
        : 'met'
      : span.stoppedAt
        ? 'stopped'
        : clockStatus(now, dueAt, dueSoonFrom);
    return {
      id: span.id,
      label: span.revisedDueAt ? `${definition.label} (exceptional circumstances)` : definition.label,
      source: definition.source,
      startAt: span.startAt,
      dueAt,
      dueSoonFrom,
      ...(endedAt ? { endedAt } : {}),
      state,
      breached: (endedAt ?? now) > dueAt,
      revised: span.revisedDueAt !== undefined,
    };
  });
};

/** The open clock that falls due first: what the case list sorts and marks by. */
export const nextDueClock = (clocks: readonly CaseClock[]): CaseClock | undefined =>
  clocks.filter(isOpenClock).reduce<CaseClock | undefined>((first, clock) => {
    if (!first || clock.dueAt < first.dueAt) return clock;
    return first;
  }, undefined);

/** The overall due instant under the case's rule set, before any exceptional circumstances. */
export const overallDueWithoutExtension = (dvdsCase: DvdsCase, holidays: HolidaySource): Date =>
  parseClockRule(ruleSetOf(dvdsCase.ruleSet).clocks.overall.rule).dueAt(dvdsCase.startedAt, holidays);
