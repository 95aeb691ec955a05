import { londonDateOf } from '../../../shared/calendar/index.ts';
import { InvalidInputError } from './errors.ts';
import { FormReader, type RawFields } from './form-reader.ts';
import { applicationPages, type FieldSpec, type JourneyPage, readApplication } from './journey.ts';
import {
  type RightToAskDetails,
  type RightToKnowDetails,
  RightToKnowDetails as RightToKnowDetailsSchema,
  type SafeContact,
} from './model.ts';
import {
  type ContactChannel,
  contactChannelLabels,
  contactChannels,
  type InformationSource,
  informationSourceLabels,
  informationSources,
} from './vocabulary.ts';

/**
 * The two staff forms that open a case: an application made by phone, at a station or through a partner
 * agency (the same questions as the online journey, on one page), and right-to-know information received.
 */

export interface FormSection {
  readonly id: string;
  readonly title: string;
  readonly intro?: readonly string[];
  readonly fields: readonly FieldSpec[];
}

const whenFields = (prefix: string, label: string): FieldSpec[] => [
  { kind: 'date', name: prefix, label: `${label}: date`, hint: 'For example, 27 3 2026' },
  {
    kind: 'text',
    name: `${prefix}Time`,
    label: `${label}: time`,
    hint: 'For example, 14:30 or 2:30pm',
    width: '4',
  },
];

const sectionOf = (page: JourneyPage): FormSection => ({
  id: page.id,
  title: page.staffTitle,
  fields: page.fields.map((field) => ({ ...field, label: field.staffLabel ?? field.label })),
});

export const initialContactSections: readonly FormSection[] = [
  {
    id: 'initial-contact',
    title: 'Initial contact',
    fields: [
      {
        kind: 'radios',
        name: 'channel',
        label: 'How did the request reach us?',
        options: contactChannels
          .filter((channel) => channel !== 'online')
          .map((channel) => ({
            value: channel,
            label: contactChannelLabels[channel],
            ...(channel === 'partner-agency'
              ? {
                  conditional: [
                    {
                      kind: 'text',
                      name: 'partnerAgency',
                      label: 'If through a partner agency: which agency?',
                    } satisfies FieldSpec,
                  ],
                }
              : {}),
          })),
      },
      ...whenFields('contactAt', 'When the initial contact was made'),
    ],
  },
  ...applicationPages.map(sectionOf),
];

export interface InitialContactForm {
  readonly channel: Exclude<ContactChannel, 'online'>;
  readonly partnerAgency?: string;
  readonly startedAt: Date;
  readonly details: RightToAskDetails;
}

/** Reads the staff initial-contact form: every question of the online journey, checked the same way. */
export const readInitialContactForm = (fields: RawFields, now: Date): InitialContactForm => {
  const reader = new FormReader(fields);
  const channel = reader.choice(
    'channel',
    ['phone', 'station', 'partner-agency'] as const,
    'Select how the request reached us',
  );
  const partnerAgency =
    channel === 'partner-agency'
      ? reader.text('partnerAgency', { label: 'Agency', max: 200, required: 'Enter which partner agency' })
      : undefined;
  const startedAt = reader.instant('contactAt', 'contactAtTime', {
    label: 'When the initial contact was made',
    now,
    notAfterNow: true,
  });
  let details: RightToAskDetails | undefined;
  try {
    details = readApplication(fields, londonDateOf(now));
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    for (const issue of error.issues) reader.fail(issue.field, issue.message, issue.anchor);
  }
  return reader.finish(() => {
    if (!channel || !startedAt || !details) throw new Error('unreachable: the reader recorded no issue');
    return { channel, ...(partnerAgency ? { partnerAgency } : {}), startedAt, details };
  });
};

const personAtRiskPage = applicationPages.find((page) => page.id === 'person-at-risk');
const childrenPage = applicationPages.find((page) => page.id === 'children');
const contactPages = applicationPages.filter(
  (page) => page.id === 'contact-method' || page.id === 'contact-times',
);

const subjectFields: FieldSpec[] = [
  { kind: 'text', name: 'subjectName', label: 'Full name', spellcheck: false },
  {
    kind: 'textarea',
    name: 'subjectAliases',
    label: 'Other names or nicknames (optional)',
    hint: 'Put each name on its own line',
    rows: 2,
    spellcheck: false,
  },
  { kind: 'date', name: 'subjectDob', label: 'Date of birth, if known', hint: 'For example, 27 3 1990' },
  {
    kind: 'text',
    name: 'subjectAge',
    label: 'Approximate age, if the date of birth is not known',
    inputmode: 'numeric',
    width: '3',
  },
  ...(applicationPages
    .find((page) => page.id === 'about-subject')
    ?.fields.filter((field) => field.name !== 'howYouKnowThem') ?? []),
];

