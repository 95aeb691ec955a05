import * as z from 'zod';
import { Department, Rank, StaffGrade } from '../auth/principal.ts';
import { envelopeOf } from './envelope.ts';

/**
 * Signed documents: the template inputs each document type is rendered from, and the messages a service
 * exchanges with the documents service (send `document-requested` to the queue `document-requests`;
 * receive `document-ready` or `document-failed` on the reply-to queue named in the request).
 */

export const documentTypes = [
  'dvpn-notice',
  'clares-law-disclosure-record',
  'dvpo-application-pack',
  'restricted-case-access-report',
  'dapn-notice',
  'dapo-application-pack',
] as const;
export const DocumentType = z.enum(documentTypes);
export type DocumentType = z.infer<typeof DocumentType>;

/** The queue the documents service consumes. */
export const documentRequestsQueue = 'document-requests';

/** `DOC-` and four groups of four Crockford base-32 characters (80 random bits): printed on every page. */
export const DocumentId = z.string().regex(/^DOC-[0-9A-HJKMNP-TV-Z]{4}(?:-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
export type DocumentId = z.infer<typeof DocumentId>;

const Instant = z.iso.datetime({ offset: true });
const CalendarDate = z.iso.date();
const Name = z.string().trim().min(1).max(120);
const Line = (max: number) => z.string().trim().min(1).max(max);
const CollarNumber = z.string().trim().min(1).max(20);

export const Officer = z.object({
  name: Name,
  rank: z.union([Rank, StaffGrade]),
  collarNumber: CollarNumber,
});
export type Officer = z.infer<typeof Officer>;

/** CSA 2010 s.24(2): a DVPN is authorised by a superintendent or above. */
const superintendentOrAbove = Rank.extract([
  'superintendent',
  'chief-superintendent',
  'assistant-chief-constable',
  'deputy-chief-constable',
  'chief-constable',
]);

/** DAA 2021 s.22(1), (8): a DAPN is given by a "senior police officer", a constable of inspector or above. */
const inspectorOrAbove = Rank.extract([
  'inspector',
  'chief-inspector',
  'superintendent',
  'chief-superintendent',
  'assistant-chief-constable',
  'deputy-chief-constable',
  'chief-constable',
]);

const Metres = z.number().int().min(1).max(10_000);

/** Completed once served; left as a form to complete by hand when the notice is printed before service. */
const NoticeService = z.object({
  servedAt: Instant,
  servedBy: Officer,
  place: Line(300),
  addressForHearingNotice: Line(300).optional(),
  hearingLatestBy: Instant,
});

// ----- DVPN notice (Crime and Security Act 2010 ss.24-25) -----

export const DvpnNoticeInput = z
  .object({
    caseReference: Line(40),
    recipient: z.object({ fullName: Name, dateOfBirth: CalendarDate, address: Line(300) }),
    protectedPerson: z.object({ fullName: Name }),
    /** The authorising officer's grounds: the violence or threat, and why the notice is necessary. */
    grounds: Line(6000),
    /** Particular acts the prohibition on molestation names, if any (s.24(7)): general otherwise. */
    molestationDetail: Line(1000).optional(),
    /** Where recipient and protected person live together: what the notice says about the premises (s.24(8)). */
    premises: z
      .object({
        address: Line(300),
        noEvictionOrExclusion: z.boolean(),
        noEntry: z.boolean(),
        mustLeave: z.boolean(),
        keepAwayMetres: z.number().int().min(1).max(10_000).optional(),
      })
      .optional(),
    authorisedBy: Officer.extend({ rank: superintendentOrAbove }),
    authorisedAt: Instant,
    court: Line(200),
    /** Completed once served; left as a form to complete by hand when the notice is printed before service. */
    service: NoticeService.optional(),
  })
  .refine(
    (input) =>
      !input.premises ||
      input.premises.noEvictionOrExclusion ||
      input.premises.noEntry ||
      input.premises.mustLeave ||
      input.premises.keepAwayMetres !== undefined,
    { path: ['premises'], message: 'Name at least one provision about the premises, or leave premises out.' },
  );
export type DvpnNoticeInput = z.infer<typeof DvpnNoticeInput>;

// ----- DAPN notice (Domestic Abuse Act 2021 ss.22-26) -----

export const DapnNoticeInput = z
  .object({
    caseReference: Line(40),
    recipient: z.object({ fullName: Name, dateOfBirth: CalendarDate, address: Line(300) }),
    protectedPerson: z.object({ fullName: Name }),
    /** The authorising officer's grounds: the abusive behaviour, and why the notice is necessary (s.22(3)-(4)). */
    grounds: Line(6000),
    /** Particular behaviour the prohibition on being abusive names, if any: general otherwise (s.22(2)). */
    abuseDetail: Line(1000).optional(),
    /** s.23(1)(a): not to contact the person protected. */
    noContact: z.boolean(),
    /** s.23(1)(b): not to come within a distance of any premises in England or Wales where the person lives. */
    keepAway: z
      .object({
        metres: Metres,
        /**
         * The premises named on the notice, if any. Left out unless the recipient already knows it (they live
         * there too): the notice is handed to the recipient, and naming where the person protected lives
         * could tell the recipient where to find them.
         */
        address: Line(300).optional(),
      })
      .optional(),
    /** s.23(2): only where the recipient lives in premises the person protected also lives in. */
    sharedPremises: z
      .object({
        address: Line(300),
        noEvictionOrExclusion: z.boolean(),
        noEntry: z.boolean(),
        mustLeave: z.boolean(),
      })
      .optional(),
    authorisedBy: Officer.extend({ rank: inspectorOrAbove }),
    authorisedAt: Instant,
    court: Line(200),
    service: NoticeService.optional(),
  })
  .refine(
    (input) =>
      !input.sharedPremises ||
      input.sharedPremises.noEvictionOrExclusion ||
      input.sharedPremises.noEntry ||
      input.sharedPremises.mustLeave,
    {
      path: ['sharedPremises'],
      message: 'Name at least one provision about the shared premises, or leave shared premises out.',
    },
  );
export type DapnNoticeInput = z.infer<typeof DapnNoticeInput>;

// ----- Clare's Law disclosure record (DVDS guidance; DOMAIN.md §2) -----

export const ClaresLawDisclosureRecordInput = z
  .object({
    applicationReference: Line(40),
    route: z.enum(['right-to-ask', 'right-to-know']),
    forumDecision: z.object({
      forum: Line(120),
      decisionReference: Line(60),
      decidedAt: Instant,
      /** What the forum authorised to be disclosed, to whom and how. */
      authorised: Line(4000),
    }),
    subject: z.object({ fullName: Name, dateOfBirth: CalendarDate.optional() }),
    recipient: z.object({
      fullName: Name,
      role: z.enum(['applicant', 'potential-victim', 'third-party']),
      relationship: Line(200),
    }),
    disclosedBy: Officer,
    accompaniedBy: Officer.optional(),
    disclosedAt: Instant,
    place: Line(300),
    /** The words disclosed, exactly as said: line breaks kept, never trimmed inside. */
    verbatimDisclosure: z.string().min(1).max(30_000),
    undertaking: z.discriminatedUnion('status', [
      z.object({ status: z.literal('signed') }),
      z.object({
        status: z.literal('refused'),
        outcome: z.enum(['disclosure-went-ahead', 'disclosure-not-made']),
        rationale: Line(2000),
      }),
    ]),
    informationPack: z.object({ given: z.boolean(), reasonNotGiven: Line(500).optional() }),
  })
  .refine((input) => input.informationPack.given || input.informationPack.reasonNotGiven !== undefined, {
    path: ['informationPack', 'reasonNotGiven'],
    message: 'Say why the information pack was not given.',
  });
export type ClaresLawDisclosureRecordInput = z.infer<typeof ClaresLawDisclosureRecordInput>;

// ----- DVPO application pack (CSA 2010 ss.27-28) -----

export const DvpoApplicationPackInput = z.object({
  caseReference: Line(40),
  court: Line(200),
  applicant: Officer,
  respondent: z.object({ fullName: Name, dateOfBirth: CalendarDate, address: Line(300) }),
  protectedPerson: z.object({ fullName: Name }),
  dvpn: z.object({
    documentReference: DocumentId.optional(),
    authorisedBy: Officer,
    authorisedAt: Instant,
    servedAt: Instant,
    servedBy: Officer,
  }),
  hearingLatestBy: Instant,
  grounds: Line(8000),
  provisionsSought: z.array(Line(1000)).min(1).max(20),
  /** CSA 2010 s.28(10): at least 14 and at most 28 days. */
  durationDays: z.number().int().min(14).max(28),
  considerations: z.object({
    childWelfare: Line(3000),
    protectedPersonOpinion: Line(3000),
    respondentRepresentations: Line(3000),
  }),
  evidence: z.array(z.object({ exhibit: Line(40), description: Line(500) })).max(60),
});
export type DvpoApplicationPackInput = z.infer<typeof DvpoApplicationPackInput>;

// ----- DAPO application pack (Domestic Abuse Act 2021 ss.28-29, 32-38) -----

export const DapoApplicationPackInput = z.object({
  caseReference: Line(40),
  court: Line(200),
  /** The constable presenting the application the chief officer of police must make (s.28(3)). */
  applicant: Officer,
  respondent: z.object({ fullName: Name, dateOfBirth: CalendarDate, address: Line(300) }),
  protectedPerson: z.object({ fullName: Name }),
  dapn: z.object({
    documentReference: DocumentId.optional(),
    authorisedBy: Officer,
    authorisedAt: Instant,
    servedAt: Instant,
    servedBy: Officer,
  }),
  hearingLatestBy: Instant,
  grounds: Line(8000),
  requirementsSought: z.array(Line(1000)).min(1).max(20),
  /** s.38(3): a number of days, or null for an order until further order; the Act sets no maximum. */
  durationDays: z.number().int().min(1).max(36_500).nullable(),
  considerations: z.object({
    childWelfare: Line(3000),
    protectedPersonOpinion: Line(3000),
    respondentRepresentations: Line(3000),
  }),
  evidence: z.array(z.object({ exhibit: Line(40), description: Line(500) })).max(60),
});
export type DapoApplicationPackInput = z.infer<typeof DapoApplicationPackInput>;

// ----- Restricted-case access report (DOMAIN.md §4; DPA 2018 s.62) -----

export const RestrictedCaseAccessReportInput = z.object({
  caseReference: Line(40),
  period: z.object({ from: Instant, to: Instant }),
  preparedFor: Line(200),
  /** Whether the audit chain of the case was walked and found intact when the report was made. */
  auditChainIntact: z.boolean(),
  entries: z
    .array(
      z.object({
        at: Instant,
        collarNumber: CollarNumber,
        rank: z.union([Rank, StaffGrade]),
        department: Department,
        action: Line(120),
        reason: Line(500),
        outcome: z.enum(['allowed', 'denied']),
      }),
    )
    .max(5000),
});
export type RestrictedCaseAccessReportInput = z.infer<typeof RestrictedCaseAccessReportInput>;

/** Each document type's template input. */
export const templateInputs = {
  'dvpn-notice': DvpnNoticeInput,
  'clares-law-disclosure-record': ClaresLawDisclosureRecordInput,
  'dvpo-application-pack': DvpoApplicationPackInput,
  'restricted-case-access-report': RestrictedCaseAccessReportInput,
  'dapn-notice': DapnNoticeInput,
  'dapo-application-pack': DapoApplicationPackInput,
} as const satisfies Record<DocumentType, z.ZodType>;

export type TemplateInput<Type extends DocumentType> = z.infer<(typeof templateInputs)[Type]>;

// ----- Messages -----

/** A queue owned by the requesting service, by name (the documents service resolves it to a URL). */
export const QueueName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/);

const requestCommon = {
  /** The requester's idempotency key: the same request id always yields the same document and reply. */
  requestId: z.string().min(1).max(100),
  requestingService: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/),
  caseId: z.string().min(1).max(100),
  replyTo: QueueName,
};

