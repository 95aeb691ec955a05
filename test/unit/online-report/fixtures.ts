import type { JourneyAnswers } from '../../../services/online-report/domain/journey/engine.ts';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

/** Today in these tests: answers are checked against it. */
export const today = '2026-03-23';
export const context = { today } as const;

/** Every page of a non-urgent theft report by someone who knows the suspect, answered validly. */
export const completeAnswers = (
  overrides: Record<string, Record<string, string | string[]>> = {},
): JourneyAnswers => ({
  'in-danger': { inDanger: 'no' },
  'happening-now': { happeningNow: 'no' },
  'suspect-present': { suspectPresent: 'no' },
  'anyone-injured': { anyoneInjured: 'no' },
  'what-happened': { category: 'nuisance-communications' },
  when: { 'incidentDate-day': '20', 'incidentDate-month': '3', 'incidentDate-year': '2026' },
  where: { location: 'Outside my flat, 12 Example Road' },
  description: { description: 'He keeps sending me messages late at night.' },
  'suspect-known': { suspectKnown: 'yes' },
  'suspect-details': { suspectName: 'Alex Example' },
  'suspect-age': { suspectAge: '18-or-over' },
  relationship: { relationship: 'ex-partner' },
  'your-name': { fullName: 'Sam Sample' },
  'your-date-of-birth': { 'dateOfBirth-day': '4', 'dateOfBirth-month': '11', 'dateOfBirth-year': '1990' },
  'contact-methods': { contactMethods: ['phone'], phone: '07700 900982' },
  'safe-times': { safeTimes: 'certain-times' },
  'safe-times-detail': { safeTimesDetail: 'Weekdays 9am to 3pm' },
  messages: { messagesAllowed: 'no' },
  'safe-word': {},
  ...overrides,
});

export const reportAnswers = (overrides: Partial<ReportAnswers> = {}): ReportAnswers => ({
  category: 'other',
  incidentDate: '2026-03-20',
  location: 'Example Road',
  description: 'My bike was taken from the shed.',
  reporter: { name: 'Sam Sample', dateOfBirth: '1990-11-04' },
  contact: { methods: ['email'], email: 'sam@example.com', safeTimes: 'any-time', messagesAllowed: true },
  ...overrides,
});

const person = (overrides: Partial<Principal> & Pick<Principal, 'rank' | 'department'>): Principal => ({
  subject: `subject-${overrides.collarNumber ?? '0000'}`,
  collarNumber: '0000',
  displayName: 'Test Person',
  ...overrides,
});

export const contactHandler = person({
  rank: 'police-staff',
  department: 'CONTACT_CENTRE',
  collarNumber: 'S6021',
});
export const responseConstable = person({
  rank: 'constable',
  department: 'FORCE_RESPONSE',
  collarNumber: '4021',
});
export const dutySergeant = person({ rank: 'sergeant', department: 'FORCE_RESPONSE', collarNumber: '2107' });
export const ppuSergeant = person({ rank: 'sergeant', department: 'PPU', collarNumber: '2288' });
export const neighbourhoodInspector = person({
  rank: 'inspector',
  department: 'NEIGHBOURHOOD',
  collarNumber: '1180',
});
