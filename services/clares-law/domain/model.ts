import * as z from 'zod';
import { Department, Rank, StaffGrade } from '../../../shared/auth/principal.ts';
import { isLondonDate } from '../../../shared/calendar/index.ts';
import { RuleSetId } from './rule-sets.ts';
import {
  Agency,
  Category,
  CheckKind,
  CheckResult,
  ConcernFactor,
  ConcernKind,
  ContactChannel,
  ContactMethod,
  ContactOutcome,
  ContactPeriod,
  DisclosureDecision,
  EntryRoute,
  Forum,
  IdentityDocument,
  InformationSource,
  NoConcernGround,
  Outcome,
  RecipientRole,
  RelationshipToPersonAtRisk,
  RiskLevel,
  SubjectRelationship,
} from './vocabulary.ts';

const Instant = z.iso.datetime({ offset: true });
const CalendarDate = z.string().refine(isLondonDate, 'Enter a real date');
const Text = (max: number) => z.string().trim().min(1).max(max);
const OptionalText = (max: number) => z.string().trim().max(max).optional();
/** A name as typed, in any script: only its length is limited. */
const PersonName = Text(120);

/** A member of staff as the case records them: enough to say who did what. */
export const Officer = z.object({
  subject: z.string().min(1),
  collarNumber: z.string().min(1),
  displayName: z.string().min(1),
  rank: z.union([Rank, StaffGrade]),
  department: Department,
});
export type Officer = z.infer<typeof Officer>;

export const Applicant = z.object({
  fullName: PersonName,
  otherNames: z.array(PersonName).max(10).default([]),
  dateOfBirth: CalendarDate,
  address: Text(500),
});
export type Applicant = z.infer<typeof Applicant>;

export const PersonAtRisk = z.object({
  fullName: PersonName,
  dateOfBirth: CalendarDate.optional(),
  approximateAge: z.number().int().min(16).max(120).optional(),
  address: OptionalText(500),
});
export type PersonAtRisk = z.infer<typeof PersonAtRisk>;

export const Children = z.object({
  affected: z.boolean(),
  details: OptionalText(2000),
});
export type Children = z.infer<typeof Children>;

/** The person asked about (002 "the person about whom information is sought"). */
export const Subject = z.object({
  fullName: PersonName,
  aliases: z.array(PersonName).max(10).default([]),
  dateOfBirth: CalendarDate.optional(),
  approximateAge: z.number().int().min(16).max(120).optional(),
  addresses: OptionalText(1000),
  description: OptionalText(1000),
  relationshipToPersonAtRisk: SubjectRelationship,
  howApplicantKnowsThem: OptionalText(1000),
});
export type Subject = z.infer<typeof Subject>;

export const Concerns = z.object({
  kinds: z.array(ConcernKind).min(1),
  whyAsking: Text(5000),
});
export type Concerns = z.infer<typeof Concerns>;

export const SupportWorker = z.object({
  name: PersonName,
  organisation: Text(200),
  phone: Text(40),
});

/** How, when and where contact is safe (002 "Method of contact ... without alerting the person"). */
export const SafeContact = z.object({
  methods: z.array(ContactMethod).min(1),
  phone: OptionalText(40),
  email: OptionalText(254),
  station: OptionalText(200),
  supportWorker: SupportWorker.optional(),
  safeTimes: z.array(ContactPeriod).min(1),
  unsafeTimes: z.array(ContactPeriod).default([]),
  mayLeaveMessage: z.boolean(),
  safeWord: OptionalText(100),
  mustNotDo: OptionalText(2000),
});
export type SafeContact = z.infer<typeof SafeContact>;

/** Everything initial contact collects on the right-to-ask route (002 "Initial contact"). */
export const RightToAskDetails = z.object({
  applicant: Applicant,
  applicantIsPersonAtRisk: z.boolean(),
  relationshipToPersonAtRisk: RelationshipToPersonAtRisk.optional(),
  personAtRisk: PersonAtRisk.optional(),
  children: Children,
  subject: Subject,
  concerns: Concerns,
  safeContact: SafeContact,
  consentToShare: z.boolean(),
});
export type RightToAskDetails = z.infer<typeof RightToAskDetails>;