export const DocumentRequestData = z.discriminatedUnion('documentType', [
  z.object({ ...requestCommon, documentType: z.literal('dvpn-notice'), templateData: DvpnNoticeInput }),
  z.object({
    ...requestCommon,
    documentType: z.literal('clares-law-disclosure-record'),
    templateData: ClaresLawDisclosureRecordInput,
  }),
  z.object({
    ...requestCommon,
    documentType: z.literal('dvpo-application-pack'),
    templateData: DvpoApplicationPackInput,
  }),
  z.object({
    ...requestCommon,
    documentType: z.literal('restricted-case-access-report'),
    templateData: RestrictedCaseAccessReportInput,
  }),
  z.object({ ...requestCommon, documentType: z.literal('dapn-notice'), templateData: DapnNoticeInput }),
  z.object({
    ...requestCommon,
    documentType: z.literal('dapo-application-pack'),
    templateData: DapoApplicationPackInput,
  }),
]);
export type DocumentRequestData = z.infer<typeof DocumentRequestData>;

export const DocumentRequested = envelopeOf('document-requested', 1, DocumentRequestData);
export type DocumentRequested = z.infer<typeof DocumentRequested>;

/**
 * The addressing part of a request, read before the template data is checked, so that a request whose
 * data is wrong can still be answered with `document-failed`.
 */
