import { FormReader, type RawFields } from './form-reader.ts';
import { type RightToAskDetails, RightToAskDetails as RightToAskDetailsSchema } from './model.ts';
import {
  type ConcernKind,
  type ContactMethod,
  type ContactPeriod,
  concernKindLabels,
  concernKinds,
  contactMethodLabels,
  contactMethods,
  contactPeriodLabels,
  contactPeriods,
  relationshipsToPersonAtRisk,
  relationshipToPersonAtRiskLabels,
  subjectRelationshipLabels,
  subjectRelationships,
} from './vocabulary.ts';

/**
 * The right-to-ask application as declared data (APP DVDS "Initial contact"): pages, their questions, when
 * each page applies, and how each is read. The public journey shows one page at a time; the staff form for
 * applications by phone, at a station or through a partner agency shows the same questions on one page.
 * Answers are kept as typed (raw fields) and re-read in full before submission ("check your answers").
 */

export interface Option {
  readonly value: string;
  readonly label: string;
  readonly hint?: string;
  /** Questions revealed when this option is chosen (shown without JavaScript too). */
  readonly conditional?: readonly FieldSpec[];
}

interface FieldBase {
  readonly name: string;
  readonly label: string;
  /** The wording on the staff form, where "you" is the applicant and not the reader. */
  readonly staffLabel?: string;
  readonly hint?: string;
}

export type FieldSpec =
  | (FieldBase & {
      readonly kind: 'text';
      readonly autocomplete?: string;
      readonly inputType?: 'text' | 'email' | 'tel';
      readonly inputmode?: 'numeric';
      readonly width?: 'full' | 'two-thirds' | 'one-half' | '20' | '10' | '4' | '3';
      readonly spellcheck?: boolean;
    })
  | (FieldBase & { readonly kind: 'textarea'; readonly rows?: number; readonly spellcheck?: boolean })
  | (FieldBase & { readonly kind: 'date' })
  | (FieldBase & { readonly kind: 'radios'; readonly inline?: boolean; readonly options: readonly Option[] })
  | (FieldBase & { readonly kind: 'checkboxes'; readonly options: readonly Option[] })
  /** A heading between groups of questions on a long staff form; posts nothing. */
  | (FieldBase & { readonly kind: 'heading' });

export interface JourneyPage {
  readonly id: string;
  readonly title: string;
  readonly staffTitle: string;
  /** Paragraphs shown under the heading. */
  readonly intro?: readonly string[];
  readonly fields: readonly FieldSpec[];
  readonly applies: (answers: RawFields) => boolean;
  /** Reads the page's answers, reporting problems on `reader`; returns its part of the application. */
  readonly read: (reader: FormReader, answers: RawFields, today: string) => Partial<ApplicationParts>;
}

type ApplicationParts = {
  [Key in keyof RightToAskDetails]: RightToAskDetails[Key];
};

const value = (answers: RawFields, name: string): string => {
  const raw = answers[name];
  return typeof raw === 'string' ? raw : (raw?.[0] ?? '');
};

const askingForSomeoneElse = (answers: RawFields): boolean => value(answers, 'forWhom') === 'someone-else';

const options = <T extends string>(
  values: readonly T[],
  labels: Readonly<Record<T, string>>,
  conditional: Partial<Record<T, readonly FieldSpec[]>> = {},
): Option[] =>
  values.map((v) => ({
    value: v,
    label: labels[v],
    ...(conditional[v] ? { conditional: conditional[v] } : {}),
  }));

const yesNoOptions = (yesConditional?: readonly FieldSpec[]): Option[] => [
  { value: 'yes', label: 'Yes', ...(yesConditional ? { conditional: yesConditional } : {}) },
  { value: 'no', label: 'No' },
];

/** The emergency screen comes before anything is stored (issue: "in danger now → stop page; nothing stored"). */
export const emergencyPage: JourneyPage = {
  id: 'in-danger',
  title: 'Are you in danger now?',
  staffTitle: 'Is anyone in danger now?',
  fields: [
    {
      kind: 'radios',
      name: 'inDanger',
      label: 'Are you in danger now?',
      hint: 'For example, is someone threatening you or trying to get to you right now?',
      inline: true,
      options: yesNoOptions(),
    },
  ],
  applies: () => true,
  read: (reader) => {
    reader.yesNo('inDanger', 'Select yes if you are in danger now');
    return {};
  },
};

