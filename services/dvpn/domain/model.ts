import * as z from 'zod';
import { Rank, StaffGrade } from '../../../shared/auth/principal.ts';
import { isLondonDate } from '../../../shared/calendar/index.ts';
import { associationKinds, groundKinds, optionalConditions } from './rules-packs.ts';

const Instant = z.iso.datetime({ offset: true });
const CalendarDate = z.string().refine(isLondonDate, 'Enter a real date');
const Text = (max: number) => z.string().trim().min(1).max(max);

/** An officer as the case records them: enough to say who did what, without the token. */
export const Officer = z.object({
  subject: z.string().min(1),
  collarNumber: z.string().min(1),
  displayName: z.string().min(1),
  rank: z.union([Rank, StaffGrade]),
});
export type Officer = z.infer<typeof Officer>;

/** What the drafting officer records before asking for authorisation (CSA 2010 s.24; DAA 2021 ss.22-24). */
export const DraftDetails = z.object({
  recipient: z.object({
    name: Text(120),
    dateOfBirth: CalendarDate,
    address: Text(300),
  }),
  protectedPerson: z.object({
    name: Text(120),
    dateOfBirth: CalendarDate.optional(),
    association: z.enum(associationKinds),
  }),
  incident: z.object({
    occurredAt: Instant,
    location: Text(300),
    summary: Text(2000),
  }),
  grounds: z.object({
    kind: z.enum(groundKinds),
    detail: Text(2000),
  }),
  children: z.object({
    relevant: z.boolean(),
    details: z.string().trim().max(3000).default(''),
  }),
  protectedPersonOpinion: z.object({
    opinion: Text(3000),
    howSought: Text(2000),
  }),
  recipientRepresentations: z.object({
    representations: Text(3000),
    howSought: Text(2000),
  }),
  sharesPremises: z.boolean(),
  /** The premises the conditions about premises relate to. */
  premisesAddress: z.string().trim().max(300).optional(),
  /** CSA 2010 s.24(3)(d): other associated people living in those premises, and their opinion. */
  otherOccupants: z.string().trim().max(3000).optional(),
  conditions: z.array(z.enum(optionalConditions)),
  stayAwayDistanceMetres: z.number().int().min(1).max(10_000).optional(),
  /** CSA 2010 s.24(7): particular acts of molestation to name, if any; otherwise molestation in general. */
  molestationDetail: z.string().trim().max(1000).optional(),
  /** The magistrates' court that will hear the application, printed on the notice. */
  court: Text(200),
});
export type DraftDetails = z.infer<typeof DraftDetails>;

export const caseStatuses = [
  'draft',
  'awaiting-authorisation',
  'refused',
  'authorised',
  'notice-issued',
  'served',
  'adjourned',
  'order-granted',
  'order-refused',
] as const;
export const CaseStatus = z.enum(caseStatuses);
export type CaseStatus = z.infer<typeof CaseStatus>;

export const statusLabels: Readonly<Record<CaseStatus, string>> = {
  draft: 'Draft',
  'awaiting-authorisation': 'Awaiting authorisation',
  refused: 'Refused',
  authorised: 'Authorised, notice pending',
  'notice-issued': 'Notice issued, awaiting service',
  served: 'Served, awaiting hearing',
  adjourned: 'Hearing adjourned, notice in force',
  'order-granted': 'Order granted',
  'order-refused': 'Order refused',
};

/** The statutory considerations the authoriser affirms (CSA 2010 s.24(3)-(4); DAA 2021 s.24). */
export const Considerations = z.object({
  childWelfare: z.literal(true),
  protectedPersonOpinion: z.literal(true),
  recipientRepresentations: z.literal(true),
  reasonableStepsTaken: z.literal(true),
  /** Only where the notice would carry a condition about premises (CSA 2010 s.24(3)(d)). */
  otherOccupantsOpinion: z.literal(true).optional(),
});
export type Considerations = z.infer<typeof Considerations>;

export const Decision = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('authorised'),
    by: Officer,
    at: Instant,
    considerations: Considerations,
    reasonableGrounds: Text(2000),
  }),
  z.object({
    outcome: z.literal('refused'),
    by: Officer,
    at: Instant,
    reason: Text(2000),
  }),
]);
export type Decision = z.infer<typeof Decision>;

/** A document asked of the documents service: pending until it answers, failed if it could not be made. */
export const DocumentRequest = z.object({
  status: z.enum(['pending', 'ready', 'failed']),
  /** Every request made for this document; a late answer to an earlier request still counts. */
  requestIds: z.array(z.string().min(1)).min(1),
  requestedAt: Instant,
  documentId: z.string().min(1).optional(),
  sha256: z.string().optional(),
  /** Staff route of the documents service that serves the signed file. */
  downloadPath: z.string().startsWith('/').optional(),
  readyAt: Instant.optional(),
  failure: z.string().max(500).optional(),
});
export type DocumentRequest = z.infer<typeof DocumentRequest>;