/** What the police or a partner agency hold on the right-to-know route. */
export const RightToKnowDetails = z.object({
  source: InformationSource,
  sourceDetails: OptionalText(500),
  summary: Text(5000),
  personAtRisk: PersonAtRisk,
  children: Children,
  subject: Subject,
  safeContact: SafeContact.optional(),
});
export type RightToKnowDetails = z.infer<typeof RightToKnowDetails>;

export const CheckRecord = z.object({
  kind: CheckKind,
  checkedAt: Instant,
  recordedAt: Instant,
  by: Officer,
  result: CheckResult,
  summary: Text(3000),
  /** PNC only: whether the subject carries a ViSOR marker, which makes a ViSOR check required. */
  visorMarker: z.boolean().optional(),
});
export type CheckRecord = z.infer<typeof CheckRecord>;

export const Progression = z.object({
  decidedAt: Instant,
  by: Officer,
  progress: z.boolean(),
  rationale: Text(3000),
  immediateRiskIdentified: z.boolean(),
  /** Not progressing: the applicant was still given local support services and the national helpline. */
  supportDetailsGiven: z.boolean().optional(),
});
export type Progression = z.infer<typeof Progression>;

export const Meeting = z.object({
  heldAt: Instant,
  recordedAt: Instant,
  by: Officer,
  place: Text(300),
  identityDocuments: z.array(IdentityDocument).min(2),
  preliminaryWarningsGiven: z.literal(true),
  requestMalicious: z.boolean(),
  maliceAssessment: Text(3000),
  confidentialityUndertakingExplained: z.literal(true),
  informationPackGiven: z.literal(true),
  furtherDetails: OptionalText(5000),
});
export type Meeting = z.infer<typeof Meeting>;

export const RiskAssessment = z.object({
  completedAt: Instant,
  by: Officer,
  tool: Text(60),
  level: RiskLevel,
  summary: Text(3000),
});
export type RiskAssessment = z.infer<typeof RiskAssessment>;

export const Categorisation = z.object({
  at: Instant,
  by: Officer,
  category: Category,
  concernFactors: z.array(ConcernFactor).default([]),
  noConcernGrounds: z.array(NoConcernGround).default([]),
  rationale: Text(5000),
});
export type Categorisation = z.infer<typeof Categorisation>;

export const Representations = z.discriminatedUnion('sought', [
  z.object({ sought: z.literal(true), summary: Text(3000) }),
  z.object({ sought: z.literal(false), reasonNotSought: Text(3000) }),
]);
export type Representations = z.infer<typeof Representations>;

export const DisclosurePlan = z.object({
  what: Text(5000),
  recipient: z.object({ fullName: PersonName, role: RecipientRole, relationship: Text(200) }),
  agency: Text(200),
  plannedFor: Instant,
  place: Text(300),
});
export type DisclosurePlan = z.infer<typeof DisclosurePlan>;

export const ForumDecision = z.object({
  forum: Forum,
  decidedAt: Instant,
  recordedAt: Instant,
  by: Officer,
  decisionReference: Text(60),
  agencies: z.array(Agency).min(1),
  category: Category,
  decision: DisclosureDecision,
  rationale: Text(5000),
  /** The three tests (002 "The basic principles are that"), affirmed when disclosing. */
  necessary: z.boolean(),
  pressingNeed: z.boolean(),
  proportionate: z.boolean(),
  representations: Representations,
  plan: DisclosurePlan.optional(),
  subjectReferredTo: OptionalText(500),
});
export type ForumDecision = z.infer<typeof ForumDecision>;

export const Undertaking = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed') }),
  z.object({
    status: z.literal('refused'),
    outcome: z.enum(['disclosure-went-ahead', 'disclosure-not-made']),
    rationale: Text(3000),
  }),
]);
export type Undertaking = z.infer<typeof Undertaking>;

