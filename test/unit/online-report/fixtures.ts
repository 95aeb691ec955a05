import { type IncidentLog, openFromScreening } from '../../../services/online-report/domain/incident-log.ts';
import type { JourneyAnswers } from '../../../services/online-report/domain/journey/engine.ts';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import { screenForDomesticAbuse } from '../../../services/online-report/domain/screening.ts';
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

/** A report sent online, as an incident log opened from it names it. */
export const sentReport = {
  reportId: '5b0d9a54-0c8e-4b7e-9d55-6a4c1c0f6a11',
  reference: 'OR-7K3D-9QXR',
  submittedAt: '2026-03-23T09:55:00.000Z',
};

/** The screen's answer on that report: domestic abuse by an ex-partner, disclosed online. */
export const domesticAbuseScreening = screenForDomesticAbuse({
  incidentDate: '2026-03-20',
  relationship: 'ex-partner',
  suspectAgeBand: '18-or-over',
  reporterDateOfBirth: '1990-01-01',
  texts: [{ field: 'description', text: 'He keeps turning up.' }],
});

/** The incident log that report opens, at `now`. */
export const openedLog = (now: Date): IncidentLog =>
  openFromScreening(sentReport, domesticAbuseScreening, now);
