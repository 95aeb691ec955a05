import type { DvpoApplicationPackInput, Officer } from '../../../../shared/contracts/documents.ts';
import { formatDate, formatInstant } from '../format.ts';
import type { Block, DocumentModel, Field } from '../layout/model.ts';
import { officerLine } from './wording.ts';

/**
 * The layout an application for a Domestic Violence Protection Order (CSA 2010) and one for a Domestic
 * Abuse Protection Order (DAA 2021) share: the same six sections in the same order. What the law says of
 * each (who applies, the hearing's deadline, the court's test, the declaration) is each pack's own and is
 * passed in (`ApplicationWording`).
 */

/** What both packs' inputs hold alike (shared/contracts/documents.ts). */
interface ProtectionOrderApplicationInput {
  readonly caseReference: string;
  readonly court: string;
  readonly respondent: DvpoApplicationPackInput['respondent'];
  readonly protectedPerson: { readonly fullName: string };
  readonly hearingLatestBy: string;
  readonly grounds: string;
  readonly considerations: DvpoApplicationPackInput['considerations'];
  readonly evidence: DvpoApplicationPackInput['evidence'];
}

/** The notice the application follows, as served. */
interface ServedNotice {
  readonly documentReference?: string | undefined;
  readonly authorisedBy: Officer;
  readonly authorisedAt: string;
  readonly servedAt: string;
  readonly servedBy: Officer;
}

/** The court, who applies (`applicantRows`), the respondent, whom the order would protect, and the case. */
const partiesFields = (input: ProtectionOrderApplicationInput, applicantRows: readonly Field[]): Block => ({
  kind: 'fields',
  rows: [
    { label: 'To', value: input.court },
    ...applicantRows,
    { label: 'Respondent', value: input.respondent.fullName },
    { label: 'Respondent’s date of birth', value: formatDate(input.respondent.dateOfBirth) },
    { label: 'Respondent’s address', value: input.respondent.address },
    { label: 'Person to be protected', value: input.protectedPerson.fullName },
    { label: 'Case reference', value: input.caseReference },
  ],
});

/**
 * Section 1: the notice's authorisation and service, and the latest time the hearing may be held, then
 * `hearingRule`, the Act's rule for that time. `servedAtLabel` names service in the Act's words.
 */
const noticeSection = (
  input: ProtectionOrderApplicationInput,
  notice: ServedNotice,
  servedAtLabel: string,
  hearingRule: string,
): Block[] => [
  { kind: 'heading', text: '1  The notice' },
  {
    kind: 'fields',
    rows: [
      ...(notice.documentReference ? [{ label: 'Notice reference', value: notice.documentReference }] : []),
      { label: 'Authorised by', value: officerLine(notice.authorisedBy) },
      { label: 'Authorised at', value: formatInstant(notice.authorisedAt) },
      { label: servedAtLabel, value: formatInstant(notice.servedAt) },
      { label: 'Served by', value: officerLine(notice.servedBy) },
      { label: 'Hearing no later than', value: formatInstant(input.hearingLatestBy) },
    ],
  },
  { kind: 'paragraph', text: hearingRule, muted: true },
];

/** Section 2: the test the court applies (`courtTest`), then the applicant's grounds. */
const applicationGroundsSection = (courtTest: string, grounds: string): Block[] => [
  { kind: 'heading', text: '2  Grounds' },
  { kind: 'paragraph', text: courtTest, muted: true },
  { kind: 'paragraph', text: grounds },
];

/** Section 4, under the Act's heading: what the court weighs before making the order. */
const considerationsSection = (heading: string, input: ProtectionOrderApplicationInput): Block[] => [
  { kind: 'heading', text: heading },
  {
    kind: 'fields',
    rows: [
      { label: 'Welfare of any child', value: input.considerations.childWelfare },
      {
        label: 'Opinion of the person to be protected',
        value: input.considerations.protectedPersonOpinion,
      },
      {
        label: 'Representations of the respondent',
        value: input.considerations.respondentRepresentations,
      },
    ],
  },
];

/** Section 5: the exhibits put before the court. */
const evidenceSection = (input: ProtectionOrderApplicationInput): Block[] => [
  { kind: 'heading', text: '5  Evidence' },
  {
    kind: 'table',
    columns: [
      { header: 'Exhibit', share: 0.2 },
      { header: 'Description', share: 0.8 },
    ],
    rows: input.evidence.map((item) => [item.exhibit, item.description]),
    emptyText: 'No exhibits are listed with this application.',
  },
];

/** Section 6, the last: the declaration, and lines to sign (`signatureLine`) and date it by hand. */
const declarationSection = (declaration: string, signatureLine: string): Block[] => [
  { kind: 'heading', text: '6  Declaration' },
  { kind: 'paragraph', text: declaration },
  { kind: 'completion', lines: [signatureLine, 'Date'] },
];

/** A pack's own words, put into the shared layout by `protectionOrderApplication`. */
export interface ApplicationWording {
  readonly title: string;
  readonly subtitle: string;
  /** What the PDF's subject calls the pack, before the case reference. */
  readonly subjectLabel: string;
  readonly keywords: readonly string[];
  /** Who applies, as the Act has it: the constable, or the chief officer of police by a constable. */
  readonly applicant: readonly Field[];
  /** Said under the parties, such as why the application must be made. */
  readonly preamble?: string;
  readonly notice: ServedNotice;
  /** What the Act calls service of the notice. */
  readonly servedAtLabel: string;
  /** The Act's rule for the latest time of the hearing. */
  readonly hearingRule: string;
  /** The test the court applies before making the order. */
  readonly courtTest: string;
  /** Section 3: what the order is asked to contain, the Act's rule for it if any, and for how long. */
  readonly sought: {
    readonly heading: string;
    readonly rule?: string;
    readonly items: readonly string[];
    readonly duration: string;
  };
  readonly considerationsHeading: string;
  readonly declaration: string;
  readonly signatureLine: string;
}

const muted = (text: string | undefined): Block[] =>
  text === undefined ? [] : [{ kind: 'paragraph', text, muted: true }];

/** Section 3: what the order is asked to contain, and for how long. */
const soughtSection = (sought: ApplicationWording['sought']): Block[] => [
  { kind: 'heading', text: sought.heading },
  ...muted(sought.rule),
  { kind: 'list', items: sought.items },
  { kind: 'fields', rows: [{ label: 'Duration sought', value: sought.duration }] },
];

/** An application pack: the parties, then sections 1 to 6 in the order both Acts' applications follow. */
export const protectionOrderApplication = (
  input: ProtectionOrderApplicationInput,
  wording: ApplicationWording,
): DocumentModel => ({
  title: wording.title,
  subtitle: wording.subtitle,
  marking: 'OFFICIAL-SENSITIVE',
  subject: `${wording.subjectLabel}, case ${input.caseReference}`,
  keywords: wording.keywords,
  blocks: [
    partiesFields(input, wording.applicant),
    ...muted(wording.preamble),
    ...noticeSection(input, wording.notice, wording.servedAtLabel, wording.hearingRule),
    ...applicationGroundsSection(wording.courtTest, input.grounds),
    ...soughtSection(wording.sought),
    ...considerationsSection(wording.considerationsHeading, input),
    ...evidenceSection(input),
    ...declarationSection(wording.declaration, wording.signatureLine),
  ],
});