export const applicationPages: readonly JourneyPage[] = [
  {
    id: 'who-is-at-risk',
    title: 'Who are you worried about?',
    staffTitle: 'Who the applicant is worried about',
    fields: [
      {
        kind: 'radios',
        name: 'forWhom',
        label: 'Who are you worried about?',
        staffLabel: 'Who is the applicant worried about?',
        options: [
          { value: 'myself', label: 'Myself', hint: 'You are worried about your own partner or ex-partner' },
          {
            value: 'someone-else',
            label: 'Someone I know',
            hint: 'For example a friend or family member you are worried about',
          },
        ],
      },
    ],
    applies: () => true,
    read: (reader) => {
      const forWhom = reader.choice(
        'forWhom',
        ['myself', 'someone-else'] as const,
        'Select who you are worried about',
      );
      return forWhom === undefined ? {} : { applicantIsPersonAtRisk: forWhom === 'myself' };
    },
  },
  {
    id: 'relationship',
    title: 'How do you know the person you are worried about?',
    staffTitle: 'How the applicant knows the person at risk',
    fields: [
      {
        kind: 'radios',
        name: 'relationshipToPersonAtRisk',
        label: 'How do you know the person you are worried about?',
        staffLabel: 'How does the applicant know the person at risk?',
        options: options(relationshipsToPersonAtRisk, relationshipToPersonAtRiskLabels),
      },
    ],
    applies: askingForSomeoneElse,
    read: (reader) => {
      const relationship = reader.choice(
        'relationshipToPersonAtRisk',
        relationshipsToPersonAtRisk,
        'Select how you know the person you are worried about',
      );
      return relationship ? { relationshipToPersonAtRisk: relationship } : {};
    },
  },
  {
    id: 'your-details',
    title: 'Your details',
    staffTitle: 'The applicant',
    intro: [
      'We need these to check who you are when we meet you. We will not contact the person you are asking about.',
    ],
    fields: [
      {
        kind: 'text',
        name: 'applicantName',
        label: 'Full name',
        hint: 'Write your name as you usually write it, in any alphabet',
        autocomplete: 'name',
        spellcheck: false,
      },
      {
        kind: 'textarea',
        name: 'applicantOtherNames',
        label: 'Other names you have used (optional)',
        staffLabel: 'Other names the applicant has used (optional)',
        hint: 'For example a previous surname. Put each name on its own line.',
        rows: 2,
        spellcheck: false,
      },
      { kind: 'date', name: 'applicantDob', label: 'Date of birth', hint: 'For example, 27 3 1990' },
      {
        kind: 'textarea',
        name: 'applicantAddress',
        label: 'Address',
        hint: 'Include the postcode',
        rows: 3,
      },
    ],
    applies: () => true,
    read: (reader, _answers, today) => {
      const fullName = reader.text('applicantName', {
        label: 'Full name',
        max: 120,
        required: 'Enter your full name',
      });
      const otherNames = reader.lines('applicantOtherNames', {
        label: 'Other names',
        maxLines: 10,
        maxLength: 120,
      });
      const dateOfBirth = reader.date('applicantDob', {
        label: 'Date of birth',
        required: 'Enter your date of birth',
        today,
        pastOnly: true,
      });
      const address = reader.text('applicantAddress', {
        label: 'Address',
        max: 500,
        required: 'Enter your address',
      });
      return fullName && dateOfBirth && address
        ? { applicant: { fullName, otherNames, dateOfBirth, address } }
        : {};
    },
  },
  {
    id: 'person-at-risk',
    title: 'The person you are worried about',
    staffTitle: 'The person at risk',
    fields: [
      {
        kind: 'text',
        name: 'personAtRiskName',
        label: 'Full name',
        hint: 'Write their name as they write it, in any alphabet',
        spellcheck: false,
      },
      {
        kind: 'date',
        name: 'personAtRiskDob',
        label: 'Date of birth (optional)',
        hint: 'For example, 27 3 1990',
      },
      {
        kind: 'text',
        name: 'personAtRiskAge',
        label: 'Approximate age, if you do not know their date of birth (optional)',
        inputmode: 'numeric',
        width: '3',
      },
      { kind: 'textarea', name: 'personAtRiskAddress', label: 'Address, if you know it (optional)', rows: 3 },
    ],
    applies: askingForSomeoneElse,
    read: (reader, _answers, today) => {
      const fullName = reader.text('personAtRiskName', {
        label: 'Full name',
        max: 120,
        required: 'Enter the full name of the person you are worried about',
      });
      const dateOfBirth = reader.date('personAtRiskDob', { label: 'Date of birth', today, pastOnly: true });
      const approximateAge = reader.wholeNumber('personAtRiskAge', {
        label: 'Approximate age',
        min: 16,
        max: 120,
      });
      const address = reader.text('personAtRiskAddress', { label: 'Address', max: 500 });
      return fullName
        ? {
            personAtRisk: {
              fullName,
              ...(dateOfBirth ? { dateOfBirth } : {}),
              ...(approximateAge !== undefined ? { approximateAge } : {}),
              ...(address ? { address } : {}),
            },
          }
        : {};
    },
  },
  {
    id: 'children',
    title: 'Are any children affected?',
    staffTitle: 'Children affected',
    fields: [
      {
        kind: 'radios',
        name: 'childrenAffected',
        label: 'Are any children affected?',
        hint: 'For example, children who live with or visit the person at risk or the person you are asking about',
        options: yesNoOptions([
          {
            kind: 'textarea',
            name: 'childrenDetails',
            label: 'If any children are affected, tell us about them',
            hint: 'Their first names, ages, and who they live with',
            rows: 3,
          },
        ]),
      },
    ],
    applies: () => true,
    read: (reader) => {
      const affected = reader.yesNo('childrenAffected', 'Select yes if any children are affected');
      const details = affected
        ? reader.text('childrenDetails', {
            label: 'Details about the children',
            max: 2000,
            required: 'Tell us about the children',
          })
        : undefined;
      if (affected === undefined || (affected && details === undefined)) return {};
      return { children: { affected, ...(details ? { details } : {}) } };
    },
  },
  {
    id: 'subject',
    title: 'The person you are asking about',
    staffTitle: 'The subject (the person asked about)',
    intro: ['We will not tell them you have asked.'],
    fields: [
      {
        kind: 'text',
        name: 'subjectName',
        label: 'Full name',
        hint: 'Write their name as you know it, in any alphabet',
        spellcheck: false,
      },
      {
        kind: 'textarea',
        name: 'subjectAliases',
        label: 'Other names or nicknames they use (optional)',
        hint: 'Put each name on its own line',
        rows: 2,
        spellcheck: false,
      },
      {
        kind: 'date',
        name: 'subjectDob',
        label: 'Date of birth, if you know it',
        hint: 'For example, 27 3 1990',
      },
      {
        kind: 'text',
        name: 'subjectAge',
        label: 'Approximate age, if you do not know their date of birth',
        inputmode: 'numeric',
        width: '3',
      },
    ],
    applies: () => true,
    read: (reader, _answers, today) => {
      const fullName = reader.text('subjectName', {
        label: 'Full name',
        max: 120,
        required: 'Enter the full name of the person you are asking about',
      });
      const aliases = reader.lines('subjectAliases', { label: 'Other names', maxLines: 10, maxLength: 120 });
      const dateOfBirth = reader.date('subjectDob', { label: 'Date of birth', today, pastOnly: true });
      const approximateAge = reader.wholeNumber('subjectAge', {
        label: 'Approximate age',
        min: 16,
        max: 120,
      });
      if (
        dateOfBirth === undefined &&
        approximateAge === undefined &&
        !reader.hasIssue('subjectDob') &&
        !reader.hasIssue('subjectAge')
      ) {
        reader.fail('subjectDob', 'Enter their date of birth or their approximate age', 'subjectDob-day');
      }
      return fullName
        ? {
            subject: {
              fullName,
              aliases,
              ...(dateOfBirth ? { dateOfBirth } : {}),
              ...(approximateAge !== undefined ? { approximateAge } : {}),
              relationshipToPersonAtRisk: 'other',
            },
          }
        : {};
    },
  },
  {
    id: 'about-subject',
    title: 'About the person you are asking about',
    staffTitle: 'About the subject',
    fields: [
      {
        kind: 'radios',
        name: 'subjectRelationship',
        label: 'Who are they to the person at risk?',
        hint: 'If you are asking about your own partner, the person at risk is you',
        options: options(subjectRelationships, subjectRelationshipLabels),
      },
      {
        kind: 'textarea',
        name: 'howYouKnowThem',
        label: 'How do you know them?',
        staffLabel: 'How does the applicant know them?',
        rows: 3,
      },
      {
        kind: 'textarea',
        name: 'subjectAddresses',
        label: 'Addresses you know for them, now or in the past (optional)',
        rows: 3,
      },
      {
        kind: 'textarea',
        name: 'subjectDescription',
        label: 'What do they look like? (optional)',
        hint: 'For example height, build, hair, tattoos or scars. This helps us find the right person.',
        rows: 3,
      },
    ],
    applies: () => true,
    read: (reader) => {
      const relationshipToPersonAtRisk = reader.choice(
        'subjectRelationship',
        subjectRelationships,
        'Select who they are to the person at risk',
      );
      const howApplicantKnowsThem = reader.text('howYouKnowThem', {
        label: 'How you know them',
        max: 1000,
        required: 'Enter how you know them',
      });
      const addresses = reader.text('subjectAddresses', { label: 'Addresses', max: 1000 });
      const description = reader.text('subjectDescription', { label: 'Description', max: 1000 });
      if (!relationshipToPersonAtRisk || !howApplicantKnowsThem) return {};
      return {
        subject: {
          fullName: '',
          aliases: [],
          relationshipToPersonAtRisk,
          howApplicantKnowsThem,
          ...(addresses ? { addresses } : {}),
          ...(description ? { description } : {}),
        },
      };
    },
  },
  {
    id: 'concerns',
    title: 'Why are you asking?',
    staffTitle: 'Why the applicant is asking',
    fields: [
      {
        kind: 'checkboxes',
        name: 'concernKinds',
        label: 'What worries you? Select all that apply.',
        staffLabel: 'What worries the applicant? Select all that apply.',
        options: options(concernKinds, concernKindLabels),
      },
      {
        kind: 'textarea',
        name: 'whyAsking',
        label: 'Tell us why you are asking and what has happened',
        staffLabel: 'Why the applicant is asking and what has happened',
        hint: 'Include anything they have done or said that worries you, and when it happened',
        rows: 6,
      },
    ],
    applies: () => true,
    read: (reader) => {
      const kinds = reader.choices<ConcernKind>('concernKinds', concernKinds, 'Select what worries you');
      const whyAsking = reader.text('whyAsking', {
        label: 'Why you are asking',
        max: 5000,
        required: 'Enter why you are asking',
      });
      return kinds.length > 0 && whyAsking ? { concerns: { kinds, whyAsking } } : {};
    },
  },
  {
    id: 'contact-method',
    title: 'How can we contact you safely?',
    staffTitle: 'Safe means of contact',
    intro: [
      'We will only contact you in the ways you choose here. We will never send you a letter or anything in writing about your application.',
    ],
    fields: [
      {
        kind: 'checkboxes',
        name: 'contactMethods',
        label: 'Which ways are safe for us to contact you? Select all that apply.',
        staffLabel: 'Which ways are safe to contact the applicant? Any way not selected must not be used.',
        hint: 'We will not use any way you do not select',
        options: options(contactMethods, contactMethodLabels, {
          phone: [
            {
              kind: 'text',
              name: 'contactPhone',
              label: 'Phone number',
              inputType: 'tel',
              autocomplete: 'tel',
              width: '20',
            },
          ],
          email: [
            {
              kind: 'text',
              name: 'contactEmail',
              label: 'Email address',
              inputType: 'email',
              autocomplete: 'email',
              spellcheck: false,
            },
          ],
          'in-person': [
            {
              kind: 'text',
              name: 'contactStation',
              label: 'Which police station would you prefer?',
              staffLabel: 'Preferred police station',
            },
          ],
          'support-worker': [
            { kind: 'text', name: 'supportWorkerName', label: 'Support worker’s name', spellcheck: false },
            { kind: 'text', name: 'supportWorkerOrganisation', label: 'Their organisation' },
            {
              kind: 'text',
              name: 'supportWorkerPhone',
              label: 'Their phone number',
              inputType: 'tel',
              width: '20',
            },
          ],
        }),
      },
    ],
    applies: () => true,
    read: (reader) => {
      const methods = reader.choices<ContactMethod>(
        'contactMethods',
        contactMethods,
        'Select at least one safe way for us to contact you',
      );
      const phone = methods.includes('phone')
        ? reader.phone('contactPhone', { required: 'Enter a phone number' })
        : undefined;
      const email = methods.includes('email')
        ? reader.email('contactEmail', { required: 'Enter an email address' })
        : undefined;
      const station = methods.includes('in-person')
        ? reader.text('contactStation', {
            label: 'Police station',
            max: 200,
            required: 'Enter which police station',
          })
        : undefined;
      const worker = methods.includes('support-worker')
        ? {
            name: reader.text('supportWorkerName', {
              label: 'Support worker’s name',
              max: 120,
              required: 'Enter the support worker’s name',
            }),
            organisation: reader.text('supportWorkerOrganisation', {
              label: 'Organisation',
              max: 200,
              required: 'Enter the support worker’s organisation',
            }),
            phone: reader.phone('supportWorkerPhone', {
              required: 'Enter the support worker’s phone number',
              label: 'Support worker’s phone number',
            }),
          }
        : undefined;
      return {
        safeContact: {
          methods,
          ...(phone ? { phone } : {}),
          ...(email ? { email } : {}),
          ...(station ? { station } : {}),
          ...(worker?.name && worker.organisation && worker.phone
            ? { supportWorker: { name: worker.name, organisation: worker.organisation, phone: worker.phone } }
            : {}),
          safeTimes: [],
          unsafeTimes: [],
          mayLeaveMessage: false,
        },
      };
    },
  },
  {
    id: 'contact-times',
    title: 'When is it safe to contact you?',
    staffTitle: 'Safe and unsafe times',
    fields: [
      {
        kind: 'checkboxes',
        name: 'safeTimes',
        label: 'When is it safe for us to contact you? Select all that apply.',
        staffLabel: 'When is it safe to contact the applicant?',
        options: options(contactPeriods, contactPeriodLabels),
      },
      {
        kind: 'checkboxes',
        name: 'unsafeTimes',
        label: 'When must we never contact you? Select all that apply (optional).',
        staffLabel: 'When must the applicant never be contacted? (optional)',
        hint: 'For example, times when the person you are asking about is usually with you',
        options: options(contactPeriods, contactPeriodLabels),
      },
      {
        kind: 'radios',
        name: 'mayLeaveMessage',
        label: 'Can we leave a message or voicemail if you do not answer?',
        staffLabel: 'May a message or voicemail be left?',
        inline: true,
        options: yesNoOptions(),
      },
      {
        kind: 'text',
        name: 'safeWord',
        label: 'Safe word (optional)',
        hint: 'A word you can say if it is not safe to talk, so we know to end the call',
        spellcheck: false,
        width: '20',
      },
      {
        kind: 'textarea',
        name: 'mustNotDo',
        label: 'Is there anything we must not do? (optional)',
        staffLabel: 'Anything the police must not do (optional)',
        hint: 'For example, do not call your work number, or do not come to your home',
        rows: 3,
      },
    ],
    applies: () => true,
    read: (reader) => {
      const safeTimes = reader.choices<ContactPeriod>(
        'safeTimes',
        contactPeriods,
        'Select at least one time when it is safe to contact you',
      );
      const unsafeTimes = reader.choices<ContactPeriod>('unsafeTimes', contactPeriods);
      const clash = safeTimes.filter((period) => unsafeTimes.includes(period));
      if (clash.length > 0) {
        reader.fail('unsafeTimes', 'A time cannot be both safe and never safe: check the times you selected');
      }
      const mayLeaveMessage = reader.yesNo(
        'mayLeaveMessage',
        'Select yes if we can leave a message or voicemail',
      );
      const safeWord = reader.text('safeWord', { label: 'Safe word', max: 100 });
      const mustNotDo = reader.text('mustNotDo', { label: 'What we must not do', max: 2000 });
      return {
        safeContact: {
          methods: [],
          safeTimes,
          unsafeTimes,
          mayLeaveMessage: mayLeaveMessage ?? false,
          ...(safeWord ? { safeWord } : {}),
          ...(mustNotDo ? { mustNotDo } : {}),
        },
      };
    },
  },
  {
    id: 'consent',
    title: 'Sharing your information',
    staffTitle: 'Consent to information sharing',
    intro: [
      'To answer your request we will check police records and may ask other organisations that keep people safe, such as probation, social services or a domestic abuse service, what they know.',
      'We only share what is needed to keep someone safe. We may still share information without your agreement if we need to, to prevent a crime or protect someone, including the person at risk.',
    ],
    fields: [
      {
        kind: 'radios',
        name: 'consentToShare',
        label: 'Do you agree to us sharing your information in this way?',
        staffLabel: 'Does the applicant consent to information sharing?',
        inline: true,
        options: yesNoOptions(),
      },
    ],
    applies: () => true,
    read: (reader) => {
      const consent = reader.yesNo(
        'consentToShare',
        'Select yes if you agree to us sharing your information',
      );
      return consent === undefined ? {} : { consentToShare: consent };
    },
  },
];

