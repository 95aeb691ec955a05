import { categories, categoryIdsRoutedTo } from '../categories.ts';
import {
  ageBandLabels,
  ageBands,
  contactMethodLabels,
  contactMethods,
  relationshipHints,
  relationshipLabels,
  relationships,
} from '../vocabulary.ts';
import type { Field, Option } from './fields.ts';

/**
 * The public journey as declared data (DEFRA forms-engine style): pages, the fields on each, and the
 * rules that pick the next page. The first rule whose condition holds wins; the last has none.
 */

export type Condition =
  | { readonly field: string; readonly equals: string }
  | { readonly field: string; readonly oneOf: readonly string[] }
  | { readonly field: string; readonly isBlank: true };

/**
 * Where a journey can end without a report: the emergency stop page and the diversions. Reaching one
 * stores nothing and throws away what was kept so far.
 */
export const exitIds = ['stop-emergency', 'call-999', 'call-101'] as const;
export type ExitId = (typeof exitIds)[number];

export const checkAnswersStep = 'check-your-answers';
export type CheckAnswersStep = typeof checkAnswersStep;

export type Step = string;

export interface NextRule {
  readonly when?: Condition;
  readonly goTo: Step;
}

export const sections = ['emergency', 'what', 'suspect', 'you', 'contact'] as const;
export type Section = (typeof sections)[number];

export const sectionTitles: Readonly<Record<Section, string>> = {
  emergency: 'Is it an emergency',
  what: 'What happened',
  suspect: 'The person involved',
  you: 'About you',
  contact: 'How we can contact you safely',
};

export interface Page {
  /** Also the page's address: `/report/<id>`. */
  readonly id: string;
  readonly section: Section;
  /** The question, used as the page heading and title (never an answer). */
  readonly title: string;
  readonly hint?: string;
  readonly fields: readonly Field[];
  readonly next: readonly NextRule[];
  /** An emergency question: answering yes must always reach the stop page, even for a rate-limited client. */
  readonly emergency?: boolean;
}

const yesNoOptions: readonly Option[] = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

const emergencyQuestion = (
  id: string,
  title: string,
  field: string,
  errorRequired: string,
  next: Step,
  hint?: string,
): Page => ({
  id,
  section: 'emergency',
  title,
  ...(hint ? { hint } : {}),
  emergency: true,
  fields: [
    {
      kind: 'radios',
      name: field,
      label: title,
      required: true,
      options: yesNoOptions,
      errorRequired,
      inline: true,
    },
  ],
  next: [{ when: { field, equals: 'yes' }, goTo: 'stop-emergency' }, { goTo: next }],
});