export const DisclosureDelivery = z.object({
  disclosedAt: Instant,
  recordedAt: Instant,
  by: Officer,
  accompaniedBy: z
    .object({ name: PersonName, rank: z.union([Rank, StaffGrade]), collarNumber: Text(20) })
    .optional(),
  place: Text(300),
  recipientToldOfConditions: z.literal(true),
  undertaking: Undertaking,
  /** Exactly as said: line breaks kept, never trimmed inside. Empty when the disclosure was not made. */
  verbatim: z.string().max(30_000),
  informationPackGiven: z.boolean(),
  reasonPackNotGiven: OptionalText(500),
});
export type DisclosureDelivery = z.infer<typeof DisclosureDelivery>;

/** Right to ask, no disclosure: told in person (002 "Decision made not to disclose"). */
export const NoDisclosureOutcome = z.object({
  toldAt: Instant,
  recordedAt: Instant,
  by: Officer,
  place: Text(300),
  toldInPerson: z.literal(true),
  advisedNoInformationIsNotNoRisk: z.literal(true),
  informationPackGiven: z.literal(true),
  notes: OptionalText(3000),
});
export type NoDisclosureOutcome = z.infer<typeof NoDisclosureOutcome>;

export const IntelligenceRecord = z.object({
  submittedAt: Instant,
  by: Officer,
  reference: Text(60),
  systems: Text(300),
  summary: Text(5000),
});
export type IntelligenceRecord = z.infer<typeof IntelligenceRecord>;

export const ContactAttempt = z.object({
  at: Instant,
  recordedAt: Instant,
  by: Officer,
  method: ContactMethod,
  outcome: ContactOutcome,
  note: OptionalText(1000),
  /** Allowed, but outside the times the applicant marked safe: shown to everyone who reads the case. */
  flags: z.array(z.literal('outside-safe-times')).default([]),
});
export type ContactAttempt = z.infer<typeof ContactAttempt>;

export const RefusedContact = z.object({
  at: Instant,
  recordedAt: Instant,
  by: Officer,
  method: ContactMethod,
  reasons: z.array(z.string().max(300)).min(1),
});
export type RefusedContact = z.infer<typeof RefusedContact>;

export const ImmediateRisk = z.object({ at: Instant, by: Officer, description: Text(3000) });
export type ImmediateRisk = z.infer<typeof ImmediateRisk>;

export const Authorisation = z.object({
  at: Instant,
  by: Officer,
  authorised: z.boolean(),
  rationale: Text(3000),
});

export const FastTrack = z.object({ at: Instant, by: Officer, reason: Text(3000) });

export const ExceptionalCircumstances = z.object({
  at: Instant,
  by: Officer,
  reason: Text(3000),
  /** The London date the decision is now due by (end of that day). */
  revisedDueDate: CalendarDate,
});
export type ExceptionalCircumstances = z.infer<typeof ExceptionalCircumstances>;

export const Withdrawal = z.object({ at: Instant, by: Officer, reason: Text(3000) });

export const patternRoles = ['applicant', 'person-at-risk', 'subject'] as const;
export const PatternRole = z.enum(patternRoles);
export type PatternRole = z.infer<typeof PatternRole>;

/** An earlier case that shares a person with this one (002 "so that any patterns ... can be identified"). */
export const PatternFlag = z.object({
  role: PatternRole,
  earlierRole: PatternRole,
  strength: z.enum(['name-and-date-of-birth', 'name-only']),
  caseIds: z.array(z.string().min(1)).min(1),
});
export type PatternFlag = z.infer<typeof PatternFlag>;

export const DisclosureRecordDocument = z.object({
  requestId: z.string().min(1),
  requestedAt: Instant,
  status: z.enum(['requested', 'ready', 'failed']),
  documentId: z.string().optional(),
  downloadPath: z.string().optional(),
  sha256: z.string().optional(),
  readyAt: Instant.optional(),
});
export type DisclosureRecordDocument = z.infer<typeof DisclosureRecordDocument>;