export const checkAnswersPageId = 'check-answers';

export const pageById = (id: string): JourneyPage | undefined =>
  id === emergencyPage.id ? emergencyPage : applicationPages.find((page) => page.id === id);

/** Every posted field name a page owns, its conditional questions and date parts included. */
export const fieldNamesOf = (page: JourneyPage): string[] => {
  const names = (field: FieldSpec): string[] => {
    if (field.kind === 'heading') return [];
    const own =
      field.kind === 'date'
        ? [`${field.name}-day`, `${field.name}-month`, `${field.name}-year`]
        : [field.name];
    const nested =
      field.kind === 'radios' || field.kind === 'checkboxes'
        ? field.options.flatMap((option) => (option.conditional ?? []).flatMap(names))
        : [];
    return [...own, ...nested];
  };
  return page.fields.flatMap(names);
};

/** Replaces a page's answers with what was just posted, keeping the other pages' answers. */
export const mergePageAnswers = (answers: RawFields, page: JourneyPage, posted: RawFields): RawFields => {
  const owned = new Set(fieldNamesOf(page));
  const kept = Object.fromEntries(Object.entries(answers).filter(([name]) => !owned.has(name)));
  const fresh = Object.fromEntries(Object.entries(posted).filter(([name]) => owned.has(name)));
  return { ...kept, ...fresh };
};

