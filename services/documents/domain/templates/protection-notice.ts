import type { DvpnNoticeInput, Officer } from '../../../../shared/contracts/documents.ts';
import { formatDate, formatInstant } from '../format.ts';
import type { Block, DocumentModel } from '../layout/model.ts';
import { officerLine } from './wording.ts';

/**
 * The layout a Domestic Violence Protection Notice (CSA 2010) and a Domestic Abuse Protection Notice
 * (DAA 2021) share: the same eight sections in the same order. The statutory sentences are each notice's
 * own and are passed in (`ProtectionNoticeWording`), so nothing here words the law.
 */

type NoticeService = NonNullable<DvpnNoticeInput['service']>;

/** What both notices' inputs hold alike (shared/contracts/documents.ts). */
interface ProtectionNoticeInput {
  readonly caseReference: string;
  readonly recipient: { readonly fullName: string; readonly dateOfBirth: string; readonly address: string };
  readonly protectedPerson: { readonly fullName: string };
  readonly grounds: string;
  readonly authorisedBy: Officer;
  readonly authorisedAt: string;
  readonly court: string;
  readonly service?: NoticeService | undefined;
}

/** Who the notice is to, whom it protects, and the case. */
const recipientFields = (input: ProtectionNoticeInput): Block => ({
  kind: 'fields',
  rows: [
    { label: 'To', value: input.recipient.fullName },
    { label: 'Date of birth', value: formatDate(input.recipient.dateOfBirth) },
    { label: 'Address', value: input.recipient.address },
    { label: 'Person protected', value: input.protectedPerson.fullName },
    { label: 'Case reference', value: input.caseReference },
  ],
});

/** Section 1: the statutory grounds, then the authorising officer's own. */
const groundsSection = (heading: string, statutoryGrounds: string, grounds: string): Block[] => [
  { kind: 'heading', text: heading },
  { kind: 'paragraph', text: statutoryGrounds },
  { kind: 'paragraph', text: 'The grounds are:', bold: true },
  { kind: 'paragraph', text: grounds },
];

export interface Prohibition {
  /** The prohibition every notice of its kind contains, in the Act's words. */
  readonly statement: string;
  /** Particular behaviour the prohibition names, if any. */
  readonly detail: string | undefined;
  /** What the prohibition covers, in plain words. */
  readonly explanation: string;
  /** What else the notice requires (premises, contact), under its lead line; left out when there is none. */
  readonly conditionsLead: string;
  readonly conditions: readonly string[];
}

/** Section 2: what the recipient must not do. */
const prohibitionSection = (prohibition: Prohibition): Block[] => [
  { kind: 'heading', text: '2  What you must not do' },
  { kind: 'paragraph', text: prohibition.statement, bold: true },
  ...(prohibition.detail
    ? [{ kind: 'paragraph' as const, text: `In particular: ${prohibition.detail}` }]
    : []),
  { kind: 'paragraph', text: prohibition.explanation, muted: true },
  ...(prohibition.conditions.length > 0
    ? [
        { kind: 'paragraph' as const, text: prohibition.conditionsLead, bold: true },
        { kind: 'list' as const, items: prohibition.conditions },
      ]
    : []),
];

/** Section 3 opens with the power of arrest, boxed so it cannot be missed. */
const breachSection = (arrest: string): Block[] => [
  { kind: 'heading', text: '3  If you break this notice' },
  { kind: 'callout', title: 'Power of arrest', text: arrest },
];

/** Section 4: the hearing the notice leads to, the court, and (once served) the latest time it may be held. */
const hearingSection = (
  input: ProtectionNoticeInput,
  statute: { readonly hearing: string; readonly addressForHearing: string },
): Block[] => [
  { kind: 'heading', text: '4  The court hearing' },
  { kind: 'paragraph', text: statute.hearing },
  {
    kind: 'fields',
    rows: [
      { label: 'Court', value: input.court },
      ...(input.service
        ? [{ label: 'Hearing no later than', value: formatInstant(input.service.hearingLatestBy) }]
        : []),
    ],
  },
  { kind: 'paragraph', text: statute.addressForHearing },
  {
    kind: 'paragraph',
    text: 'You may go to the hearing and tell the court your side. You may wish to get legal advice before it. If you do not understand this notice, ask the officer serving it to explain it; if you need an interpreter, ask for one.',
  },
];

/** Section 5: how long the notice lasts. */
const durationSection = (duration: string): Block[] => [
  { kind: 'heading', text: '5  How long this notice lasts' },
  { kind: 'paragraph', text: duration, bold: true },
];

