import * as z from 'zod';
import { Department, Rank, StaffGrade } from '../../../shared/auth/principal.ts';

/**
 * Records about domestic abuse where the victim or the suspect works for the force (PP/04 §7; APP
 * "Management of police-perpetrator cases", "Access to records"). Everything here is read back from
 * storage through these schemas, so a stored item that does not fit fails loudly instead of being shown.
 */

/** `RC-` and three groups of four Crockford base-32 characters (60 random bits): not guessable in practice. */
export const CaseId = z
  .string()
  .regex(/^RC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
export type CaseId = z.infer<typeof CaseId>;

/** `G-` and two groups of four: a safeguarding grant, unique within its case. */
export const GrantId = z.string().regex(/^G-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
export type GrantId = z.infer<typeof GrantId>;

const Instant = z.iso.datetime();
const CollarNumber = z.string().trim().min(1).max(20);
const Text = (max: number) => z.string().trim().min(1).max(max);

/** A member of staff as a record keeps them: the directory's details at the time. */
export const StaffRef = z.object({
  collarNumber: CollarNumber,
  displayName: Text(120),
  rank: z.union([Rank, StaffGrade]),
  department: Department,
});
export type StaffRef = z.infer<typeof StaffRef>;

export const caseKinds = ['allegation', 'staff-victim-report'] as const;
export const CaseKind = z.enum(caseKinds);
export type CaseKind = z.infer<typeof CaseKind>;

/** Where the case stands; PSD records the outcome and closes it. */
export const stages = ['reported', 'under-investigation', 'outcome-recorded', 'closed'] as const;
export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

/** PP/04 §7.2: how an allegation against a member of staff reached the inspector or manager. */
export const receivedAsValues = ['victim-report', 'third-party-report', 'admission'] as const;
export const ReceivedAs = z.enum(receivedAsValues);
export type ReceivedAs = z.infer<typeof ReceivedAs>;

/** PP/04 §7.1: the support a member of staff who is a victim may ask for, and may consent to share with. */
export const supportKinds = [
  'line-manager',
  'occupational-health',
  'champion',
  'specialist-services',
] as const;
export const SupportKind = z.enum(supportKinds);
export type SupportKind = z.infer<typeof SupportKind>;

export const abuserIsStaffValues = ['yes', 'no', 'not-sure'] as const;

/** PP/04 §7.1: the only grounds for sharing a staff victim's information without their consent. */
export const sharingBases = ['child-protection', 'risk-of-serious-harm-or-death'] as const;
export const SharingBasis = z.enum(sharingBases);
export type SharingBasis = z.infer<typeof SharingBasis>;

export const SharingWithoutConsent = z.object({
  at: Instant,
  by: StaffRef,
  basis: SharingBasis,
  reason: Text(2000),
  sharedWith: Text(300),
  /** The victim is told, through their inbox, at the moment it is recorded. */
  victimToldAt: Instant,
});
export type SharingWithoutConsent = z.infer<typeof SharingWithoutConsent>;

export const VictimReport = z.object({
  whatHappened: Text(6000),
  abuserIsStaff: z.enum(abuserIsStaffValues),
  supportWanted: z.array(SupportKind),
  consentToShareWith: z.array(SupportKind),
  /** When they confirmed they had read what will be recorded and when information is shared without consent. */
  acknowledgedAt: Instant,
  sharedWithoutConsent: z.array(SharingWithoutConsent),
});
export type VictimReport = z.infer<typeof VictimReport>;

export const Allegation = z.object({
  summary: Text(6000),
  criminal: z.boolean(),
  receivedAs: ReceivedAs,
  /** What is being done now to keep the victim and any children safe, when urgent. */
  safeguardingDetails: Text(3000).optional(),
});
export type Allegation = z.infer<typeof Allegation>;

export const Victim = z.object({
  /** As the recorder describes them; for a staff victim, their own name. */
  description: Text(200),
  /** The victim's collar or staff number when they work for the force. */
  collarNumber: CollarNumber.optional(),
});
export type Victim = z.infer<typeof Victim>;

/** PP/04 §7.2: the crime report and any call log are restricted with the case. */
export const References = z.object({
  crimeNumber: Text(40).optional(),
  callLogRefs: z.array(Text(40)).max(20),
});
export type References = z.infer<typeof References>;

/** Why a case is need-to-know: a chief inspector's authority (PP/04 §7.2) or a staff victim's confidentiality (§7.1). */
export const restrictionBases = ['chief-inspector-authority', 'staff-victim-confidentiality'] as const;

export const Restriction = z.discriminatedUnion('state', [
  z.object({ state: z.literal('unrestricted') }),
  z.object({
    state: z.literal('restricted'),
    basis: z.enum(restrictionBases),
    reason: Text(2000),
    by: StaffRef,
    at: Instant,
  }),
]);
export type Restriction = z.infer<typeof Restriction>;

export const RestrictionChange = z.object({
  change: z.enum(['restricted', 'changed', 'lifted']),
  reason: Text(2000),
  by: StaffRef,
  at: Instant,
  references: References,
});
export type RestrictionChange = z.infer<typeof RestrictionChange>;

export const outcomeKinds = [
  'criminal-proceedings',
  'misconduct-proceedings',
  'management-action',
  'no-case-to-answer',
] as const;
export const OutcomeKind = z.enum(outcomeKinds);
export type OutcomeKind = z.infer<typeof OutcomeKind>;

export const CaseOutcome = z.object({ kind: OutcomeKind, note: Text(3000), by: StaffRef, at: Instant });
export type CaseOutcome = z.infer<typeof CaseOutcome>;

export const Closure = z.object({ reason: Text(2000), by: StaffRef, at: Instant });
export type Closure = z.infer<typeof Closure>;

/** Who was told of the allegation when it was recorded (PP/04 §7.2; APP "Immediate referral"). */
export const NotifiedRecipient = z.object({ role: z.string().min(1).max(60), label: Text(120) });
export type NotifiedRecipient = z.infer<typeof NotifiedRecipient>;

export const AccessReportRequest = z.object({
  requestId: z.string().min(1).max(100),
  requestedAt: Instant,
  requestedBy: StaffRef,
  status: z.enum(['requested', 'ready', 'failed']),
  documentId: z.string().max(40).optional(),
  downloadPath: z.string().max(200).optional(),
  failure: z.string().max(300).optional(),
});
export type AccessReportRequest = z.infer<typeof AccessReportRequest>;

export const RestrictedCase = z.object({
  id: CaseId,
  kind: CaseKind,
  version: z.number().int().nonnegative(),
  createdAt: Instant,
  createdBy: StaffRef,
  stage: Stage,
  /** APP "Access to records": the flag that marks every case with a police suspect. */
  policeSuspect: z.boolean(),
  /** PP/04 §7.2: an officer's own admission is not confidential; it is recorded and investigated as one. */
  admission: z.boolean(),
  urgentSafeguarding: z.boolean(),
  suspect: StaffRef.optional(),
  victim: Victim,
  allegation: Allegation.optional(),
  victimReport: VictimReport.optional(),
  references: References,
  restriction: Restriction,
  restrictionHistory: z.array(RestrictionChange),
  /** The domestic abuse investigation supervisor, told of every attempt to access the case. */
  supervisingOfficer: CollarNumber.optional(),
  notified: z.array(NotifiedRecipient),
  outcome: CaseOutcome.optional(),
  closure: Closure.optional(),
  accessReports: z.array(AccessReportRequest),
});
export type RestrictedCase = z.infer<typeof RestrictedCase>;

/** The need-to-know list, besides PSD who are on every list by their department. */
export const memberRoles = ['investigating-team', 'named', 'reporting-victim'] as const;
export const MemberRole = z.enum(memberRoles);
export type MemberRole = z.infer<typeof MemberRole>;

export const AccessListMember = z.object({
  collarNumber: CollarNumber,
  displayName: Text(120).optional(),
  role: MemberRole,
  addedAt: Instant,
  /** Who added them; absent when the system did (the victim themselves, the supervisor on creation). */
  addedBy: StaffRef.optional(),
  reason: Text(1000),
  /** Named people only: access ends at this instant. */
  until: Instant.optional(),
});
export type AccessListMember = z.infer<typeof AccessListMember>;

export const conflictRelations = ['line-management', 'colleague', 'relative', 'other'] as const;
export const ConflictRelation = z.enum(conflictRelations);
export type ConflictRelation = z.infer<typeof ConflictRelation>;

/** Someone PSD has barred from the case whatever their rank or role. */
export const Conflict = z.object({
  collarNumber: CollarNumber,
  displayName: Text(120).optional(),
  relation: ConflictRelation,
  reason: Text(1000),
  addedAt: Instant,
  addedBy: StaffRef.optional(),
});
export type Conflict = z.infer<typeof Conflict>;

export const grantKinds = ['safeguarding-request', 'break-glass'] as const;
export const GrantKind = z.enum(grantKinds);
export type GrantKind = z.infer<typeof GrantKind>;

export const GrantReview = z.object({
  decision: z.enum(['accepted', 'referred']),
  note: Text(2000),
  by: StaffRef,
  at: Instant,
});
export type GrantReview = z.infer<typeof GrantReview>;

/**
 * Access for someone protecting the victim or a child who is not on the list (APP "Access to records":
 * restriction must never stop them). A request waits for PSD or a chief inspector; break glass is granted
 * at once for a short time and reviewed afterwards.
 */
export const Grant = z.object({
  id: GrantId,
  kind: GrantKind,
  grantee: StaffRef,
  reason: Text(2000),
  requestedAt: Instant,
  status: z.enum(['pending', 'granted', 'refused']),
  decidedBy: StaffRef.optional(),
  decidedAt: Instant.optional(),
  decisionNote: Text(2000).optional(),
  validUntil: Instant.optional(),
  review: GrantReview.optional(),
});
export type Grant = z.infer<typeof Grant>;

export const incidentKinds = ['phone-call', 'email-or-message', 'visit', 'other'] as const;
export const IncidentKind = z.enum(incidentKinds);
export type IncidentKind = z.infer<typeof IncidentKind>;

/** PP/04 §7.1: incidents at work, recorded with witnesses, as evidence for later proceedings. */
export const WorkplaceIncident = z.object({
  id: z.string().min(1).max(60),
  occurredAt: Instant,
  kind: IncidentKind,
  description: Text(3000),
  witnesses: z.string().trim().max(1000),
  evidence: z.string().trim().max(1000),
  recordedAt: Instant,
});
export type WorkplaceIncident = z.infer<typeof WorkplaceIncident>;

/** Everything about one case: the record, its access list, conflicts, grants and incident log. */
export interface CaseFile {
  readonly case: RestrictedCase;
  readonly members: readonly AccessListMember[];
  readonly conflicts: readonly Conflict[];
  readonly grants: readonly Grant[];
  readonly incidents: readonly WorkplaceIncident[];
}

/** Whether the case is need-to-know: restricted by a chief inspector, or a staff victim's confidential report. */
export const isNeedToKnow = (theCase: RestrictedCase): boolean =>
  theCase.restriction.state === 'restricted' || theCase.kind === 'staff-victim-report';
