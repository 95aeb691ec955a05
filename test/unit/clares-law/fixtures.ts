import type {
  DvdsCase,
  RightToAskDetails,
  RightToKnowDetails,
} from '../../../services/clares-law/domain/model.ts';
import type { RuleSetId } from '../../../services/clares-law/domain/rule-sets.ts';
import {
  type Change,
  type Context,
  categorise,
  decideProgression,
  openOnlineApplication,
  raiseRightToKnow,
  recordCheck,
  recordForumDecision,
  recordMeeting,
  recordRiskAssessment,
} from '../../../services/clares-law/domain/workflow.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';

export const holidays = englandAndWalesBankHolidays();

const staff = (
  collarNumber: string,
  rank: Principal['rank'],
  department: Principal['department'],
  displayName: string,
): Principal => ({ subject: `sub-${collarNumber}`, collarNumber, rank, department, displayName });

export const ppuOfficer = staff('3350', 'constable', 'PPU', 'DC Aisha Khan');
export const ppuSergeant = staff('2288', 'sergeant', 'PPU', 'DS Mark Bennett');
export const ppuStaff = staff('S7001', 'police-staff', 'PPU', 'Jo Lee');
export const responseConstable = staff('4021', 'constable', 'FORCE_RESPONSE', 'PC Sam Taylor');
export const responseInspector = staff('1402', 'inspector', 'FORCE_RESPONSE', 'Insp Tom Walsh');
export const contactHandler = staff('S60213', 'police-staff', 'CONTACT_CENTRE', 'Chris Patel');

export const at = (iso: string): Date => new Date(iso);
export const as = (actor: Principal, now: string | Date): Context => ({
  actor,
  now: typeof now === 'string' ? new Date(now) : now,
});

export const applicationFor = (overrides: Partial<RightToAskDetails> = {}): RightToAskDetails => ({
  applicant: {
    fullName: 'Alex Example',
    otherNames: [],
    dateOfBirth: '1990-03-27',
    address: '1 Test Street, AB1 2CD',
  },
  applicantIsPersonAtRisk: true,
  children: { affected: false },
  subject: {
    fullName: 'Sam Subject',
    aliases: [],
    dateOfBirth: '1985-06-01',
    relationshipToPersonAtRisk: 'partner',
    howApplicantKnowsThem: 'We have been together six months',
  },
  concerns: { kinds: ['coercive-control'], whyAsking: 'He checks my phone and tells me who I can see.' },
  safeContact: {
    methods: ['phone', 'in-person'],
    phone: '07700 900982',
    station: 'Central',
    safeTimes: ['weekday-morning', 'weekday-afternoon'],
    unsafeTimes: ['weekday-evening', 'weekend-evening'],
    mayLeaveMessage: false,
  },
  consentToShare: true,
  ...overrides,
});

export const rightToKnowDetails = (overrides: Partial<RightToKnowDetails> = {}): RightToKnowDetails => ({
  source: 'partner-agency',
  summary: 'Probation report previous partners assaulted.',
  personAtRisk: { fullName: 'Pat Victim', approximateAge: 30 },
  children: { affected: true, details: 'Two children, 4 and 7' },
  subject: {
    fullName: 'Sam Subject',
    aliases: [],
    approximateAge: 40,
    relationshipToPersonAtRisk: 'partner',
  },
  ...overrides,
});

export const onlineCase = (
  submittedAt: string,
  overrides: Partial<RightToAskDetails> = {},
  ruleSet: RuleSetId = 'dvds-2023',
): DvdsCase =>
  openOnlineApplication(
    { id: 'DVDS-TEST-0001', ruleSet, details: applicationFor(overrides), patterns: [] },
    at(submittedAt),
  );

export const rightToKnowCase = (receivedAt: string, now: string): DvdsCase =>
  raiseRightToKnow(
    {
      id: 'DVDS-TEST-0002',
      ruleSet: 'dvds-2023',
      details: rightToKnowDetails(),
      receivedAt: at(receivedAt),
      patterns: [],
    },
    as(ppuOfficer, now),
  );

export const nextOf = (change: Change): DvdsCase => change.next;

/** The minimum checks, all no trace, recorded at `when`. */
export const withChecks = (dvdsCase: DvdsCase, when: string): DvdsCase => {
  let current = dvdsCase;
  for (const kind of ['pnc', 'pnd', 'local-intelligence'] as const) {
    current = nextOf(
      recordCheck(
        current,
        {
          kind,
          checkedAt: at(when),
          result: 'no-trace',
          summary: 'No trace',
          ...(kind === 'pnc' ? { visorMarker: false } : {}),
        },
        as(ppuOfficer, when),
      ),
    );
  }
  return current;
};

export const progressed = (dvdsCase: DvdsCase, when: string): DvdsCase =>
  nextOf(
    decideProgression(
      withChecks(dvdsCase, when),
      { progress: true, rationale: 'Checks complete, progress to meeting', immediateRiskIdentified: false },
      as(ppuOfficer, when),
    ),
  );

export const meetingInput = (heldAt: string) => ({
  heldAt: at(heldAt),
  place: 'Central police station',
  identityDocuments: ['passport', 'utility-bill'] as const,
  preliminaryWarningsGiven: true,
  requestMalicious: false,
  maliceAssessment: 'Genuine concern, consistent account',
  confidentialityUndertakingExplained: true,
  informationPackGiven: true,
});

export const met = (dvdsCase: DvdsCase, heldAt: string): DvdsCase =>
  nextOf(
    recordMeeting(
      dvdsCase,
      { ...meetingInput(heldAt), identityDocuments: ['passport', 'utility-bill'] },
      as(ppuOfficer, heldAt),
    ),
  );

export const assessed = (dvdsCase: DvdsCase, when: string): DvdsCase =>
  nextOf(
    recordRiskAssessment(
      dvdsCase,
      { completedAt: at(when), tool: 'DASH', level: 'medium', summary: 'Medium risk' },
      as(ppuOfficer, when),
    ),
  );

export const categorised = (dvdsCase: DvdsCase, when: string): DvdsCase =>
  nextOf(
    categorise(
      dvdsCase,
      {
        category: 'concern',
        concernFactors: ['unspent-convictions'],
        noConcernGrounds: [],
        rationale: 'Two unspent convictions for assault on former partners',
      },
      as(ppuOfficer, when),
    ),
  );

export const forumInput = (decidedAt: string) => ({
  forum: 'marac' as const,
  decidedAt: at(decidedAt),
  decisionReference: 'MARAC-2026-12',
  agencies: ['police', 'probation', 'idva'] as ('police' | 'probation' | 'idva')[],
  category: 'concern' as const,
  decision: 'disclose' as const,
  rationale: 'Risk of harm warrants disclosure; necessary and proportionate',
  necessary: true,
  pressingNeed: true,
  proportionate: true,
  representations: {
    sought: false as const,
    reasonNotSought: 'Seeking them would put the applicant at greater risk',
  },
  plan: {
    what: 'Two convictions for assault on former partners',
    recipient: {
      fullName: 'Alex Example',
      role: 'applicant' as const,
      relationship: 'Partner of the subject',
    },
    agency: 'Police',
    plannedFor: '2027-01-12T10:00:00.000Z',
    place: 'Central police station',
  },
});

export const decided = (dvdsCase: DvdsCase, when: string): DvdsCase =>
  nextOf(recordForumDecision(dvdsCase, forumInput(when), as(ppuSergeant, when)));