export const pages: readonly Page[] = [
  emergencyQuestion(
    'in-danger',
    'Is anyone in danger right now?',
    'inDanger',
    'Select yes if anyone is in danger right now',
    'happening-now',
    'Including you, a child or anyone else',
  ),
  emergencyQuestion(
    'happening-now',
    'Is it happening now?',
    'happeningNow',
    'Select yes if it is happening now',
    'suspect-present',
  ),
  emergencyQuestion(
    'suspect-present',
    'Is the person who did it still there?',
    'suspectPresent',
    'Select yes if the person who did it is still there',
    'anyone-injured',
    'Or nearby, or likely to come back soon',
  ),
  emergencyQuestion(
    'anyone-injured',
    'Is anyone injured?',
    'anyoneInjured',
    'Select yes if anyone is injured',
    'what-happened',
  ),
  {
    id: 'what-happened',
    section: 'what',
    title: 'What do you want to report?',
    fields: [
      {
        kind: 'radios',
        name: 'category',
        label: 'What do you want to report?',
        required: true,
        options: categories.map((category) => ({
          value: category.id,
          label: category.label,
          ...('hint' in category ? { hint: category.hint } : {}),
        })),
        errorRequired: 'Select what you want to report',
      },
    ],
    next: [
      { when: { field: 'category', oneOf: categoryIdsRoutedTo('call-999') }, goTo: 'call-999' },
      { when: { field: 'category', oneOf: categoryIdsRoutedTo('call-101') }, goTo: 'call-101' },
      { goTo: 'when' },
    ],
  },
  {
    id: 'when',
    section: 'what',
    title: 'When did it happen?',
    hint: 'If you are not sure, give your best guess. For example, 27 3 2026',
    fields: [
      {
        kind: 'date',
        name: 'incidentDate',
        label: 'When did it happen?',
        subject: 'The date it happened',
        errorRequired: 'Enter the date it happened',
        required: true,
        earliestYearsAgo: 100,
        latest: 'today',
        sensitive: false,
      },
    ],
    next: [{ goTo: 'where' }],
  },
  {
    id: 'where',
    section: 'what',
    title: 'Where did it happen?',
    hint: 'An address, a street or a description of the place',
    fields: [
      {
        kind: 'text',
        name: 'location',
        label: 'Where did it happen?',
        subject: 'Where it happened',
        errorRequired: 'Enter where it happened',
        required: true,
        maxLength: 500,
        sensitive: true,
      },
    ],
    next: [{ goTo: 'description' }],
  },
  {
    id: 'description',
    section: 'what',
    title: 'Tell us what happened',
    hint: 'Include what was done or said, and anything taken or damaged',
    fields: [
      {
        kind: 'textarea',
        name: 'description',
        label: 'Tell us what happened',
        subject: 'What happened',
        errorRequired: 'Enter what happened',
        required: true,
        maxLength: 5000,
        rows: 8,
        sensitive: true,
      },
    ],
    next: [{ goTo: 'suspect-known' }],
  },
  {
    id: 'suspect-known',
    section: 'suspect',
    title: 'Do you know who did it?',
    fields: [
      {
        kind: 'radios',
        name: 'suspectKnown',
        label: 'Do you know who did it?',
        required: true,
        options: yesNoOptions,
        errorRequired: 'Select yes if you know who did it',
        inline: true,
      },
    ],
    next: [
      { when: { field: 'suspectKnown', equals: 'yes' }, goTo: 'suspect-details' },
      { goTo: 'your-name' },
    ],
  },
  {
    id: 'suspect-details',
    section: 'suspect',
    title: 'Who did it?',
    fields: [
      {
        kind: 'text',
        name: 'suspectName',
        label: 'Their full name',
        subject: 'Their name',
        errorRequired: 'Enter their name',
        required: true,
        maxLength: 200,
        sensitive: true,
      },
      {
        kind: 'date',
        name: 'suspectDateOfBirth',
        label: 'Their date of birth (optional)',
        hint: 'Leave this blank if you do not know it',
        subject: 'Their date of birth',
        required: false,
        earliestYearsAgo: 120,
        latest: 'past',
        sensitive: true,
      },
    ],
    next: [
      { when: { field: 'suspectDateOfBirth', isBlank: true }, goTo: 'suspect-age' },
      { goTo: 'relationship' },
    ],
  },
  {
    id: 'suspect-age',
    section: 'suspect',
    title: 'How old are they?',
    fields: [
      {
        kind: 'radios',
        name: 'suspectAge',
        label: 'How old are they?',
        required: true,
        options: ageBands.map((band) => ({ value: band, label: ageBandLabels[band] })),
        errorRequired: 'Select how old they are',
      },
    ],
    next: [{ goTo: 'relationship' }],
  },
  {
    id: 'relationship',
    section: 'suspect',
    title: 'How do you know them?',
    fields: [
      {
        kind: 'radios',
        name: 'relationship',
        label: 'How do you know them?',
        required: true,
        options: relationships.map((relationship) => ({
          value: relationship,
          label: relationshipLabels[relationship],
          ...(relationshipHints[relationship] ? { hint: relationshipHints[relationship] } : {}),
        })),
        errorRequired: 'Select how you know them',
      },
    ],
    next: [{ goTo: 'your-name' }],
  },
  {
    id: 'your-name',
    section: 'you',
    title: 'What is your name?',
    fields: [
      {
        kind: 'text',
        name: 'fullName',
        label: 'What is your name?',
        subject: 'Your name',
        errorRequired: 'Enter your name',
        required: true,
        maxLength: 200,
        sensitive: true,
      },
    ],
    next: [{ goTo: 'your-date-of-birth' }],
  },
  {
    id: 'your-date-of-birth',
    section: 'you',
    title: 'What is your date of birth?',
    hint: 'For example, 27 3 1990',
    fields: [
      {
        kind: 'date',
        name: 'dateOfBirth',
        label: 'What is your date of birth?',
        subject: 'Your date of birth',
        errorRequired: 'Enter your date of birth',
        required: true,
        earliestYearsAgo: 120,
        latest: 'past',
        sensitive: true,
      },
    ],
    next: [{ goTo: 'contact-methods' }],
  },
  {
    id: 'contact-methods',
    section: 'contact',
    title: 'How can we contact you safely?',
    hint: 'Select all that are safe for you',
    fields: [
      {
        kind: 'checkboxes',
        name: 'contactMethods',
        label: 'How can we contact you safely?',
        required: true,
        options: contactMethods.map((method) => ({
          value: method,
          label: contactMethodLabels[method],
          reveals: { phone: ['phone'], email: ['email'], 'in-person': ['meetingPlace'] }[method],
        })),
        errorRequired: 'Select how we can contact you safely',
      },
      {
        kind: 'text',
        name: 'phone',
        label: 'Phone number',
        subject: 'Phone number',
        errorRequired: 'Enter a phone number',
        required: true,
        format: 'phone',
        maxLength: 30,
        sensitive: true,
        widthClass: 'govuk-input--width-20',
      },
      {
        kind: 'text',
        name: 'email',
        label: 'Email address',
        subject: 'Email address',
        errorRequired: 'Enter an email address',
        required: true,
        format: 'email',
        maxLength: 254,
        sensitive: true,
      },
      {
        kind: 'text',
        name: 'meetingPlace',
        label: 'Where can we safely meet you?',
        hint: 'For example, a police station, or an address where it is safe to visit',
        subject: 'Where we can meet you',
        errorRequired: 'Enter where we can safely meet you',
        required: true,
        maxLength: 300,
        sensitive: true,
      },
    ],
    next: [{ goTo: 'safe-times' }],
  },
  {
    id: 'safe-times',
    section: 'contact',
    title: 'When is it safe to contact you?',
    fields: [
      {
        kind: 'radios',
        name: 'safeTimes',
        label: 'When is it safe to contact you?',
        required: true,
        options: [
          { value: 'any-time', label: 'At any time' },
          { value: 'certain-times', label: 'Only at certain times' },
        ],
        errorRequired: 'Select when it is safe to contact you',
      },
    ],
    next: [
      { when: { field: 'safeTimes', equals: 'certain-times' }, goTo: 'safe-times-detail' },
      { goTo: 'messages' },
    ],
  },
  {
    id: 'safe-times-detail',
    section: 'contact',
    title: 'At what times is it safe to contact you?',
    fields: [
      {
        kind: 'text',
        name: 'safeTimesDetail',
        label: 'At what times is it safe to contact you?',
        hint: 'For example, weekdays between 9am and 3pm',
        subject: 'When it is safe',
        errorRequired: 'Enter when it is safe to contact you',
        required: true,
        maxLength: 200,
        sensitive: true,
      },
    ],
    next: [{ goTo: 'messages' }],
  },
  {
    id: 'messages',
    section: 'contact',
    title: 'Can we leave a voicemail or send a message?',
    hint: 'Someone else may see or hear messages on a shared phone or account',
    fields: [
      {
        kind: 'radios',
        name: 'messagesAllowed',
        label: 'Can we leave a voicemail or send a message?',
        required: true,
        options: yesNoOptions,
        errorRequired: 'Select yes if we can leave a voicemail or send a message',
        inline: true,
      },
    ],
    next: [{ goTo: 'safe-word' }],
  },
  {
    id: 'safe-word',
    section: 'contact',
    title: 'Is there a word we should use when we contact you?',
    hint: 'We will say this word so you know it is us. Leave this blank if you do not need one.',
    fields: [
      {
        kind: 'text',
        name: 'safeWord',
        label: 'Word to use (optional)',
        subject: 'The word to use',
        required: false,
        maxLength: 50,
        sensitive: true,
        blankAnswer: 'None',
        widthClass: 'govuk-input--width-20',
      },
    ],
    next: [{ goTo: checkAnswersStep }],
  },
];
