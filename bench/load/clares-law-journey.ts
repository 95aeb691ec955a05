import { dateFields, type Journey, question } from './journey.ts';

const apply = '/clares-law/apply';
const at = (page: string) => `${apply}/${page}`;

/**
 * The Clare's Law right-to-ask journey (services/clares-law/domain/journey.ts) as a person asking about
 * their own partner walks it, to the application sent. Every person names an applicant, an email address
 * and a partner of their own, so no application matches another.
 */
export const claresLawJourney = (): Journey => ({
  name: 'clares-law',
  label: "Clare's Law right to ask",
  steps: [
    { kind: 'page', method: 'GET', path: '/clares-law', expect: { status: 200 } },
    ...question(apply, 'in-danger', () => ({ inDanger: 'no' }), at('who-is-at-risk')),
    ...question(apply, 'who-is-at-risk', () => ({ forWhom: 'myself' }), at('your-details')),
    ...question(
      apply,
      'your-details',
      (person) => ({
        applicantName: `Alex ${person.tag}`,
        ...dateFields('applicantDob', new Date(Date.UTC(1990, 2, 27))),
        applicantAddress: '1 Bench Street, AN1 1AA',
      }),
      at('children'),
    ),
    ...question(apply, 'children', () => ({ childrenAffected: 'no' }), at('subject')),
    ...question(
      apply,
      'subject',
      (person) => ({ subjectName: `Casey ${person.tag}`, subjectAge: '40' }),
      at('about-subject'),
    ),
    ...question(
      apply,
      'about-subject',
      () => ({ subjectRelationship: 'partner', howYouKnowThem: 'We have been together for a year.' }),
      at('concerns'),
    ),
    ...question(
      apply,
      'concerns',
      () => ({
        concernKinds: ['coercive-control'],
        whyAsking: 'They check my phone and stop me seeing friends.',
      }),
      at('contact-method'),
    ),
    ...question(
      apply,
      'contact-method',
      (person) => ({
        contactMethods: ['email'],
        contactEmail: `alex.${person.tag.toLowerCase()}@example.com`,
      }),
      at('contact-times'),
    ),
    ...question(
      apply,
      'contact-times',
      () => ({ safeTimes: ['weekday-morning'], mayLeaveMessage: 'no' }),
      at('consent'),
    ),
    ...question(apply, 'consent', () => ({ consentToShare: 'yes' }), at('check-answers')),
    { kind: 'page', method: 'GET', path: at('check-answers'), expect: { status: 200 } },
    {
      kind: 'submit',
      method: 'POST',
      path: '/clares-law/submit',
      expect: { status: 303, location: '/clares-law/confirmation' },
    },
    { kind: 'page', method: 'GET', path: '/clares-law/confirmation', expect: { status: 200 } },
  ],
});