export const applicablePages = (answers: RawFields): JourneyPage[] =>
  applicationPages.filter((page) => page.applies(answers));

/** Reads one page on its own (the page being posted). */
export const readPage = (page: JourneyPage, answers: RawFields, today: string): void => {
  const reader = new FormReader(answers);
  page.read(reader, answers, today);
  reader.finish(() => undefined);
};

/** The page after `pageId` in this person's journey, or check your answers at the end. */
export const nextPageId = (pageId: string, answers: RawFields): string => {
  if (pageId === emergencyPage.id) return applicationPages[0]?.id ?? checkAnswersPageId;
  const index = applicationPages.findIndex((page) => page.id === pageId);
  const next = applicationPages.slice(index + 1).find((page) => page.applies(answers));
  return next?.id ?? checkAnswersPageId;
};

/** The page before `pageId`, for the back link. */
export const previousPageId = (pageId: string, answers: RawFields): string => {
  if (pageId === checkAnswersPageId) return applicablePages(answers).at(-1)?.id ?? emergencyPage.id;
  const index = applicationPages.findIndex((page) => page.id === pageId);
  const earlier = applicationPages.slice(0, Math.max(index, 0)).filter((page) => page.applies(answers));
  return earlier.at(-1)?.id ?? emergencyPage.id;
};