export const Service = z.object({
  servedAt: Instant,
  place: Text(300),
  /** The serving constable, who records the service themselves. */
  servedBy: Officer,
  /** CSA 2010 s.25(3): where the recipient asks to be given notice of the hearing; null if they gave none. */
  addressForHearingNotice: z.string().trim().max(300).nullable(),
  hearingDueBy: Instant,
  recordedBy: Officer,
  recordedAt: Instant,
});
export type Service = z.infer<typeof Service>;

export const Application = z.object({
  court: Text(200),
  conditionsSought: z.array(z.enum(optionalConditions)),
  stayAwayDistanceMetres: z.number().int().min(1).max(10_000).optional(),
  /** Null where the pack has no maximum and the order is sought until further order. */
  durationSoughtDays: z.number().int().min(1).nullable(),
  summary: Text(1500),
  preparedBy: Officer,
  preparedAt: Instant,
  pack: DocumentRequest,
});
export type Application = z.infer<typeof Application>;

export const Hearing = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('granted'),
    heardAt: Instant,
    conditions: z.array(z.enum(optionalConditions)),
    stayAwayDistanceMetres: z.number().int().min(1).max(10_000).optional(),
    durationDays: z.number().int().min(1).nullable(),
    /** End of the order; null when made until further order. */
    expiresAt: Instant.nullable(),
    recordedBy: Officer,
    recordedAt: Instant,
  }),
  z.object({
    outcome: z.literal('refused'),
    heardAt: Instant,
    reason: Text(3000),
    recordedBy: Officer,
    recordedAt: Instant,
  }),
  z.object({
    outcome: z.literal('adjourned'),
    heardAt: Instant,
    adjournedTo: Instant,
    reason: Text(3000),
    recordedBy: Officer,
    recordedAt: Instant,
  }),
]);
export type Hearing = z.infer<typeof Hearing>;

export const Breach = z.object({
  id: z.string().min(1),
  of: z.enum(['notice', 'order']),
  occurredAt: Instant,
  description: Text(3000),
  arrested: z.boolean(),
  recordedBy: Officer,
  recordedAt: Instant,
});
export type Breach = z.infer<typeof Breach>;

export const warningThresholds = ['24h', '6h'] as const;
export type WarningThreshold = (typeof warningThresholds)[number];

export const DvpnCase = z.object({
  id: z.string().min(1),
  /** The rules pack and version the case runs under, fixed when it is drafted. */
  pack: z.object({ id: z.enum(['dvpn', 'dapn']), version: z.string().min(1) }),
  status: CaseStatus,
  /** Optimistic lock: every change is written on condition that this is unchanged. */
  version: z.number().int().min(1),
  details: DraftDetails,
  /** The drafting officer's department, which the unit dashboard filters on. */
  unit: z.string().min(1),
  draftedBy: Officer,
  draftedAt: Instant,
  updatedAt: Instant,
  submittedAt: Instant.optional(),
  decision: Decision.optional(),
  notice: DocumentRequest.optional(),
  service: Service.optional(),
  warningsSent: z.array(z.enum(warningThresholds)).default([]),
  application: Application.optional(),
  hearings: z.array(Hearing).default([]),
  breaches: z.array(Breach).default([]),
});
export type DvpnCase = z.infer<typeof DvpnCase>;

/** What happened in one change, for the figures, the audit log and the messages a change causes. */
export type DvpnEvent =
  | { readonly kind: 'drafted'; readonly at: string }
  | { readonly kind: 'draft-updated'; readonly at: string }
  | { readonly kind: 'submitted'; readonly at: string }
  | { readonly kind: 'authorised'; readonly at: string; readonly draftToAuthorisationMs: number }
  | { readonly kind: 'refused'; readonly at: string }
  | { readonly kind: 'notice-requested'; readonly at: string; readonly requestId: string }
  | { readonly kind: 'notice-issued'; readonly at: string }
  | { readonly kind: 'notice-failed'; readonly at: string }
  | { readonly kind: 'served'; readonly at: string; readonly hearingDueBy: string }
  | { readonly kind: 'application-prepared'; readonly at: string; readonly requestId: string }
  | { readonly kind: 'application-pack-requested'; readonly at: string; readonly requestId: string }
  | { readonly kind: 'application-pack-ready'; readonly at: string }
  | { readonly kind: 'application-pack-failed'; readonly at: string }
  | {
      readonly kind: 'hearing-recorded';
      readonly at: string;
      readonly outcome: Hearing['outcome'];
      /** Only on the first hearing, which the statutory clock measures. */
      readonly serviceToHearingMs?: number;
    }
  | { readonly kind: 'breach-recorded'; readonly at: string }
  | { readonly kind: 'warning-sent'; readonly at: string; readonly threshold: WarningThreshold };

export interface Change {
  readonly next: DvpnCase;
  readonly events: readonly DvpnEvent[];
}
