import { addLondonDays, londonDateOf } from '../../../shared/calendar/index.ts';
import type { DvpnEvent } from './model.ts';

/** A month in London time, `YYYY-MM`. */
export type Month = string;

export const figureKinds = [
  'drafted',
  'authorised',
  'refused',
  'applied',
  'granted',
  'first-hearing',
] as const;
export type FigureKind = (typeof figureKinds)[number];

/** One countable fact, kept per month so the figures are a query, not a scan of every case. */
export interface FigureEvent {
  readonly kind: FigureKind;
  readonly at: string;
  readonly caseId: string;
  /** For `authorised`: draft to authorisation. For `first-hearing`: service to hearing. */
  readonly durationMs?: number;
}

export const monthOf = (at: string | Date): Month => londonDateOf(at).slice(0, 7);

/** The countable facts in one change of a case (seed 002 "Performance management"). */
export const figureEventsOf = (caseId: string, events: readonly DvpnEvent[]): FigureEvent[] =>
  events.flatMap((event): FigureEvent[] => {
    switch (event.kind) {
      case 'drafted':
        return [{ kind: 'drafted', at: event.at, caseId }];
      case 'authorised':
        return [{ kind: 'authorised', at: event.at, caseId, durationMs: event.draftToAuthorisationMs }];
      case 'refused':
        return [{ kind: 'refused', at: event.at, caseId }];
      case 'application-prepared':
        return [{ kind: 'applied', at: event.at, caseId }];
      case 'hearing-recorded':
        return [
          ...(event.outcome === 'granted' ? [{ kind: 'granted' as const, at: event.at, caseId }] : []),
          ...(event.serviceToHearingMs === undefined
            ? []
            : [
                {
                  kind: 'first-hearing' as const,
                  at: event.at,
                  caseId,
                  durationMs: event.serviceToHearingMs,
                },
              ]),
        ];
      default:
        return [];
    }
  });

export interface MonthFigures {
  readonly month: Month;
  readonly drafted: number;
  readonly authorised: number;
  readonly refused: number;
  readonly ordersAppliedFor: number;
  readonly ordersGranted: number;
  readonly medianDraftToAuthorisationMs: number | null;
  readonly medianServiceToHearingMs: number | null;
}

export const median = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] as number;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] as number) + upper) / 2;
};

/** The months from `from` to `to` inclusive, oldest first. */
export const monthsBetween = (from: Month, to: Month): Month[] => {
  const months: Month[] = [];
  let day = `${from}-01`;
  while (day.slice(0, 7) <= to) {
    months.push(day.slice(0, 7));
    day = `${addLondonDays(day, 31).slice(0, 7)}-01`;
  }
  return months;
};

/** Counts and medians per month. A fact recorded twice for a case (a redelivered write) counts once. */
export const monthlyFigures = (events: readonly FigureEvent[], months: readonly Month[]): MonthFigures[] => {
  const unique = new Map<string, FigureEvent>();
  for (const event of events) unique.set(`${event.kind}#${event.caseId}#${event.at}`, event);
  return months.map((month) => {
    const inMonth = [...unique.values()].filter((event) => monthOf(event.at) === month);
    const of = (kind: FigureKind) => inMonth.filter((event) => event.kind === kind);
    const durations = (kind: FigureKind) =>
      of(kind).flatMap((event) => (event.durationMs === undefined ? [] : [event.durationMs]));
    return {
      month,
      drafted: of('drafted').length,
      authorised: of('authorised').length,
      refused: of('refused').length,
      ordersAppliedFor: of('applied').length,
      ordersGranted: of('granted').length,
      medianDraftToAuthorisationMs: median(durations('authorised')),
      medianServiceToHearingMs: median(durations('first-hearing')),
    };
  });
};

const minutes = (ms: number | null): string => (ms === null ? '' : String(Math.round(ms / 60_000)));

/** CSV for the performance returns: one row per month, medians in whole minutes (blank when none). */
export const figuresCsv = (
  figures: readonly MonthFigures[],
  noticeAbbreviation: string,
  orderAbbreviation: string,
): string => {
  const header = [
    'month',
    `${noticeAbbreviation.toLowerCase()}s_drafted`,
    `${noticeAbbreviation.toLowerCase()}s_authorised`,
    `${noticeAbbreviation.toLowerCase()}s_refused`,
    `${orderAbbreviation.toLowerCase()}s_applied_for`,
    `${orderAbbreviation.toLowerCase()}s_granted`,
    'median_minutes_draft_to_authorisation',
    'median_minutes_service_to_hearing',
  ];
  const rows = figures.map((row) =>
    [
      row.month,
      row.drafted,
      row.authorised,
      row.refused,
      row.ordersAppliedFor,
      row.ordersGranted,
      minutes(row.medianDraftToAuthorisationMs),
      minutes(row.medianServiceToHearingMs),
    ].join(','),
  );
  return `${[header.join(','), ...rows].join('\r\n')}\r\n`;
};