/** The first applicable page whose answers do not read cleanly: where an incomplete journey resumes. */
export const firstIncompletePageId = (answers: RawFields, today: string): string | undefined =>
  applicablePages(answers).find((page) => {
    const reader = new FormReader(answers);
    page.read(reader, answers, today);
    return reader.issues.length > 0;
  })?.id;

/**
 * Re-reads every applicable page and builds the application, or throws every problem at once. Check your
 * answers and the staff form both end here, so nothing reaches a case that a page would have refused.
 */
export const readApplication = (answers: RawFields, today: string): RightToAskDetails => {
  const reader = new FormReader(answers);
  const parts = applicablePages(answers).map((page) => page.read(reader, answers, today));
  return reader.finish(() => {
    const merged: Partial<ApplicationParts> = {};
    for (const part of parts) {
      const subject =
        part.subject && merged.subject ? mergeDefined(merged.subject, part.subject) : part.subject;
      const safeContact =
        part.safeContact && merged.safeContact
          ? mergeDefined(merged.safeContact, part.safeContact)
          : part.safeContact;
      Object.assign(merged, part, subject ? { subject } : {}, safeContact ? { safeContact } : {});
    }
    if (merged.applicantIsPersonAtRisk) {
      delete merged.personAtRisk;
      delete merged.relationshipToPersonAtRisk;
    }
    return RightToAskDetailsSchema.parse(merged);
  });
};

/** Two pages fill one record (the subject; safe contact): the later page's empty defaults do not overwrite. */
const mergeDefined = <T extends object>(earlier: T, later: T): T => {
  const result: Record<string, unknown> = { ...(earlier as Record<string, unknown>) };
  for (const [key, item] of Object.entries(later)) {
    const emptyDefault = item === '' || (Array.isArray(item) && item.length === 0) || item === false;
    if (!emptyDefault || !(key in result)) result[key] = item;
  }
  return result as T;
};
