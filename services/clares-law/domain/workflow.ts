import { anyOf, atLeast, inDepartment, type Policy } from '../../../shared/auth/policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import {
  endOfLondonDay,
  formatLondon,
  type HolidaySource,
  londonDateOf,
} from '../../../shared/calendar/index.ts';
import { overallDueWithoutExtension } from './clocks.ts';
import {
  ContactRefusedError,
  InvalidInputError,
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from './errors.ts';
import type {
  CheckRecord,
  DisclosurePlan,
  DvdsCase,
  HistoryEvent,
  Officer,
  PatternFlag,
  Representations,
  RightToAskDetails,
  RightToKnowDetails,
  Stage,
  Undertaking,
} from './model.ts';
import { safeContactOf } from './model.ts';
import type { RuleSetId } from './rule-sets.ts';
import { checkContact } from './safe-contact.ts';
import { assertLeadsTo, assertMayRecord, type CaseAction } from './stage-machine.ts';
import {
  type Agency,
  type Category,
  type CheckKind,
  type CheckResult,
  type ConcernFactor,
  type ContactChannel,
  type ContactMethod,
  type ContactOutcome,
  checkKindLabels,
  type DisclosureDecision,
  type Forum,
  forumLabels,
  type IdentityDocument,
  type NoConcernGround,
  type Outcome,
  type RiskLevel,
} from './vocabulary.ts';

/** Who is acting and when: the clock is passed in so the rules stay pure. */
export interface Context {
  readonly actor: Principal;
  readonly now: Date;
}

/** Who a notification is for, in the scheme's words; the handler turns these into inbox audiences. */
export type NotifyAudience =
  | 'owner-or-unit'
  | 'unit'
  | 'supervisors'
  | 'force-response-inspectors'
  | 'authorising-inspectors';

export type Effect =
  | {
      readonly kind: 'notify';
      readonly audience: NotifyAudience;
      readonly title: string;
      readonly priority: 'routine' | 'urgent';
      /** Stable for one cause, so a retried write sends the same message and the inbox keeps one. */
      readonly key: string;
    }
  | { readonly kind: 'request-disclosure-record'; readonly requestId: string };

export interface Change {
  readonly next: DvdsCase;
  readonly effects: readonly Effect[];
}

export const officerOf = (principal: Principal): Officer => ({
  subject: principal.subject,
  collarNumber: principal.collarNumber,
  displayName: principal.displayName,
  rank: principal.rank,
  department: principal.department,
});

const iso = (date: Date): string => date.toISOString();

const event = (at: Date, action: string, by: HistoryEvent['by'], summary: string): HistoryEvent => ({
  at: iso(at),
  action,
  by,
  summary,
});

const advance = (
  dvdsCase: DvdsCase,
  action: CaseAction,
  context: Context,
  changes: Partial<DvdsCase>,
  summary: string,
  effects: readonly Effect[] = [],
): Change => {
  if (changes.stage) assertLeadsTo(action, changes.stage);
  return {
    next: {
      ...dvdsCase,
      ...changes,
      version: dvdsCase.version + 1,
      updatedAt: iso(context.now),
      history: [...dvdsCase.history, event(context.now, action, officerOf(context.actor), summary)],
    },
    effects,
  };
};

const requireRationale = (rationale: string, what: string): void => {
  if (rationale.trim() === '') {
    throw new RuleRefusedError(
      `Enter the rationale for ${what}: a decision without rationale cannot be recorded.`,
      'APP DVDS: all considerations should be fully recorded',
      'rationale',
    );
  }
};

const notAfterNow = (at: Date, now: Date, field: string, what: string): void => {
  if (at.getTime() > now.getTime() + 60_000) {
    throw new InvalidInputError([
      { field, message: `${what} must be now or in the past`, anchor: `${field}-day` },
    ]);
  }
};

// Forms give times to the minute: a step in the same minute as the one before it is in order.
const notBefore = (at: Date, earliest: Date, field: string, message: string): void => {
  if (at.getTime() < Math.floor(earliest.getTime() / 60_000) * 60_000) {
    throw new InvalidInputError([{ field, message, anchor: `${field}-day` }]);
  }
};

// ----- Opening a case -----

/** 000 §16 and APP DVDS "Initial contact": the PPU, or the contact centre taking the call, record it. */
export const mayRecordInitialContact: Policy = anyOf(inDepartment('PPU'), inDepartment('CONTACT_CENTRE'));
/** Right to know: the PPU or an inspector raises it; an inspector or above authorises it (000 §12). */
export const mayRaiseRightToKnow: Policy = anyOf(inDepartment('PPU'), atLeast('inspector'));

export interface OpenRightToAsk {
  readonly id: string;
  readonly ruleSet: RuleSetId;
  readonly details: RightToAskDetails;
  readonly channel: ContactChannel;
  readonly startedAt: Date;
  readonly partnerAgency?: string;
  readonly patterns: readonly PatternFlag[];
}

const newCase = (
  command: { id: string; ruleSet: RuleSetId; startedAt: Date; patterns: readonly PatternFlag[] },
  now: Date,
): Omit<DvdsCase, 'route' | 'stage' | 'history'> => ({
  id: command.id,
  version: 1,
  ruleSet: command.ruleSet,
  createdAt: iso(now),
  updatedAt: iso(now),
  startedAt: iso(command.startedAt),
  checks: [],
  immediateRisks: [],
  contactAttempts: [],
  refusedContacts: [],
  patterns: [...command.patterns],
});

/** An online application submitted by the applicant: the clocks start at submission. */
export const openOnlineApplication = (
  command: Omit<OpenRightToAsk, 'channel' | 'startedAt' | 'partnerAgency'>,
  now: Date,
): DvdsCase => ({
  ...newCase({ ...command, startedAt: now }, now),
  route: 'right-to-ask',
  stage: 'initial-checks',
  channel: 'online',
  application: command.details,
  history: [event(now, 'apply-online', 'applicant', 'Application made online')],
});

/** An application by phone, at a station or through a partner agency, recorded by staff. */
export const recordInitialContact = (command: OpenRightToAsk, context: Context): DvdsCase => {
  if (!mayRecordInitialContact.allows(context.actor)) {
    throw new NotPermittedError(`Only ${mayRecordInitialContact.description} may record an application.`);
  }
  if (command.channel === 'online') {
    throw new InvalidInputError([
      { field: 'channel', message: 'Online applications are made by the applicant' },
    ]);
  }
  if (command.channel === 'partner-agency' && !command.partnerAgency) {
    throw new InvalidInputError([{ field: 'partnerAgency', message: 'Enter the partner agency' }]);
  }
  notAfterNow(command.startedAt, context.now, 'contactAt', 'The time of initial contact');
  const officer = officerOf(context.actor);
  return {
    ...newCase(command, context.now),
    route: 'right-to-ask',
    stage: 'initial-checks',
    channel: command.channel,
    ...(command.partnerAgency ? { partnerAgency: command.partnerAgency } : {}),
    receivedBy: officer,
    application: command.details,
    history: [
      event(
        context.now,
        'record-initial-contact',
        officer,
        `Initial contact recorded (${command.channel.replace('-', ' ')})`,
      ),
    ],
  };
};

export interface RaiseRightToKnow {
  readonly id: string;
  readonly ruleSet: RuleSetId;
  readonly details: RightToKnowDetails;
  readonly receivedAt: Date;
  readonly patterns: readonly PatternFlag[];
}

/** Information received: the case waits for an inspector to authorise it. */
export const raiseRightToKnow = (command: RaiseRightToKnow, context: Context): DvdsCase => {
  if (!mayRaiseRightToKnow.allows(context.actor)) {
    throw new NotPermittedError(`Only ${mayRaiseRightToKnow.description} may raise a right-to-know case.`);
  }
  notAfterNow(command.receivedAt, context.now, 'receivedAt', 'The date the information was received');
  const officer = officerOf(context.actor);
  return {
    ...newCase({ ...command, startedAt: command.receivedAt }, context.now),
    route: 'right-to-know',
    stage: 'awaiting-authorisation',
    receivedBy: officer,
    information: command.details,
    history: [
      event(
        context.now,
        'raise-right-to-know',
        officer,
        'Right-to-know case raised from information received',
      ),
    ],
  };
};

// ----- Steps -----

export const authoriseRightToKnow = (
  dvdsCase: DvdsCase,
  input: { readonly authorised: boolean; readonly rationale: string },
  context: Context,
): Change => {
  assertMayRecord('authorise-right-to-know', dvdsCase, context.actor);
  requireRationale(input.rationale, 'the authorisation decision');
  const authorisation = {
    at: iso(context.now),
    by: officerOf(context.actor),
    authorised: input.authorised,
    rationale: input.rationale,
  };
  return input.authorised
    ? advance(
        dvdsCase,
        'authorise-right-to-know',
        context,
        { stage: 'initial-checks', authorisation },
        'Right to know authorised to proceed',
      )
    : advance(
        dvdsCase,
        'authorise-right-to-know',
        context,
        {
          stage: 'intelligence-record',
          authorisation,
          outcome: 'not-progressed',
          decisionAt: iso(context.now),
        },
        'Right to know not authorised',
      );
};

export interface CheckInput {
  readonly kind: CheckKind;
  readonly checkedAt: Date;
  readonly result: CheckResult;
  readonly summary: string;
  readonly visorMarker?: boolean;
}

export const recordCheck = (dvdsCase: DvdsCase, input: CheckInput, context: Context): Change => {
  assertMayRecord('record-check', dvdsCase, context.actor);
  notAfterNow(input.checkedAt, context.now, 'checkedAt', 'The time of the check');
  if (input.kind === 'pnc' && input.visorMarker === undefined) {
    throw new InvalidInputError([
      { field: 'visorMarker', message: 'Select yes if the subject has a ViSOR marker on the PNC' },
    ]);
  }
  const check: CheckRecord = {
    kind: input.kind,
    checkedAt: iso(input.checkedAt),
    recordedAt: iso(context.now),
    by: officerOf(context.actor),
    result: input.result,
    summary: input.summary,
    ...(input.kind === 'pnc' ? { visorMarker: input.visorMarker } : {}),
  };
  return advance(
    dvdsCase,
    'record-check',
    context,
    { checks: [...dvdsCase.checks, check] },
    `${checkKindLabels[input.kind]} check recorded: ${input.result === 'trace' ? 'trace' : 'no trace'}`,
  );
};

/** The latest record of each kind: a check done again replaces the earlier one for the decision. */
export const latestChecks = (dvdsCase: DvdsCase): Map<CheckKind, CheckRecord> => {
  const latest = new Map<CheckKind, CheckRecord>();
  for (const check of dvdsCase.checks) latest.set(check.kind, check);
  return latest;
};

/** APP DVDS: PNC, PND and local intelligence always; ViSOR when the subject has a ViSOR marker on the PNC. */
export const missingChecks = (dvdsCase: DvdsCase): CheckKind[] => {
  const latest = latestChecks(dvdsCase);
  const required: CheckKind[] = ['pnc', 'pnd', 'local-intelligence'];
  if (latest.get('pnc')?.visorMarker) required.splice(2, 0, 'visor');
  return required.filter((kind) => !latest.has(kind));
};

export interface ProgressionInput {
  readonly progress: boolean;
  readonly rationale: string;
  readonly immediateRiskIdentified: boolean;
  readonly supportDetailsGiven?: boolean;
}

export const decideProgression = (dvdsCase: DvdsCase, input: ProgressionInput, context: Context): Change => {
  assertMayRecord('decide-progression', dvdsCase, context.actor);
  const missing = missingChecks(dvdsCase);
  if (missing.length > 0) {
    throw new RuleRefusedError(
      `Record the minimum checks before deciding: ${missing.map((kind) => checkKindLabels[kind]).join(', ')}.`,
      'APP DVDS: these checks must, as a minimum, include PNC, PND, ViSOR (if marked) and local intelligence',
    );
  }
  requireRationale(input.rationale, 'the decision whether to progress');
  if (!input.progress && dvdsCase.route === 'right-to-ask' && input.supportDetailsGiven !== true) {
    throw new RuleRefusedError(
      'Confirm the applicant was given details of local support services and the National Domestic Abuse Helpline.',
      'APP DVDS: if not progressed, still provide details of local support services and the national helpline',
      'supportDetailsGiven',
    );
  }
  const progression = {
    decidedAt: iso(context.now),
    by: officerOf(context.actor),
    progress: input.progress,
    rationale: input.rationale,
    immediateRiskIdentified: input.immediateRiskIdentified,
    ...(input.progress ? {} : { supportDetailsGiven: input.supportDetailsGiven === true }),
  };
  const riskEffects = input.immediateRiskIdentified ? immediateRiskEffects(dvdsCase, context) : [];
  const immediateRisks = input.immediateRiskIdentified
    ? [
        ...dvdsCase.immediateRisks,
        {
          at: iso(context.now),
          by: officerOf(context.actor),
          description: 'Identified at the initial checks',
        },
      ]
    : dvdsCase.immediateRisks;
  if (!input.progress) {
    return advance(
      dvdsCase,
      'decide-progression',
      context,
      {
        stage: 'intelligence-record',
        progression,
        immediateRisks,
        outcome: 'not-progressed',
        decisionAt: iso(context.now),
      },
      'Decided not to progress after the initial checks',
      riskEffects,
    );
  }
  const stage: Stage = dvdsCase.route === 'right-to-ask' ? 'face-to-face-meeting' : 'categorisation';
  return advance(
    dvdsCase,
    'decide-progression',
    context,
    { stage, progression, immediateRisks },
    'Decided to progress after the initial checks',
    riskEffects,
  );
};

export interface MeetingInput {
  readonly heldAt: Date;
  readonly place: string;
  readonly identityDocuments: readonly IdentityDocument[];
  readonly preliminaryWarningsGiven: boolean;
  readonly requestMalicious: boolean;
  readonly maliceAssessment: string;
  readonly confidentialityUndertakingExplained: boolean;
  readonly informationPackGiven: boolean;
  readonly furtherDetails?: string;
}

const meetingSource = 'APP DVDS "Face-to-face meeting" (Home Office guidance: required steps)';

export const recordMeeting = (dvdsCase: DvdsCase, input: MeetingInput, context: Context): Change => {
  assertMayRecord('record-meeting', dvdsCase, context.actor);
  notAfterNow(input.heldAt, context.now, 'heldAt', 'The time of the meeting');
  notBefore(
    input.heldAt,
    new Date(dvdsCase.startedAt),
    'heldAt',
    'The meeting must be after the initial contact',
  );
  const documents = [...new Set(input.identityDocuments)];
  if (documents.length < 2) {
    throw new RuleRefusedError(
      "Verify the applicant's identity with two different documents.",
      meetingSource,
      'identityDocuments',
    );
  }
  const unconfirmed: [boolean, string, string][] = [
    [
      input.preliminaryWarningsGiven,
      'preliminaryWarningsGiven',
      'Confirm the preliminary warnings were given',
    ],
    [
      input.confidentialityUndertakingExplained,
      'confidentialityUndertakingExplained',
      'Confirm the need for a confidentiality undertaking was explained',
    ],
    [input.informationPackGiven, 'informationPackGiven', 'Confirm the information pack was given'],
  ];
  const issues = unconfirmed.filter(([done]) => !done).map(([, field, message]) => ({ field, message }));
  if (issues.length > 0) throw new InvalidInputError(issues);
  requireRationale(input.maliceAssessment, 'whether the request is malicious');
  const meeting = {
    heldAt: iso(input.heldAt),
    recordedAt: iso(context.now),
    by: officerOf(context.actor),
    place: input.place,
    identityDocuments: documents,
    preliminaryWarningsGiven: true as const,
    requestMalicious: input.requestMalicious,
    maliceAssessment: input.maliceAssessment,
    confidentialityUndertakingExplained: true as const,
    informationPackGiven: true as const,
    ...(input.furtherDetails ? { furtherDetails: input.furtherDetails } : {}),
  };
  if (input.requestMalicious) {
    return advance(
      dvdsCase,
      'record-meeting',
      context,
      { stage: 'intelligence-record', meeting, outcome: 'not-progressed', decisionAt: iso(context.now) },
      'Face-to-face meeting held: the request was assessed as malicious and not progressed',
    );
  }
  const stage: Stage = dvdsCase.application?.applicantIsPersonAtRisk ? 'risk-assessment' : 'categorisation';
  return advance(dvdsCase, 'record-meeting', context, { stage, meeting }, 'Face-to-face meeting held');
};

export interface RiskAssessmentInput {
  readonly completedAt: Date;
  readonly tool: string;
  readonly level: RiskLevel;
  readonly summary: string;
}

export const recordRiskAssessment = (
  dvdsCase: DvdsCase,
  input: RiskAssessmentInput,
  context: Context,
): Change => {
  assertMayRecord('record-risk-assessment', dvdsCase, context.actor);
  notAfterNow(input.completedAt, context.now, 'completedAt', 'The time the assessment was completed');
  requireRationale(input.summary, 'the risk assessment');
  const riskAssessment = {
    completedAt: iso(input.completedAt),
    by: officerOf(context.actor),
    tool: input.tool,
    level: input.level,
    summary: input.summary,
  };
  // 000 §9.2: high risk goes to the Force Response inspector (threat to life) and to MARAC.
  const effects: Effect[] =
    input.level === 'high'
      ? [
          {
            kind: 'notify',
            audience: 'force-response-inspectors',
            title: `High-risk DASH on disclosure scheme case ${dvdsCase.id}: consider a threat-to-life assessment`,
            priority: 'urgent',
            key: `${dvdsCase.id}:high-risk:${dvdsCase.version}`,
          },
        ]
      : [];
  return advance(
    dvdsCase,
    'record-risk-assessment',
    context,
    { stage: 'categorisation', riskAssessment },
    `Full risk assessment recorded: ${input.level} risk`,
    effects,
  );
};

export interface CategorisationInput {
  readonly category: Category;
  readonly concernFactors: readonly ConcernFactor[];
  readonly noConcernGrounds: readonly NoConcernGround[];
  readonly rationale: string;
}

export const categorise = (dvdsCase: DvdsCase, input: CategorisationInput, context: Context): Change => {
  assertMayRecord('categorise', dvdsCase, context.actor);
  requireRationale(input.rationale, 'the categorisation');
  if (input.category === 'concern' && input.concernFactors.length === 0) {
    throw new RuleRefusedError(
      "Select the factors that make this a 'concern'.",
      'APP DVDS "Concern": a concern applies where the potential victim is at risk of harm from the subject',
      'concernFactors',
    );
  }
  if (input.category === 'no-concern' && input.noConcernGrounds.length === 0) {
    throw new RuleRefusedError(
      "Select why this is 'no concern'.",
      'APP DVDS "No concern"',
      'noConcernGrounds',
    );
  }
  const categorisation = {
    at: iso(context.now),
    by: officerOf(context.actor),
    category: input.category,
    concernFactors: input.category === 'concern' ? [...input.concernFactors] : [],
    noConcernGrounds: input.category === 'no-concern' ? [...input.noConcernGrounds] : [],
    rationale: input.rationale,
  };
  return advance(
    dvdsCase,
    'categorise',
    context,
    { stage: 'forum-decision', categorisation },
    `Categorised as '${input.category === 'concern' ? 'concern' : 'no concern'}' and referred to the forum`,
  );
};

export interface ForumDecisionInput {
  readonly forum: Forum;
  readonly decidedAt: Date;
  readonly decisionReference: string;
  readonly agencies: readonly Agency[];
  readonly category: Category;
  readonly decision: DisclosureDecision;
  readonly rationale: string;
  readonly necessary: boolean;
  readonly pressingNeed: boolean;
  readonly proportionate: boolean;
  readonly representations: Representations;
  readonly plan?: DisclosurePlan;
  readonly subjectReferredTo?: string;
}

const forumSource = 'APP DVDS "Referral to the local decision-making forum"';

const childrenAffected = (dvdsCase: DvdsCase): boolean =>
  (dvdsCase.application?.children.affected ?? dvdsCase.information?.children.affected) === true;

/** 002: as a minimum the police, probation, the IDVA service, and children's social care if children are affected. */
export const missingForumAgencies = (dvdsCase: DvdsCase, agencies: readonly Agency[]): Agency[] => {
  const required: Agency[] = ['police', 'probation', 'idva'];
  if (childrenAffected(dvdsCase)) required.push('childrens-social-care');
  return required.filter((agency) => !agencies.includes(agency));
};

export const recordForumDecision = (
  dvdsCase: DvdsCase,
  input: ForumDecisionInput,
  context: Context,
): Change => {
  assertMayRecord('record-forum-decision', dvdsCase, context.actor);
  requireRationale(input.rationale, "the forum's decision");
  notAfterNow(input.decidedAt, context.now, 'decidedAt', 'The time of the decision');
  if (input.forum === 'urgent-inspector-decision') {
    if (!dvdsCase.fastTrack) {
      throw new RuleRefusedError(
        'An urgent decision by an inspector is only for a case fast-tracked for immediate risk.',
        'Force policy PP/04 §9.13',
        'forum',
      );
    }
    if (!atLeast('inspector').allows(context.actor)) {
      throw new NotPermittedError(
        'Only an inspector or above may record an urgent decision.',
        'Force policy PP/04 §9.13',
      );
    }
  }
  if (input.forum === 'multi-agency-body') {
    const missing = missingForumAgencies(dvdsCase, input.agencies);
    if (missing.length > 0) {
      throw new RuleRefusedError(
        `A multi-agency body must include, as a minimum: ${missing.map((agency) => agency.replace(/-/g, ' ')).join(', ')}.`,
        `${forumSource}: police, probation, IDVA service, and children's social care if children are affected`,
        'agencies',
      );
    }
  }
  if (input.decision === 'disclose') {
    const tests: [boolean, string, string][] = [
      [
        input.necessary,
        'necessary',
        'Confirm disclosure is necessary to protect the potential victim from crime',
      ],
      [input.pressingNeed, 'pressingNeed', 'Confirm there is a pressing need for the disclosure'],
      [
        input.proportionate,
        'proportionate',
        "Confirm the interference with the subject's rights is necessary and proportionate",
      ],
    ];
    const issues = tests.filter(([met]) => !met).map(([, field, message]) => ({ field, message }));
    if (issues.length > 0) throw new InvalidInputError(issues);
    if (!input.plan) {
      throw new InvalidInputError([
        { field: 'what', message: 'Enter what will be disclosed, to whom, when and where' },
      ]);
    }
  }
  const decidedAt = iso(input.decidedAt);
  const forumDecision = {
    forum: input.forum,
    decidedAt,
    recordedAt: iso(context.now),
    by: officerOf(context.actor),
    decisionReference: input.decisionReference,
    agencies: [...new Set(input.agencies)],
    category: input.category,
    decision: input.decision,
    rationale: input.rationale,
    necessary: input.necessary,
    pressingNeed: input.pressingNeed,
    proportionate: input.proportionate,
    representations: input.representations,
    ...(input.decision === 'disclose' && input.plan ? { plan: input.plan } : {}),
    ...(input.subjectReferredTo ? { subjectReferredTo: input.subjectReferredTo } : {}),
  };
  const label = forumLabels[input.forum].split(' (')[0];
  if (input.decision === 'disclose') {
    return advance(
      dvdsCase,
      'record-forum-decision',
      context,
      { stage: 'disclosure', forumDecision, decisionAt: decidedAt },
      `${label} decided to disclose`,
    );
  }
  if (dvdsCase.route === 'right-to-ask') {
    return advance(
      dvdsCase,
      'record-forum-decision',
      context,
      { stage: 'no-disclosure-outcome', forumDecision, decisionAt: decidedAt },
      `${label} decided not to disclose`,
    );
  }
  return advance(
    dvdsCase,
    'record-forum-decision',
    context,
    { stage: 'intelligence-record', forumDecision, decisionAt: decidedAt, outcome: 'not-disclosed' },
    `${label} decided not to disclose; decision and rationale recorded`,
  );
};

export interface DisclosureInput {
  readonly disclosedAt: Date;
  readonly place: string;
  readonly accompaniedBy?: {
    readonly name: string;
    readonly rank: Officer['rank'];
    readonly collarNumber: string;
  };
  readonly recipientToldOfConditions: boolean;
  readonly undertaking: Undertaking;
  readonly verbatim: string;
  readonly informationPackGiven: boolean;
  readonly reasonPackNotGiven?: string;
}

const disclosureSource = 'APP DVDS "Decision made to disclose"';

/** The request id of a case's disclosure record: one case, one record, however often it is asked for. */
export const disclosureRecordRequestId = (caseId: string): string => `${caseId}:disclosure-record`;

export const recordDisclosure = (dvdsCase: DvdsCase, input: DisclosureInput, context: Context): Change => {
  assertMayRecord('record-disclosure', dvdsCase, context.actor);
  notAfterNow(input.disclosedAt, context.now, 'disclosedAt', 'The time of the disclosure');
  if (dvdsCase.forumDecision) {
    notBefore(
      input.disclosedAt,
      new Date(dvdsCase.forumDecision.decidedAt),
      'disclosedAt',
      'The disclosure must be after the forum’s decision',
    );
  }
  if (!input.recipientToldOfConditions) {
    throw new InvalidInputError([
      {
        field: 'recipientToldOfConditions',
        message: 'Confirm the recipient was told the information is only to safeguard the potential victim',
      },
    ]);
  }
  const made = input.undertaking.status === 'signed' || input.undertaking.outcome === 'disclosure-went-ahead';
  if (input.undertaking.status === 'refused')
    requireRationale(input.undertaking.rationale, 'going ahead or not');
  if (made && input.verbatim.trim() === '') {
    throw new RuleRefusedError(
      'Record the words disclosed, exactly as said.',
      `${disclosureSource}: the information disclosed should be recorded verbatim`,
      'verbatim',
    );
  }
  if (!input.informationPackGiven && !input.reasonPackNotGiven) {
    throw new InvalidInputError([
      { field: 'reasonPackNotGiven', message: 'Enter why the information pack was not given' },
    ]);
  }
  const requestId = disclosureRecordRequestId(dvdsCase.id);
  const disclosure = {
    disclosedAt: iso(input.disclosedAt),
    recordedAt: iso(context.now),
    by: officerOf(context.actor),
    ...(input.accompaniedBy ? { accompaniedBy: input.accompaniedBy } : {}),
    place: input.place,
    recipientToldOfConditions: true as const,
    undertaking: input.undertaking,
    verbatim: made ? input.verbatim : '',
    informationPackGiven: input.informationPackGiven,
    ...(input.reasonPackNotGiven && !input.informationPackGiven
      ? { reasonPackNotGiven: input.reasonPackNotGiven }
      : {}),
  };
  const outcome: Outcome = made ? 'disclosed' : 'not-disclosed';
  return advance(
    dvdsCase,
    'record-disclosure',
    context,
    {
      stage: 'intelligence-record',
      disclosure,
      outcome,
      ...(made
        ? { disclosureRecord: { requestId, requestedAt: iso(context.now), status: 'requested' as const } }
        : {}),
    },
    made
      ? `Disclosure made in person (undertaking ${input.undertaking.status})`
      : 'Disclosure not made: the recipient refused the undertaking',
    made ? [{ kind: 'request-disclosure-record', requestId }] : [],
  );
};

export interface NoDisclosureOutcomeInput {
  readonly toldAt: Date;
  readonly place: string;
  readonly toldInPerson: boolean;
  readonly advisedNoInformationIsNotNoRisk: boolean;
  readonly informationPackGiven: boolean;
  readonly notes?: string;
}

export const recordNoDisclosureOutcome = (
  dvdsCase: DvdsCase,
  input: NoDisclosureOutcomeInput,
  context: Context,
): Change => {
  assertMayRecord('record-no-disclosure-outcome', dvdsCase, context.actor);
  notAfterNow(input.toldAt, context.now, 'toldAt', 'The time the applicant was told');
  const unconfirmed: [boolean, string, string][] = [
    [input.toldInPerson, 'toldInPerson', 'Confirm the applicant was told in person'],
    [
      input.advisedNoInformationIsNotNoRisk,
      'advisedNoInformationIsNotNoRisk',
      'Confirm the applicant was told that no information to disclose does not mean there is no risk',
    ],
    [input.informationPackGiven, 'informationPackGiven', 'Confirm the information pack was given'],
  ];
  const issues = unconfirmed.filter(([done]) => !done).map(([, field, message]) => ({ field, message }));
  if (issues.length > 0) throw new InvalidInputError(issues);
  return advance(
    dvdsCase,
    'record-no-disclosure-outcome',
    context,
    {
      stage: 'intelligence-record',
      outcome: 'not-disclosed',
      noDisclosureOutcome: {
        toldAt: iso(input.toldAt),
        recordedAt: iso(context.now),
        by: officerOf(context.actor),
        place: input.place,
        toldInPerson: true,
        advisedNoInformationIsNotNoRisk: true,
        informationPackGiven: true,
        ...(input.notes ? { notes: input.notes } : {}),
      },
    },
    'Applicant told in person there is no information to disclose',
  );
};

export const recordIntelligence = (
  dvdsCase: DvdsCase,
  input: { readonly reference: string; readonly systems: string; readonly summary: string },
  context: Context,
): Change => {
  assertMayRecord('record-intelligence', dvdsCase, context.actor);
  if (!dvdsCase.outcome) throw new WrongStageError('The application has no outcome yet.');
  return advance(
    dvdsCase,
    'record-intelligence',
    context,
    {
      stage: 'closed',
      closedAt: iso(context.now),
      intelligenceRecord: { submittedAt: iso(context.now), by: officerOf(context.actor), ...input },
    },
    'Final intelligence record submitted; case closed',
  );
};

export const withdraw = (
  dvdsCase: DvdsCase,
  input: { readonly reason: string },
  context: Context,
): Change => {
  assertMayRecord('withdraw', dvdsCase, context.actor);
  requireRationale(input.reason, 'the withdrawal');
  return advance(
    dvdsCase,
    'withdraw',
    context,
    {
      stage: 'intelligence-record',
      outcome: 'withdrawn',
      decisionAt: iso(context.now),
      withdrawal: { at: iso(context.now), by: officerOf(context.actor), reason: input.reason },
    },
    'Application withdrawn',
  );
};

const immediateRiskEffects = (dvdsCase: DvdsCase, context: Context): Effect[] => [
  {
    kind: 'notify',
    audience: 'supervisors',
    title: `Immediate risk recorded on disclosure scheme case ${dvdsCase.id}`,
    priority: 'urgent',
    key: `${dvdsCase.id}:immediate-risk:supervisors:${dvdsCase.version}:${context.now.toISOString()}`,
  },
  {
    kind: 'notify',
    audience: 'force-response-inspectors',
    title: `Immediate risk on disclosure scheme case ${dvdsCase.id}: safeguarding needed now`,
    priority: 'urgent',
    key: `${dvdsCase.id}:immediate-risk:inspectors:${dvdsCase.version}:${context.now.toISOString()}`,
  },
];

/**
 * APP DVDS: "If the police identify an immediate or imminent risk of harm, immediate safeguarding action
 * must be taken". One action records it and tells the unit's supervisors and the Force Response inspector
 * at once; an inspector may then fast-track the case to a decision.
 */
export const recordImmediateRisk = (
  dvdsCase: DvdsCase,
  input: { readonly description: string },
  context: Context,
): Change => {
  assertMayRecord('record-immediate-risk', dvdsCase, context.actor);
  requireRationale(input.description, 'the immediate risk');
  return advance(
    dvdsCase,
    'record-immediate-risk',
    context,
    {
      immediateRisks: [
        ...dvdsCase.immediateRisks,
        { at: iso(context.now), by: officerOf(context.actor), description: input.description },
      ],
    },
    'Immediate risk recorded; supervisors and the Force Response inspector notified',
    immediateRiskEffects(dvdsCase, context),
  );
};

export const fastTrack = (
  dvdsCase: DvdsCase,
  input: { readonly reason: string },
  context: Context,
): Change => {
  assertMayRecord('fast-track', dvdsCase, context.actor);
  if (dvdsCase.immediateRisks.length === 0) {
    throw new RuleRefusedError(
      'Record the immediate risk before fast-tracking the case.',
      'Force policy PP/04 §9.13: immediate risk of harm is referred to the inspector',
    );
  }
  requireRationale(input.reason, 'fast-tracking');
  return advance(
    dvdsCase,
    'fast-track',
    context,
    {
      stage: 'forum-decision',
      fastTrack: { at: iso(context.now), by: officerOf(context.actor), reason: input.reason },
    },
    'Fast-tracked to a decision because of immediate risk',
  );
};

export const recordExceptionalCircumstances = (
  dvdsCase: DvdsCase,
  input: { readonly reason: string; readonly revisedDueDate: string },
  context: Context,
  holidays: HolidaySource,
): Change => {
  assertMayRecord('record-exceptional-circumstances', dvdsCase, context.actor);
  requireRationale(input.reason, 'the exceptional circumstances');
  const limit = overallDueWithoutExtension(dvdsCase, holidays);
  if (endOfLondonDay(input.revisedDueDate) <= limit) {
    throw new InvalidInputError([
      {
        field: 'revisedDueDate',
        message: `The new date must be after the limit of ${formatLondon(limit).split(',')[0]}`,
        anchor: 'revisedDueDate-day',
      },
    ]);
  }
  if (input.revisedDueDate < londonDateOf(context.now)) {
    throw new InvalidInputError([
      {
        field: 'revisedDueDate',
        message: 'The new date must be today or in the future',
        anchor: 'revisedDueDate-day',
      },
    ]);
  }
  return advance(
    dvdsCase,
    'record-exceptional-circumstances',
    context,
    {
      exceptionalCircumstances: {
        at: iso(context.now),
        by: officerOf(context.actor),
        reason: input.reason,
        revisedDueDate: input.revisedDueDate,
      },
    },
    `Exceptional circumstances recorded; decision now due by ${input.revisedDueDate}`,
  );
};

export interface ContactAttemptInput {
  readonly method: ContactMethod;
  readonly at: Date;
  readonly outcome: ContactOutcome;
  readonly note?: string;
}

/**
 * Logs a contact attempt, refusing one the safe-contact arrangements forbid (throws `ContactRefusedError`;
 * record the refusal with `recordRefusedContact`) and flagging one outside the times marked safe.
 */
export const logContactAttempt = (
  dvdsCase: DvdsCase,
  input: ContactAttemptInput,
  context: Context,
): Change => {
  assertMayRecord('log-contact-attempt', dvdsCase, context.actor);
  notAfterNow(input.at, context.now, 'at', 'The time of contact');
  const verdict = checkContact(safeContactOf(dvdsCase), input);
  if (verdict.verdict === 'refused') {
    throw new ContactRefusedError(verdict.reasons, {
      method: input.method,
      at: input.at,
      outcome: input.outcome,
    });
  }
  const attempt = {
    at: iso(input.at),
    recordedAt: iso(context.now),
    by: officerOf(context.actor),
    method: input.method,
    outcome: input.outcome,
    ...(input.note ? { note: input.note } : {}),
    flags: [...verdict.flags],
  };
  return advance(
    dvdsCase,
    'log-contact-attempt',
    context,
    { contactAttempts: [...dvdsCase.contactAttempts, attempt] },
    verdict.verdict === 'flagged'
      ? `Contact attempt logged (${input.method}), outside the times marked safe`
      : `Contact attempt logged (${input.method})`,
  );
};

/** Keeps the refused attempt on the case, so supervisors see who tried to contact the applicant unsafely. */
export const recordRefusedContact = (
  dvdsCase: DvdsCase,
  input: ContactAttemptInput,
  refusal: ContactRefusedError,
  context: Context,
): Change =>
  advance(
    dvdsCase,
    'log-contact-attempt',
    context,
    {
      refusedContacts: [
        ...dvdsCase.refusedContacts,
        {
          at: iso(input.at),
          recordedAt: iso(context.now),
          by: officerOf(context.actor),
          method: input.method,
          reasons: refusal.reasons.map((reason) => reason.message),
        },
      ],
    },
    `Contact by ${input.method} refused: it breaks the safe-contact arrangements`,
  );

export const takeOwnership = (dvdsCase: DvdsCase, context: Context): Change => {
  assertMayRecord('take-ownership', dvdsCase, context.actor);
  return advance(
    dvdsCase,
    'take-ownership',
    context,
    { owner: officerOf(context.actor) },
    'Took ownership of the case',
  );
};

// ----- Documents -----

export const attachDisclosureRecord = (
  dvdsCase: DvdsCase,
  ready: {
    readonly requestId: string;
    readonly documentId: string;
    readonly downloadPath: string;
    readonly sha256: string;
    readonly createdAt: Date;
  },
  now: Date,
): DvdsCase | undefined => {
  if (dvdsCase.disclosureRecord?.requestId !== ready.requestId) return undefined;
  if (dvdsCase.disclosureRecord.status === 'ready') return undefined;
  return {
    ...dvdsCase,
    version: dvdsCase.version + 1,
    updatedAt: iso(now),
    disclosureRecord: {
      ...dvdsCase.disclosureRecord,
      status: 'ready',
      documentId: ready.documentId,
      downloadPath: ready.downloadPath,
      sha256: ready.sha256,
      readyAt: iso(ready.createdAt),
    },
    history: [
      ...dvdsCase.history,
      event(now, 'disclosure-record-ready', 'system', 'Signed disclosure record stored'),
    ],
  };
};

export const disclosureRecordFailed = (
  dvdsCase: DvdsCase,
  requestId: string,
  now: Date,
): DvdsCase | undefined => {
  if (
    dvdsCase.disclosureRecord?.requestId !== requestId ||
    dvdsCase.disclosureRecord.status !== 'requested'
  ) {
    return undefined;
  }
  return {
    ...dvdsCase,
    version: dvdsCase.version + 1,
    updatedAt: iso(now),
    disclosureRecord: { ...dvdsCase.disclosureRecord, status: 'failed' },
    history: [
      ...dvdsCase.history,
      event(now, 'disclosure-record-failed', 'system', 'The signed disclosure record could not be made'),
    ],
  };
};

/** Who hears of a new case: the unit for an application; the inspectors who authorise a right to know. */
export const openingEffects = (dvdsCase: DvdsCase): Effect[] =>
  dvdsCase.route === 'right-to-know'
    ? [
        {
          kind: 'notify',
          audience: 'authorising-inspectors',
          title: `Right-to-know case ${dvdsCase.id} awaits an inspector's authorisation`,
          priority: 'urgent',
          key: `${dvdsCase.id}:opened`,
        },
      ]
    : [
        {
          kind: 'notify',
          audience: 'unit',
          title: `New disclosure scheme application ${dvdsCase.id}: initial checks due within 24 hours`,
          priority: 'routine',
          key: `${dvdsCase.id}:opened`,
        },
      ];
