import type {
  AccessListMember,
  CaseFile,
  Conflict,
  Grant,
  RestrictedCase,
  StaffRef,
} from '../../../services/restricted-cases/domain/model.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

export const t0 = new Date('2026-03-02T10:00:00Z');
export const hoursLater = (hours: number, from = t0): Date => new Date(from.getTime() + hours * 3_600_000);

export const ref = (principal: Principal): StaffRef => ({
  collarNumber: principal.collarNumber,
  displayName: principal.displayName,
  rank: principal.rank,
  department: principal.department,
});

export const person = (
  collarNumber: string,
  rank: Principal['rank'],
  department: Principal['department'],
): Principal => ({
  subject: `sub-${collarNumber}`,
  collarNumber,
  displayName: `Officer ${collarNumber}`,
  rank,
  department,
});

export const suspect = person('4021', 'constable', 'FORCE_RESPONSE');
export const recorder = person('1180', 'inspector', 'NEIGHBOURHOOD');

export const allegationCase = (overrides: Partial<RestrictedCase> = {}): RestrictedCase => ({
  id: 'RC-AAAA-BBBB-CCCC',
  kind: 'allegation',
  version: 3,
  createdAt: t0.toISOString(),
  createdBy: ref(recorder),
  stage: 'under-investigation',
  policeSuspect: true,
  admission: false,
  urgentSafeguarding: false,
  suspect: ref(suspect),
  victim: { description: 'Partner of the suspect' },
  allegation: { summary: 'Assault at home', criminal: true, receivedAs: 'victim-report' },
  references: { crimeNumber: '20/1234/26', callLogRefs: ['LOG-77'] },
  restriction: {
    state: 'restricted',
    basis: 'chief-inspector-authority',
    reason: 'Police suspect',
    by: ref(person('0874', 'chief-inspector', 'COMMAND')),
    at: t0.toISOString(),
  },
  restrictionHistory: [],
  supervisingOfficer: '2288',
  notified: [],
  accessReports: [],
  ...overrides,
});

export const member = (
  collarNumber: string,
  role: AccessListMember['role'],
  until?: Date,
): AccessListMember => ({
  collarNumber,
  role,
  addedAt: t0.toISOString(),
  reason: 'Needs to know',
  ...(until ? { until: until.toISOString() } : {}),
});

export const conflict = (collarNumber: string): Conflict => ({
  collarNumber,
  relation: 'colleague',
  reason: 'Works alongside the suspect',
  addedAt: t0.toISOString(),
});

export const grant = (
  grantee: Principal,
  state: 'pending' | 'active' | 'expired' | 'refused',
  kind: Grant['kind'] = 'safeguarding-request',
): Grant => ({
  id: 'G-AAAA-BBBB',
  kind,
  grantee: ref(grantee),
  reason: 'Protecting the children at the address',
  requestedAt: hoursLater(-10).toISOString(),
  status: state === 'pending' ? 'pending' : state === 'refused' ? 'refused' : 'granted',
  ...(state === 'active' ? { validUntil: hoursLater(2).toISOString() } : {}),
  ...(state === 'expired' ? { validUntil: hoursLater(-1).toISOString() } : {}),
});

export const fileOf = (theCase: RestrictedCase, parts: Partial<Omit<CaseFile, 'case'>> = {}): CaseFile => ({
  case: theCase,
  members: [],
  conflicts: [],
  grants: [],
  incidents: [],
  ...parts,
});
