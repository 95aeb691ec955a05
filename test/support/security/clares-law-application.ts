import { randomUUID } from 'node:crypto';
import type { LoopbackAnswer, LoopbackBrowser } from './loopback-browser.ts';

/**
 * The Clare's Law right to ask (services/clares-law, `domain/journey.ts`) as a person asking about their own
 * partner walks it through the running site, from "are you in danger" to the confirmation page. Every applicant
 * names a partner nobody else in the run names, so each application can be found, and counted, by that name.
 * Names, dates, addresses and the phone number are invented.
 */

export interface ClaresLawApplicant {
  /** The partner asked about: unique to this applicant. */
  readonly subjectName: string;
  readonly applicantName: string;
}

export const claresLawApplicant = (index: number): ClaresLawApplicant => {
  const tag = randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'q');
  return {
    subjectName: `Casimir ${tag[0]?.toUpperCase()}${tag.slice(1)}wick ${index}`,
    applicantName: `Ottilie ${tag.slice(0, 3).toUpperCase()}brook`,
  };
};

type Fields = Readonly<Record<string, string | readonly string[]>>;

/** The question pages after "are you in danger", in order, with this applicant's answers. */
export const applicationPages = (applicant: ClaresLawApplicant): readonly (readonly [string, Fields])[] => [
  ['who-is-at-risk', { forWhom: 'myself' }],
  [
    'your-details',
    {
      applicantName: applicant.applicantName,
      'applicantDob-day': '27',
      'applicantDob-month': '3',
      'applicantDob-year': '1990',
      applicantAddress: '3 Larkspur Row, Ashbury, AS4 7QZ',
    },
  ],
  ['children', { childrenAffected: 'no' }],
  [
    'subject',
    {
      subjectName: applicant.subjectName,
      'subjectDob-day': '1',
      'subjectDob-month': '6',
      'subjectDob-year': '1985',
    },
  ],
  ['about-subject', { subjectRelationship: 'partner', howYouKnowThem: 'We have been together a year.' }],
  ['concerns', { concernKinds: ['coercive-control'], whyAsking: 'They check my phone and my bank account.' }],
  ['contact-method', { contactMethods: ['phone'], contactPhone: '07700 900461' }],
  ['contact-times', { safeTimes: ['weekday-morning'], mayLeaveMessage: 'no' }],
  ['consent', { consentToShare: 'yes' }],
];

const apply = (page: string) => `/clares-law/apply/${page}`;

/**
 * Starts an application and answers the first `pages` question pages (all of them unless told), each opened
 * and then answered as a person would; a page that fails is tried again by the browser.
 */
export const answerApplication = async (
  browser: LoopbackBrowser,
  applicant: ClaresLawApplicant,
  pages: { readonly from?: number; readonly to?: number } = {},
): Promise<void> => {
  const all = applicationPages(applicant);
  const from = pages.from ?? 0;
  if (from === 0) {
    await browser.get('/clares-law');
    await browser.answer(apply('in-danger'), { inDanger: 'no' });
  }
  for (const [page, fields] of all.slice(from, pages.to ?? all.length))
    await browser.answer(apply(page), fields);
};

export interface ClaresLawOutcome {
  /** The reference on the confirmation page: what the applicant was told was received. */
  readonly reference: string | undefined;
  /** The answers to "Send application", the failed ones included, in order. */
  readonly submits: readonly LoopbackAnswer[];
}

const referenceOn = (html: string): string | undefined => /DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(html)?.[0];

/** Check your answers, "Send application", and the confirmation page with its reference. */
export const sendApplication = async (browser: LoopbackBrowser): Promise<ClaresLawOutcome> => {
  await browser.get(apply('check-answers'));
  const before = browser.answers.length;
  const submitted = await browser.post('/clares-law/submit', {});
  const submits = browser.answers.slice(before).filter((answer) => answer.path === '/clares-law/submit');
  if (submitted.status !== 303 || submitted.location !== '/clares-law/confirmation')
    return { reference: undefined, submits };
  const confirmation = await browser.get('/clares-law/confirmation');
  return { reference: confirmation.status === 200 ? referenceOn(confirmation.body) : undefined, submits };
};
