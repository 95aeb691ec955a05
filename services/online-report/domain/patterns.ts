import { yearsBefore } from './journey/fields.ts';

/**
 * Patterns across reports, found through identity keys (keyed HMACs), never names: the repeat victim
 * (000 §3.4) and the serial perpetrator (000 §3.5).
 */

export interface EarlierIncident {
  readonly reportId: string;
  readonly reference: string;
  /** When it happened (`YYYY-MM-DD`). */
  readonly incidentDate: string;
  /** Domestic abuse now: flagged by the screen or marked by staff, and not since taken out. */
  readonly domesticAbuse: boolean;
}

/** Two dates are within a twelve-month period when the later is no more than a year after the earlier. */
export const withinTwelveMonths = (a: string, b: string): boolean => {
  const [earlier, later] = a <= b ? [a, b] : [b, a];
  return yearsBefore(later, 1) <= earlier;
};

/**
 * The other domestic-abuse incidents that make this one a repeat: a repeat victim has suffered two or
 * more domestic abuse incidents within a twelve-month period (000 §3.4). Each report counts once however
 * many keys (name and date of birth, email, phone) matched it.
 */
export const repeatMatches = (
  current: { readonly reportId: string; readonly incidentDate: string },
  others: readonly EarlierIncident[],
): EarlierIncident[] => {
  const seen = new Set<string>([current.reportId]);
  const matches: EarlierIncident[] = [];
  for (const other of others) {
    if (seen.has(other.reportId)) continue;
    seen.add(other.reportId);
    if (other.domesticAbuse && withinTwelveMonths(current.incidentDate, other.incidentDate))
      matches.push(other);
  }
  return matches.sort((a, b) => a.incidentDate.localeCompare(b.incidentDate));
};

export interface SuspectReport {
  readonly reportId: string;
  /** The victim's name-and-date-of-birth key: one victim, one key. */
  readonly victimKey: string;
  readonly domesticAbuse: boolean;
}

/** How many different victims have reported the suspect for domestic abuse; two or more is serial (000 §3.5). */
export const victimCount = (reports: readonly SuspectReport[]): number =>
  new Set(reports.filter((report) => report.domesticAbuse).map((report) => report.victimKey)).size;

export const isPossibleSerialPerpetrator = (reports: readonly SuspectReport[]): boolean =>
  victimCount(reports) >= 2;

/**
 * Matching is decided once per report, as the report is recorded against its identity keys. Of two
 * reports recorded at once, the one recorded second is certain to see the first (the adapter's records
 * make sure of it); the first may already have seen the second, through the index. So what each report's
 * own decision counted is kept with it, and a pair is counted by one of the two, never both and never
 * neither.
 */

/** What a report's own match decision counted, by report id. */
export interface CountedByDecision {
  /** The reports it is a repeat of (000 §3.4). */
  readonly repeatOf: readonly string[];
  /** The reports naming the same suspect that it counted (000 §3.5). */
  readonly suspectReports: readonly string[];
}

/** A report sharing an identity key with the one being decided, as it is now. */
export interface MatchCandidate extends EarlierIncident {
  /** The victim's name-and-date-of-birth key: one victim, one key. */
  readonly victimKey?: string;
  /** What its own decision counted; absent while it has none (not yet decided, or decided before records). */
  readonly counted?: CountedByDecision;
}

export interface MatchView {
  readonly report: { readonly reportId: string; readonly incidentDate: string; readonly victimKey?: string };
  /** Reports sharing any of the victim's keys (name and date of birth, email, phone). */
  readonly sameVictim: readonly MatchCandidate[];
  /** Reports naming the same suspect (name and date of birth). */
  readonly sameSuspect: readonly MatchCandidate[];
}

export interface MatchDecision {
  /** The other domestic-abuse incidents that make this one a repeat; empty when it is not (000 §3.4). */
  readonly repeatOf: readonly EarlierIncident[];
  /** The other domestic-abuse reports of the same suspect that this one counted (000 §3.5). */
  readonly suspectReports: readonly string[];
  /** How many victims have reported the suspect, counting this report's victim (000 §3.5). */
  readonly suspectVictims: number;
}

/**
 * A pair of reports is counted once: a report whose own decision already counted this one (as a repeat,
 * or towards the same suspect) has the pair, so it is left out here (000 §3.4, §3.5; §8.3.1: one alert).
 */
export const leftToThisReport = (
  reportId: string,
  candidates: readonly MatchCandidate[],
  countedAs: keyof CountedByDecision,
): MatchCandidate[] =>
  candidates.filter(
    (candidate) => candidate.reportId !== reportId && !candidate.counted?.[countedAs].includes(reportId),
  );

/** A report counts towards a suspect's victims when it is domestic abuse now and its victim is known (000 §3.5). */
export const countsTowardsSuspect = (candidate: MatchCandidate): boolean =>
  candidate.domesticAbuse && candidate.victimKey !== undefined;

/** The report's matches, decided once, as it is recorded against its identity keys. */
export const decideMatches = (view: MatchView): MatchDecision => {
  const { report } = view;
  const asVictimOf = (reportId: string, victimKey: string | undefined): SuspectReport[] =>
    victimKey ? [{ reportId, victimKey, domesticAbuse: true }] : [];
  const suspectReports = leftToThisReport(report.reportId, view.sameSuspect, 'suspectReports').filter(
    countsTowardsSuspect,
  );
  return {
    repeatOf: repeatMatches(report, leftToThisReport(report.reportId, view.sameVictim, 'repeatOf')),
    suspectReports: [...new Set(suspectReports.map((candidate) => candidate.reportId))],
    suspectVictims: victimCount([
      ...suspectReports.flatMap((candidate) => asVictimOf(candidate.reportId, candidate.victimKey)),
      ...asVictimOf(report.reportId, report.victimKey),
    ]),
  };
};