export const rightToKnowSections: readonly FormSection[] = [
  {
    id: 'information',
    title: 'The information received',
    fields: [
      {
        kind: 'radios',
        name: 'source',
        label: 'Where did the information come from?',
        options: informationSources.map((source) => ({
          value: source,
          label: informationSourceLabels[source],
        })),
      },
      {
        kind: 'text',
        name: 'sourceDetails',
        label: 'Source details (optional)',
        hint: 'For example, the agency or the crime reference',
      },
      ...whenFields('receivedAt', 'When the information was received'),
      {
        kind: 'textarea',
        name: 'summary',
        label: 'Summary of the information',
        hint: 'Why the potential victim may be at risk of harm from the subject',
        rows: 6,
      },
    ],
  },
  {
    id: 'person-at-risk',
    title: 'The potential victim',
    fields: (personAtRiskPage?.fields ?? []).map((field) => ({
      ...field,
      label: field.staffLabel ?? field.label,
    })),
  },
  ...(childrenPage ? [sectionOf(childrenPage)] : []),
  { id: 'subject', title: 'The subject', fields: subjectFields },
  {
    id: 'safe-contact',
    title: 'Safe contact with the potential victim',
    fields: [
      {
        kind: 'radios',
        name: 'safeContactKnown',
        label: 'Is a safe way of contacting the potential victim known?',
        hint: 'If not, no contact can be logged until one is agreed',
        inline: true,
        options: [
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ],
      },
      ...contactPages.flatMap((page) =>
        page.fields.map((field) => ({ ...field, label: field.staffLabel ?? field.label })),
      ),
    ],
  },
];

export interface RightToKnowForm {
  readonly receivedAt: Date;
  readonly details: RightToKnowDetails;
}

export const readRightToKnowForm = (fields: RawFields, now: Date): RightToKnowForm => {
  const today = londonDateOf(now);
  const reader = new FormReader(fields);
  const source = reader.choice<InformationSource>(
    'source',
    informationSources,
    'Select where the information came from',
  );
  const sourceDetails = reader.text('sourceDetails', { label: 'Source details', max: 500 });
  const receivedAt = reader.instant('receivedAt', 'receivedAtTime', {
    label: 'When the information was received',
    now,
    notAfterNow: true,
  });
  const summary = reader.text('summary', {
    label: 'Summary',
    max: 5000,
    required: 'Enter a summary of the information',
  });
  const parts = [personAtRiskPage, childrenPage]
    .filter((page): page is JourneyPage => page !== undefined)
    .map((page) => page.read(reader, fields, today));
  const subjectName = reader.text('subjectName', {
    label: 'Full name',
    max: 120,
    required: "Enter the subject's full name",
  });
  const aliases = reader.lines('subjectAliases', { label: 'Other names', maxLines: 10, maxLength: 120 });
  const subjectDob = reader.date('subjectDob', { label: 'Date of birth', today, pastOnly: true });
  const subjectAge = reader.wholeNumber('subjectAge', { label: 'Approximate age', min: 16, max: 120 });
  if (
    subjectDob === undefined &&
    subjectAge === undefined &&
    !reader.hasIssue('subjectDob') &&
    !reader.hasIssue('subjectAge')
  ) {
    reader.fail('subjectDob', "Enter the subject's date of birth or approximate age", 'subjectDob-day');
  }
  const relationship = reader.choice(
    'subjectRelationship',
    ['partner', 'ex-partner', 'new-relationship', 'other'] as const,
    'Select who the subject is to the potential victim',
  );
  const addresses = reader.text('subjectAddresses', { label: 'Addresses', max: 1000 });
  const description = reader.text('subjectDescription', { label: 'Description', max: 1000 });
  const known = reader.yesNo(
    'safeContactKnown',
    'Select yes if a safe way of contacting the potential victim is known',
  );
  const contactParts = known ? contactPages.map((page) => page.read(reader, fields, today)) : [];
  return reader.finish(() => {
    const merged = Object.assign({}, ...parts) as Partial<RightToKnowDetails>;
    const [methods, times] = contactParts;
    const safeContact: SafeContact | undefined =
      methods?.safeContact && times?.safeContact
        ? {
            ...times.safeContact,
            ...methods.safeContact,
            safeTimes: times.safeContact.safeTimes,
            unsafeTimes: times.safeContact.unsafeTimes,
            mayLeaveMessage: times.safeContact.mayLeaveMessage,
          }
        : undefined;
    const details = RightToKnowDetailsSchema.parse({
      source,
      ...(sourceDetails ? { sourceDetails } : {}),
      summary,
      personAtRisk: merged.personAtRisk,
      children: merged.children,
      subject: {
        fullName: subjectName,
        aliases,
        ...(subjectDob ? { dateOfBirth: subjectDob } : {}),
        ...(subjectAge !== undefined ? { approximateAge: subjectAge } : {}),
        relationshipToPersonAtRisk: relationship,
        ...(addresses ? { addresses } : {}),
        ...(description ? { description } : {}),
      },
      ...(safeContact ? { safeContact } : {}),
    });
    if (!receivedAt) throw new Error('unreachable: the reader recorded no issue');
    return { receivedAt, details };
  });
};