/** Section 7: who authorised the notice, and when. */
const authorisationSection = (input: ProtectionNoticeInput): Block[] => [
  { kind: 'heading', text: '7  Authorisation' },
  {
    kind: 'fields',
    rows: [
      { label: 'Authorised by', value: officerLine(input.authorisedBy) },
      { label: 'Authorised at', value: formatInstant(input.authorisedAt) },
    ],
  },
];

/** The service as recorded, or lines for the serving constable to complete by hand on a notice printed before it. */
const serviceRecord = (service: NoticeService | undefined, hearingDeadlineLine: string): Block[] =>
  service
    ? [
        {
          kind: 'fields',
          rows: [
            { label: 'Served at', value: formatInstant(service.servedAt) },
            { label: 'Served by', value: officerLine(service.servedBy) },
            { label: 'Place of service', value: service.place },
            { label: 'Hearing notice address', value: service.addressForHearingNotice ?? 'None given' },
          ],
        },
      ]
    : [
        { kind: 'paragraph', text: 'To be completed by the constable serving this notice.', muted: true },
        {
          kind: 'completion',
          lines: [
            'Date and time of service',
            'Place of service',
            'Served by (rank, name and collar number)',
            'Address given by the recipient for notice of the hearing',
            hearingDeadlineLine,
            'Signature of the serving constable',
          ],
        },
      ];

/**
 * Section 8, the last: personal service and its record, then where the recipient can get advice about
 * their own behaviour. `hearingDeadlineLine` is the completion line for the hearing's latest time, in the
 * words of the notice's own Act.
 */
const serviceSection = (
  input: ProtectionNoticeInput,
  personalService: string,
  hearingDeadlineLine: string,
): Block[] => [
  { kind: 'heading', text: '8  Service' },
  { kind: 'paragraph', text: personalService },
  ...serviceRecord(input.service, hearingDeadlineLine),
  {
    kind: 'paragraph',
    text: 'If you are worried about your own behaviour towards a partner or family member, the Respect Phoneline (0808 802 4040) gives confidential advice.',
    muted: true,
  },
];

/** The sentences every protection notice states, whatever its Act: each notice's statutory statements. */
export interface NoticeStatute {
  readonly issuedUnder: string;
  readonly grounds: string;
  readonly arrest: string;
  readonly hearing: string;
  readonly addressForHearing: string;
  readonly duration: string;
  readonly personalService: string;
}

/** A notice's own words, put into the shared layout by `protectionNotice`. */
export interface ProtectionNoticeWording {
  readonly title: string;
  readonly subtitle: string;
  readonly keywords: readonly string[];
  readonly statute: NoticeStatute;
  /** Section 1's heading, in the Act's verb (a DVPN is issued, a DAPN given). */
  readonly groundsHeading: string;
  readonly prohibition: Prohibition;
  /** Said after the prohibitions, such as where the notice has effect. */
  readonly afterProhibition?: readonly string[];
  /** Said after the power of arrest, such as what follows an arrest. */
  readonly afterArrest?: readonly string[];
  /** Section 6: what the order the notice leads to may contain. */
  readonly orderHeading: string;
  readonly orderContents: readonly string[];
  /** The completion line for the hearing's latest time, on a notice printed before service. */
  readonly hearingDeadlineLine: string;
}

const paragraphs = (texts: readonly string[] = []): Block[] =>
  texts.map((text) => ({ kind: 'paragraph', text }));

/** A protection notice: the recipient, then sections 1 to 8 in the order both Acts' notices follow. */
export const protectionNotice = (
  input: ProtectionNoticeInput,
  wording: ProtectionNoticeWording,
): DocumentModel => ({
  title: wording.title,
  subtitle: wording.subtitle,
  marking: 'OFFICIAL-SENSITIVE',
  subject: `${wording.title}, case ${input.caseReference}`,
  keywords: wording.keywords,
  blocks: [
    recipientFields(input),
    { kind: 'paragraph', text: wording.statute.issuedUnder },
    ...groundsSection(wording.groundsHeading, wording.statute.grounds, input.grounds),
    ...prohibitionSection(wording.prohibition),
    ...paragraphs(wording.afterProhibition),
    ...breachSection(wording.statute.arrest),
    ...paragraphs(wording.afterArrest),
    ...hearingSection(input, wording.statute),
    ...durationSection(wording.statute.duration),
    { kind: 'heading', text: wording.orderHeading },
    ...paragraphs(wording.orderContents),
    ...authorisationSection(input),
    ...serviceSection(input, wording.statute.personalService, wording.hearingDeadlineLine),
  ],
});