export const HistoryEvent = z.object({
  at: Instant,
  action: z.string().min(1).max(60),
  /** Who did it: an officer, the applicant online, or the service itself. */
  by: z.union([Officer, z.literal('applicant'), z.literal('system')]),
  summary: z.string().min(1).max(300),
});
export type HistoryEvent = z.infer<typeof HistoryEvent>;

export const stages = [
  'awaiting-authorisation',
  'initial-checks',
  'face-to-face-meeting',
  'risk-assessment',
  'categorisation',
  'forum-decision',
  'disclosure',
  'no-disclosure-outcome',
  'intelligence-record',
  'closed',
] as const;
export const Stage = z.enum(stages);
export type Stage = z.infer<typeof Stage>;

export const stageLabels: Readonly<Record<Stage, string>> = {
  'awaiting-authorisation': 'Awaiting inspector authorisation',
  'initial-checks': 'Initial checks',
  'face-to-face-meeting': 'Face-to-face meeting',
  'risk-assessment': 'Full risk assessment',
  categorisation: 'Concern or no concern',
  'forum-decision': 'Decision-making forum',
  disclosure: 'Disclosure to be delivered',
  'no-disclosure-outcome': 'No disclosure: tell the applicant',
  'intelligence-record': 'Final intelligence record',
  closed: 'Closed',
};

export const DvdsCase = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  ruleSet: RuleSetId,
  route: EntryRoute,
  stage: Stage,
  createdAt: Instant,
  updatedAt: Instant,
  /** Initial contact (right to ask) or receipt of the information (right to know): where the clocks start. */
  startedAt: Instant,
  channel: ContactChannel.optional(),
  partnerAgency: OptionalText(200),
  receivedBy: Officer.optional(),
  application: RightToAskDetails.optional(),
  information: RightToKnowDetails.optional(),
  owner: Officer.optional(),
  authorisation: Authorisation.optional(),
  checks: z.array(CheckRecord).default([]),
  progression: Progression.optional(),
  meeting: Meeting.optional(),
  riskAssessment: RiskAssessment.optional(),
  categorisation: Categorisation.optional(),
  forumDecision: ForumDecision.optional(),
  disclosure: DisclosureDelivery.optional(),
  noDisclosureOutcome: NoDisclosureOutcome.optional(),
  withdrawal: Withdrawal.optional(),
  intelligenceRecord: IntelligenceRecord.optional(),
  outcome: Outcome.optional(),
  /** When the application ended in a decision (or stopped): the overall clock stops here. */
  decisionAt: Instant.optional(),
  closedAt: Instant.optional(),
  immediateRisks: z.array(ImmediateRisk).default([]),
  fastTrack: FastTrack.optional(),
  exceptionalCircumstances: ExceptionalCircumstances.optional(),
  contactAttempts: z.array(ContactAttempt).default([]),
  refusedContacts: z.array(RefusedContact).default([]),
  patterns: z.array(PatternFlag).default([]),
  disclosureRecord: DisclosureRecordDocument.optional(),
  history: z.array(HistoryEvent).default([]),
});
export type DvdsCase = z.infer<typeof DvdsCase>;

/** The safe-contact arrangements that govern contact on this case, whichever route it came by. */
export const safeContactOf = (dvdsCase: DvdsCase): SafeContact | undefined =>
  dvdsCase.application?.safeContact ?? dvdsCase.information?.safeContact;

export const subjectOf = (dvdsCase: DvdsCase): Subject | undefined =>
  dvdsCase.application?.subject ?? dvdsCase.information?.subject;

/** The potential victim: the applicant asking for themselves, or the person at risk they named. */
export const potentialVictimNameOf = (dvdsCase: DvdsCase): string | undefined => {
  if (dvdsCase.application) {
    return dvdsCase.application.applicantIsPersonAtRisk
      ? dvdsCase.application.applicant.fullName
      : dvdsCase.application.personAtRisk?.fullName;
  }
  return dvdsCase.information?.personAtRisk.fullName;
};

export const isOpen = (dvdsCase: DvdsCase): boolean => dvdsCase.stage !== 'closed';
