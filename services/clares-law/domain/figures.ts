import { type HolidaySource, londonDateOf } from '../../../shared/calendar/index.ts';
import { caseClocks } from './clocks.ts';
import type { DvdsCase } from './model.ts';
import { type ClockId, clockIds, ruleSetOf } from './rule-sets.ts';
import { type EntryRoute, entryRoutes, type Outcome, outcomes } from './vocabulary.ts';

/**
 * The scheme's figures by month of application (APP "Performance management": "number of DVDS
 * applications, analysed by right to know and right to ask"; 003 §18-19: outcomes of the requests and
 * trends). Time to decision counts London calendar days from application to the forum's decision.
 */
export interface MonthFigures {
  readonly month: string;
  readonly applications: number;
  readonly byRoute: Readonly<Record<EntryRoute, number>>;
  readonly byOutcome: Readonly<Record<Outcome | 'open', number>>;
  readonly decided: number;
  readonly medianDaysToDecision: number | undefined;
  readonly longestDaysToDecision: number | undefined;
  /** Decisions reached within the overall limit of the rule set each case ran under. */
  readonly decidedWithinLimit: number;
  /** Clocks met late or still open past their due instant, per stage. */
  readonly breaches: Readonly<Record<ClockId, number>>;
}

const daysBetween = (from: string, to: string): number =>
  Math.round(
    (Date.parse(`${londonDateOf(to)}T00:00:00Z`) - Date.parse(`${londonDateOf(from)}T00:00:00Z`)) /
      86_400_000,
  );

const median = (values: readonly number[]): number | undefined => {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
};

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> =>
  Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

export const monthOf = (dvdsCase: DvdsCase): string => londonDateOf(dvdsCase.startedAt).slice(0, 7);

/** One row per month that has applications, newest first. */
export const monthlyFigures = (
  cases: readonly DvdsCase[],
  holidays: HolidaySource,
  now: Date,
): MonthFigures[] => {
  const byMonth = new Map<string, DvdsCase[]>();
  for (const dvdsCase of cases) {
    const month = monthOf(dvdsCase);
    byMonth.set(month, [...(byMonth.get(month) ?? []), dvdsCase]);
  }
  return [...byMonth.entries()]
    .sort(([a], [b]) => (a < b ? 1 : -1))
    .map(([month, monthCases]) => {
      const byRoute = zeroes(entryRoutes);
      const byOutcome = zeroes([...outcomes, 'open'] as const);
      const breaches = zeroes(clockIds);
      const days: number[] = [];
      let withinLimit = 0;
      for (const dvdsCase of monthCases) {
        byRoute[dvdsCase.route] += 1;
        byOutcome[dvdsCase.outcome ?? 'open'] += 1;
        const clocks = caseClocks(dvdsCase, holidays, now);
        for (const clock of clocks) if (clock.breached && clock.state !== 'stopped') breaches[clock.id] += 1;
        const decidedAt = dvdsCase.forumDecision?.decidedAt;
        if (decidedAt) {
          days.push(daysBetween(dvdsCase.startedAt, decidedAt));
          const overall = clocks.find((clock) => clock.id === 'overall');
          if (overall && !overall.breached) withinLimit += 1;
        }
      }
      return {
        month,
        applications: monthCases.length,
        byRoute,
        byOutcome,
        decided: days.length,
        medianDaysToDecision: median(days),
        longestDaysToDecision: days.length > 0 ? Math.max(...days) : undefined,
        decidedWithinLimit: withinLimit,
        breaches,
      };
    });
};

export const figuresColumns = [
  'month',
  'applications',
  'right_to_ask',
  'right_to_know',
  'disclosed',
  'not_disclosed',
  'withdrawn',
  'not_progressed',
  'open',
  'decided',
  'median_days_to_decision',
  'longest_days_to_decision',
  'decided_within_limit',
  ...clockIds.map((id) => `breaches_${id.replace(/-/g, '_')}`),
] as const;

/** The figures as CSV (RFC 4180): numbers and months only, so no cell can be read as a formula. */
export const figuresCsv = (rows: readonly MonthFigures[]): string => {
  const lines = rows.map((row) =>
    [
      row.month,
      row.applications,
      row.byRoute['right-to-ask'],
      row.byRoute['right-to-know'],
      row.byOutcome.disclosed,
      row.byOutcome['not-disclosed'],
      row.byOutcome.withdrawn,
      row.byOutcome['not-progressed'],
      row.byOutcome.open,
      row.decided,
      row.medianDaysToDecision ?? '',
      row.longestDaysToDecision ?? '',
      row.decidedWithinLimit,
      ...clockIds.map((id) => row.breaches[id]),
    ].join(','),
  );
  return `${[figuresColumns.join(','), ...lines].join('\r\n')}\r\n`;
};

/** The overall limit a case ran under, in days, for the figures page's explanation. */
export const overallLimitDays = (dvdsCase: DvdsCase): number =>
  Number(ruleSetOf(dvdsCase.ruleSet).clocks.overall.rule.split(':')[1]);
