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

export const knownFindings = {
  'SR-2': {
    id: 'SR-2',
    owner: 'services/online-report',
    where: 'services/online-report/handlers/leave-report.ts:47-55',
    what:
      'GET /report/leave builds its own headers and leaves out Strict-Transport-Security and X-Frame-Options ' +
      '(its CSP has frame-ancestors none, and CloudFront adds both in AWS; not when the API is reached directly).',
  },
  'SR-3': {
    id: 'SR-3',
    owner: 'shared/calendar (london-time.ts) with services/restricted-cases (forms.ts)',
    where:
      'shared/calendar/london-time.ts londonInstant/endOfLondonDay; services/restricted-cases/forms.ts IncidentForm and AccessListForm (DatePart(9999))',
    what:
      'A typed year below 1000 (e.g. 100 or 600) passes isLondonDate, then londonInstant/endOfLondonDay throw ' +
      'CalendarInputError inside the form schema’s transform, so safeParse throws instead of refusing: the POST ' +
      'answers 500 where it should show the form again with "Enter a real date".',
  },
  'SR-5': {
    id: 'SR-5',
    owner: 'services/clares-law',
    where: 'services/clares-law/handlers/save-application-page.ts, submit-application.ts (no rate limiter)',
    what:
      'The public Clare’s Law application takes any number of answers and submissions from one client: no ' +
      'per-client limit like online-report’s (domain/rate-limit.ts), so only the WAF’s per-address limit ' +
      '(2,000 requests in 5 minutes) stands between a script and the PPU’s case list.',
  },
  'SR-7': {
    id: 'SR-7',
    owner: 'shared/http (staff-session.ts) with services/home (sign-out.ts)',
    where: 'services/home/handlers/sign-out.ts:6; shared/http/middleware/staff-session.ts',
    what:
      'Signing out clears the __Host-session cookie but the ID token in it stays valid until it expires (8 hours ' +
      'locally; the user pool’s ID-token lifetime in AWS): a copy of the token taken before sign-out still opens ' +
      'every staff page. There is no server-side session to end and no revocation list (ASVS 7.4.1).',
  },
} as const satisfies Record<string, KnownFinding>;

/** Public journey routes the rate-limit suite leaves to a finding's own test, by route key. */
export const rateLimitFindingsByRoute: Readonly<Record<string, KnownFindingId>> = {
  'POST /clares-law/apply/{page}': 'SR-5',
};

/** Boundary schemas the fuzz suite leaves to a finding's own test, by name. */
export const schemaFindings: Readonly<Record<string, KnownFindingId>> = {
  'services/restricted-cases/forms.ts#IncidentForm': 'SR-3',
  'services/restricted-cases/forms.ts#AccessListForm': 'SR-3',
};

export type KnownFindingId = keyof typeof knownFindings;

/** Routes a general assertion leaves to a finding's own test, by route key. */
export const headerFindingsByRoute: Readonly<Record<string, KnownFindingId>> = {
  'GET /report/leave': 'SR-2',
};

export const stillReproduces = (id: KnownFindingId): string =>
  `${id} (${knownFindings[id].where}) still reproduces; once it is fixed, delete ${id} from test/support/security/known-findings.ts`;
