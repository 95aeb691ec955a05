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