export const DocumentRequestHeader = envelopeOf(
  'document-requested',
  1,
  z.object({ ...requestCommon, documentType: z.string().min(1).max(60), templateData: z.unknown() }),
);
export type DocumentRequestHeader = z.infer<typeof DocumentRequestHeader>;

export const DocumentReadyData = z.object({
  requestId: z.string().min(1).max(100),
  caseId: z.string().min(1).max(100),
  documentId: DocumentId,
  documentType: DocumentType,
  pageCount: z.number().int().positive(),
  byteLength: z.number().int().positive(),
  /** SHA-256 of the signed file, lower-case hex. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** SHA-256 fingerprint of the certificate that signed it. */
  certificateFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: Instant,
  /** Staff route to download it (authorised by the requesting service's policy and audited). */
  downloadPath: z.string().startsWith('/staff/documents/'),
});
export type DocumentReadyData = z.infer<typeof DocumentReadyData>;

export const DocumentReady = envelopeOf('document-ready', 1, DocumentReadyData);
export type DocumentReady = z.infer<typeof DocumentReady>;

export const FieldError = z.object({ path: z.string().max(200), message: z.string().max(300) });
export type FieldError = z.infer<typeof FieldError>;

export const DocumentFailedData = z.object({
  requestId: z.string().min(1).max(100),
  caseId: z.string().min(1).max(100),
  documentType: z.string().min(1).max(60),
  reason: z.enum(['unknown-document-type', 'invalid-template-data', 'unsupported-character']),
  /** Which fields were wrong and why, never the values. */
  fieldErrors: z.array(FieldError).max(100),
});
export type DocumentFailedData = z.infer<typeof DocumentFailedData>;

export const DocumentFailed = envelopeOf('document-failed', 1, DocumentFailedData);
export type DocumentFailed = z.infer<typeof DocumentFailed>;

/** What a requesting service's reply queue receives. */
export const DocumentReply = z.discriminatedUnion('type', [DocumentReady, DocumentFailed]);
export type DocumentReply = z.infer<typeof DocumentReply>;
