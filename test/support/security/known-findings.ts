/**
 * Defects these suites found that belong to another part's owner and are not fixed yet. Each is listed in
 * docs/security-and-reliability.md ("Findings") with how to reproduce it. A suite leaves the finding's route
 * out of its general assertion and instead asserts, in a test of its own, that the defect still reproduces:
 * when the owner fixes it, that test fails and says to delete the entry here, so the route rejoins the
 * general assertion and the fix is held from then on.
 */
export interface KnownFinding {
  readonly id: string;
  /** Who can fix it: the folder that owns the code. */
  readonly owner: string;
  readonly where: string;
  readonly what: string;
}

/** Open findings, by id; none at present (SR-1 to SR-11 are fixed; see docs/security-and-reliability.md). */
export const knownFindings = {} as const satisfies Record<string, KnownFinding>;

/** Public journey routes the rate-limit suite leaves to a finding's own test, by route key. */
export const rateLimitFindingsByRoute: Readonly<Record<string, KnownFindingId>> = {};

/** Boundary schemas the fuzz suite leaves to a finding's own test, by name. */
export const schemaFindings: Readonly<Record<string, KnownFindingId>> = {};

export type KnownFindingId = keyof typeof knownFindings;

/** Routes a general assertion leaves to a finding's own test, by route key. */
export const headerFindingsByRoute: Readonly<Record<string, KnownFindingId>> = {};

export const stillReproduces = (id: KnownFindingId): string => {
  const finding: KnownFinding = knownFindings[id];
  return `${id} (${finding.where}) still reproduces; once it is fixed, delete ${id} from test/support/security/known-findings.ts`;
};
