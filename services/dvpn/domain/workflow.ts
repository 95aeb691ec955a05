import {
  addLondonDays,
  endOfLondonDay,
  formatLondon,
  type HolidaySource,
  londonDateOf,
} from '../../../shared/calendar/index.ts';
import { assertMayAuthorise } from './access.ts';
import { ageAt } from './age.ts';
import { affirmedConsiderations, type ConsiderationKey, considerationIssues } from './considerations.ts';
import { draftIssues, orderConditionIssues } from './draft-rules.ts';
import { InvalidInputError, NotPermittedError, RuleRefusedError, WrongStageError } from './errors.ts';
import type {
  Breach,
  CaseStatus,
  Change,
  DocumentRequest,
  DraftDetails,
  DvpnCase,
  DvpnEvent,
  Hearing,
  Officer,
  WarningThreshold,
} from './model.ts';
import { type OptionalCondition, type RulesPack, rulesPacks } from './rules-packs.ts';

/** Who is acting and when; the clock is passed in so the rules stay pure. */
export interface Context {
  readonly actor: Officer;
  readonly now: Date;
}

export const packOf = (dvpnCase: DvpnCase): RulesPack => rulesPacks[dvpnCase.pack.id];

const iso = (date: Date): string => date.toISOString();

const requireStatus = (dvpnCase: DvpnCase, allowed: readonly CaseStatus[], doing: string): void => {
  if (!allowed.includes(dvpnCase.status)) {
    throw new WrongStageError(`You cannot ${doing} at this stage of the notice.`);
  }
};

const advance = (
  dvpnCase: DvpnCase,
  now: Date,
  changes: Partial<DvpnCase>,
  events: readonly DvpnEvent[],
): Change => ({
  next: { ...dvpnCase, ...changes, version: dvpnCase.version + 1, updatedAt: iso(now) },
  events,
});

const assertDraftValid = (details: DraftDetails, pack: RulesPack, now: Date): void => {
  const issues = draftIssues(details, pack, now);
  if (issues.length > 0) throw new InvalidInputError(issues);
};

/** Conditions about premises cannot outlive the premises: drop any the draft no longer allows. */
const tidyDetails = (details: DraftDetails): DraftDetails => ({
  ...details,
  conditions: [...new Set(details.conditions)],
  stayAwayDistanceMetres: details.conditions.includes('stay-away')
    ? details.stayAwayDistanceMetres
    : undefined,
  children: {
    relevant: details.children.relevant,
    details: details.children.relevant ? details.children.details : '',
  },
});

export interface DraftCommand {
  readonly id: string;
  readonly details: DraftDetails;
  readonly pack: RulesPack;
  readonly unit: string;
}

/** Step 1: a constable or above drafts the notice under the pack in force. */
export const draftNotice = (command: DraftCommand, context: Context): Change => {
  assertDraftValid(command.details, command.pack, context.now);
  const at = iso(context.now);
  return {
    next: {
      id: command.id,
      pack: { id: command.pack.id, version: command.pack.version },
      status: 'draft',
      version: 1,
      details: tidyDetails(command.details),
      unit: command.unit,
      draftedBy: context.actor,
      draftedAt: at,
      updatedAt: at,
      warningsSent: [],
      hearings: [],
      breaches: [],
    },
    events: [{ kind: 'drafted', at }],
  };
};

export const updateDraft = (dvpnCase: DvpnCase, details: DraftDetails, context: Context): Change => {
  requireStatus(dvpnCase, ['draft'], 'change the draft');
  if (dvpnCase.draftedBy.collarNumber !== context.actor.collarNumber) {
    throw new NotPermittedError('Only the officer who drafted this notice can change it.');
  }
  assertDraftValid(details, packOf(dvpnCase), context.now);
  return advance(dvpnCase, context.now, { details: tidyDetails(details) }, [
    { kind: 'draft-updated', at: iso(context.now) },
  ]);
};

/** Step 2: ask the duty authorisers to decide. */
export const submitForAuthorisation = (dvpnCase: DvpnCase, context: Context): Change => {
  requireStatus(dvpnCase, ['draft'], 'submit the notice for authorisation');
  assertDraftValid(dvpnCase.details, packOf(dvpnCase), context.now);
  return advance(dvpnCase, context.now, { status: 'awaiting-authorisation', submittedAt: iso(context.now) }, [
    { kind: 'submitted', at: iso(context.now) },
  ]);
};

const assertMayDecide = (dvpnCase: DvpnCase, context: Context, pack: RulesPack): void => {
  assertMayAuthorise(context.actor, pack);
  requireStatus(dvpnCase, ['awaiting-authorisation'], 'decide on the notice');
  if (dvpnCase.draftedBy.collarNumber === context.actor.collarNumber) {
    throw new NotPermittedError(
      'You drafted this notice, so another officer must authorise or refuse it.',
      pack.authoriserSource,
    );
  }
};

export interface AuthoriseCommand {
  readonly affirmed: readonly ConsiderationKey[];
  readonly reasonableGrounds: string;
  /** Id of the request to the documents service for the signed notice. */
  readonly noticeRequestId: string;
}

/**
 * Step 3: the authoriser issues the notice. The recipient must be 18 or over on the day of issue (CSA 2010
 * s.24(2)), every consideration affirmed (s.24(3)-(4)) and the reasonable grounds stated (s.24(2)).
 */
export const authoriseNotice = (dvpnCase: DvpnCase, command: AuthoriseCommand, context: Context): Change => {
  const pack = packOf(dvpnCase);
  assertMayDecide(dvpnCase, context, pack);
  const age = ageAt(dvpnCase.details.recipient.dateOfBirth, context.now);
  if (age < pack.recipientMinimumAge) {
    throw new RuleRefusedError(
      `The recipient is ${age} today. A ${pack.noticeAbbreviation} can only be issued to a person aged ${pack.recipientMinimumAge} or over.`,
      pack.recipientAgeSource,
    );
  }
  if (pack.protectedPersonMinimumAge !== null) {
    const dateOfBirth = dvpnCase.details.protectedPerson.dateOfBirth;
    if (dateOfBirth === undefined || ageAt(dateOfBirth, context.now) < pack.protectedPersonMinimumAge) {
      throw new RuleRefusedError(
        `A ${pack.noticeAbbreviation} can only protect a person aged ${pack.protectedPersonMinimumAge} or over.`,
        pack.protectedPersonAgeSource,
      );
    }
  }
  const missing = considerationIssues(command.affirmed, dvpnCase.details, pack);
  const [firstMissing] = missing;
  if (firstMissing) throw new RuleRefusedError(firstMissing.message, firstMissing.source, firstMissing.field);
  const grounds = command.reasonableGrounds.trim();
  if (!grounds) {
    throw new RuleRefusedError(
      'Enter your reasonable grounds for believing the notice is needed',
      pack.testSource,
      'reasonableGrounds',
    );
  }
  const at = iso(context.now);
  return advance(
    dvpnCase,
    context.now,
    {
      status: 'authorised',
      decision: {
        outcome: 'authorised',
        by: context.actor,
        at,
        considerations: affirmedConsiderations(dvpnCase.details),
        reasonableGrounds: grounds,
      },
      notice: { status: 'pending', requestIds: [command.noticeRequestId], requestedAt: at },
    },
    [
      {
        kind: 'authorised',
        at,
        draftToAuthorisationMs: context.now.getTime() - new Date(dvpnCase.draftedAt).getTime(),
      },
      { kind: 'notice-requested', at, requestId: command.noticeRequestId },
    ],
  );
};

export const refuseNotice = (
  dvpnCase: DvpnCase,
  command: { readonly reason: string },
  context: Context,
): Change => {
  const pack = packOf(dvpnCase);
  assertMayDecide(dvpnCase, context, pack);
  const reason = command.reason.trim();
  if (!reason) {
    throw new RuleRefusedError('Enter the reason for refusing the notice', pack.testSource, 'reason');
  }
  const at = iso(context.now);
  return advance(
    dvpnCase,
    context.now,
    { status: 'refused', decision: { outcome: 'refused', by: context.actor, at, reason } },
    [{ kind: 'refused', at }],
  );
};

export interface DocumentAnswer {
  readonly requestId: string;
  readonly now: Date;
}

export interface DocumentReady extends DocumentAnswer {
  readonly documentId: string;
  readonly sha256?: string;
  readonly downloadPath?: string;
}

export interface DocumentFailed extends DocumentAnswer {
  /** A safe description for the officer; never the document's content. */
  readonly reason: string;
}

const answers = (request: DocumentRequest | undefined, requestId: string): request is DocumentRequest =>
  request?.requestIds.includes(requestId) === true;

/**
 * Step 4: the signed notice is back. Returns null when the answer changes nothing (a repeat, or an answer
 * to a request this case never made), so a redelivered message is harmless.
 */
export const noticeReady = (dvpnCase: DvpnCase, answer: DocumentReady): Change | null => {
  if (dvpnCase.status !== 'authorised' || !answers(dvpnCase.notice, answer.requestId)) return null;
  const at = iso(answer.now);
  return advance(
    dvpnCase,
    answer.now,
    {
      status: 'notice-issued',
      notice: {
        ...dvpnCase.notice,
        status: 'ready',
        documentId: answer.documentId,
        sha256: answer.sha256,
        downloadPath: answer.downloadPath,
        readyAt: at,
        failure: undefined,
      },
    },
    [{ kind: 'notice-issued', at }],
  );
};

/** The documents service could not make the notice: the case stays authorised, notice pending, with a retry. */
export const noticeFailed = (dvpnCase: DvpnCase, answer: DocumentFailed): Change | null => {
  if (dvpnCase.status !== 'authorised' || !answers(dvpnCase.notice, answer.requestId)) return null;
  if (dvpnCase.notice.status === 'failed') return null;
  return advance(
    dvpnCase,
    answer.now,
    { notice: { ...dvpnCase.notice, status: 'failed', failure: answer.reason.slice(0, 500) } },
    [{ kind: 'notice-failed', at: iso(answer.now) }],
  );
};

/** Ask the documents service again, after a failure or when no answer came. */
export const retryNotice = (dvpnCase: DvpnCase, requestId: string, context: Context): Change => {
  requireStatus(dvpnCase, ['authorised'], 'ask for the notice again');
  const notice = dvpnCase.notice;
  if (!notice) throw new WrongStageError('This notice has not been authorised.');
  const at = iso(context.now);
  return advance(
    dvpnCase,
    context.now,
    {
      notice: {
        ...notice,
        status: 'pending',
        requestIds: [...notice.requestIds, requestId],
        requestedAt: at,
        failure: undefined,
      },
    },
    [{ kind: 'notice-requested', at, requestId }],
  );
};

export interface ServiceCommand {
  readonly servedAt: Date;
  readonly place: string;
  readonly addressForHearingNotice: string | null;
}

/**
 * Step 5: personal service by a constable (CSA 2010 s.25(2)-(3)) starts the court clock: the application
 * must be heard within 48 hours, not counting Sundays, Christmas Day, Good Friday or bank holidays (s.27).
 */
export const recordService = (
  dvpnCase: DvpnCase,
  command: ServiceCommand,
  context: Context,
  holidays: HolidaySource,
): Change => {
  const pack = packOf(dvpnCase);
  const authorisedAt =
    dvpnCase.decision?.outcome === 'authorised' ? new Date(dvpnCase.decision.at) : undefined;
  if (dvpnCase.status === 'authorised') {
    throw new WrongStageError('The signed notice is not ready yet, so it cannot have been served.');
  }
  requireStatus(dvpnCase, ['notice-issued'], 'record service');
  // Officers enter times to the minute, so service in the minute of authorisation is not "before" it.
  if (!authorisedAt || command.servedAt.getTime() < Math.floor(authorisedAt.getTime() / 60_000) * 60_000) {
    throw new RuleRefusedError(
      `The time of service must be after the notice was authorised (${authorisedAt ? formatLondon(authorisedAt) : 'not yet'})`,
      pack.contentSource,
      'servedAt',
    );
  }
  if (command.servedAt.getTime() > context.now.getTime()) {
    throw new RuleRefusedError('The time of service must be in the past', pack.contentSource, 'servedAt');
  }
  const at = iso(context.now);
  const hearingDueBy = iso(pack.hearingDeadline(command.servedAt, holidays));
  return advance(
    dvpnCase,
    context.now,
    {
      status: 'served',
      service: {
        servedAt: iso(command.servedAt),
        place: command.place.trim(),
        servedBy: context.actor,
        addressForHearingNotice: command.addressForHearingNotice?.trim() || null,
        hearingDueBy,
        recordedBy: context.actor,
        recordedAt: at,
      },
    },
    [{ kind: 'served', at: iso(command.servedAt), hearingDueBy }],
  );
};

const durationIssue = (days: number | null, pack: RulesPack, field: string): RuleRefusedError | null => {
  const { minimumDays, maximumDays } = pack.orderDuration;
  if (days === null) {
    return maximumDays === null
      ? null
      : new RuleRefusedError(
          `Enter how many days the ${pack.orderAbbreviation} lasts, from ${minimumDays} to ${maximumDays}`,
          pack.orderDurationSource,
          field,
        );
  }
  if (days < minimumDays || (maximumDays !== null && days > maximumDays)) {
    return new RuleRefusedError(
      maximumDays === null
        ? `A ${pack.orderAbbreviation} must last at least ${minimumDays} day${minimumDays === 1 ? '' : 's'}`
        : `A ${pack.orderAbbreviation} must last from ${minimumDays} to ${maximumDays} days`,
      pack.orderDurationSource,
      field,
    );
  }
  return null;
};

const assertOrderConditions = (
  conditions: readonly OptionalCondition[],
  distance: number | undefined,
  dvpnCase: DvpnCase,
  pack: RulesPack,
): void => {
  const [issue] = orderConditionIssues(conditions, dvpnCase.details, distance, pack);
  if (issue) throw new RuleRefusedError(issue.message, issue.source ?? pack.conditionsSource, issue.field);
};

export interface ApplicationCommand {
  readonly court: string;
  readonly conditionsSought: readonly OptionalCondition[];
  readonly stayAwayDistanceMetres?: number;
  readonly durationSoughtDays: number | null;
  readonly summary: string;
  /** Id of the request to the documents service for the signed application pack. */
  readonly packRequestId: string;
}

/** Step 6: a constable applies for the order (CSA 2010 s.27(1)); the documents service makes the court pack. */
export const prepareApplication = (
  dvpnCase: DvpnCase,
  command: ApplicationCommand,
  context: Context,
): Change => {
  const pack = packOf(dvpnCase);
  requireStatus(dvpnCase, ['served'], 'prepare the application');
  if (dvpnCase.application) throw new WrongStageError('The application has already been prepared.');
  const durationError = durationIssue(command.durationSoughtDays, pack, 'durationSoughtDays');
  if (durationError) throw durationError;
  assertOrderConditions(command.conditionsSought, command.stayAwayDistanceMetres, dvpnCase, pack);
  const at = iso(context.now);
  return advance(
    dvpnCase,
    context.now,
    {
      application: {
        court: command.court.trim(),
        conditionsSought: [...new Set(command.conditionsSought)],
        stayAwayDistanceMetres: command.conditionsSought.includes('stay-away')
          ? command.stayAwayDistanceMetres
          : undefined,
        durationSoughtDays: command.durationSoughtDays,
        summary: command.summary.trim(),
        preparedBy: context.actor,
        preparedAt: at,
        pack: { status: 'pending', requestIds: [command.packRequestId], requestedAt: at },
      },
    },
    [{ kind: 'application-prepared', at, requestId: command.packRequestId }],
  );
};

export const applicationPackReady = (dvpnCase: DvpnCase, answer: DocumentReady): Change | null => {
  const application = dvpnCase.application;
  if (!application || !answers(application.pack, answer.requestId) || application.pack.status === 'ready') {
    return null;
  }
  const at = iso(answer.now);
  return advance(
    dvpnCase,
    answer.now,
    {
      application: {
        ...application,
        pack: {
          ...application.pack,
          status: 'ready',
          documentId: answer.documentId,
          sha256: answer.sha256,
          downloadPath: answer.downloadPath,
          readyAt: at,
          failure: undefined,
        },
      },
    },
    [{ kind: 'application-pack-ready', at }],
  );
};

export const applicationPackFailed = (dvpnCase: DvpnCase, answer: DocumentFailed): Change | null => {
  const application = dvpnCase.application;
  if (!application || !answers(application.pack, answer.requestId) || application.pack.status !== 'pending') {
    return null;
  }
  return advance(
    dvpnCase,
    answer.now,
    {
      application: {
        ...application,
        pack: { ...application.pack, status: 'failed', failure: answer.reason.slice(0, 500) },
      },
    },
    [{ kind: 'application-pack-failed', at: iso(answer.now) }],
  );
};

export const retryApplicationPack = (dvpnCase: DvpnCase, requestId: string, context: Context): Change => {
  const application = dvpnCase.application;
  if (!application) throw new WrongStageError('The application has not been prepared.');
  if (application.pack.status === 'ready')
    throw new WrongStageError('The application pack is already ready.');
  const at = iso(context.now);
  return advance(
    dvpnCase,
    context.now,
    {
      application: {
        ...application,
        pack: {
          ...application.pack,
          status: 'pending',
          requestIds: [...application.pack.requestIds, requestId],
          requestedAt: at,
          failure: undefined,
        },
      },
    },
    [{ kind: 'application-pack-requested', at, requestId }],
  );
};

export type HearingCommand =
  | {
      readonly outcome: 'granted';
      readonly heardAt: Date;
      readonly conditions: readonly OptionalCondition[];
      readonly stayAwayDistanceMetres?: number;
      readonly durationDays: number | null;
    }
  | { readonly outcome: 'refused'; readonly heardAt: Date; readonly reason: string }
  | {
      readonly outcome: 'adjourned';
      readonly heardAt: Date;
      readonly adjournedTo: Date;
      readonly reason: string;
    };

/**
 * The last moment an order is in force: it lasts the given number of days beginning with the day it is
 * made (CSA 2010 s.28(10)), so it ends at midnight London time closing the last of them.
 */
export const orderExpiry = (madeAt: Date, durationDays: number): Date =>
  endOfLondonDay(addLondonDays(londonDateOf(madeAt), durationDays - 1));

/** Step 6 (court): record the hearing; an adjournment keeps the notice in force (CSA 2010 s.27). */
export const recordHearing = (dvpnCase: DvpnCase, command: HearingCommand, context: Context): Change => {
  const pack = packOf(dvpnCase);
  requireStatus(dvpnCase, ['served', 'adjourned'], 'record a hearing');
  const service = dvpnCase.service;
  if (!service) throw new WrongStageError('Service has not been recorded.');
  if (!dvpnCase.application) {
    throw new WrongStageError(
      `Prepare the ${pack.orderAbbreviation} application before recording the hearing.`,
    );
  }
  const heardAt = command.heardAt.getTime();
  if (heardAt <= new Date(service.servedAt).getTime()) {
    throw new RuleRefusedError(
      `The hearing must be after the notice was served (${formatLondon(service.servedAt)})`,
      pack.clockSource,
      'heardAt',
    );
  }
  const previous = dvpnCase.hearings.at(-1);
  if (previous && heardAt <= new Date(previous.heardAt).getTime()) {
    throw new RuleRefusedError(
      `The hearing must be after the previous hearing (${formatLondon(previous.heardAt)})`,
      pack.clockSource,
      'heardAt',
    );
  }
  if (heardAt > context.now.getTime()) {
    throw new RuleRefusedError('The hearing must be in the past', pack.clockSource, 'heardAt');
  }
  const base = { heardAt: iso(command.heardAt), recordedBy: context.actor, recordedAt: iso(context.now) };
  let hearing: Hearing;
  let status: CaseStatus;
  switch (command.outcome) {
    case 'granted': {
      const durationError = durationIssue(command.durationDays, pack, 'durationDays');
      if (durationError) throw durationError;
      assertOrderConditions(command.conditions, command.stayAwayDistanceMetres, dvpnCase, pack);
      hearing = {
        ...base,
        outcome: 'granted',
        conditions: [...new Set(command.conditions)],
        stayAwayDistanceMetres: command.conditions.includes('stay-away')
          ? command.stayAwayDistanceMetres
          : undefined,
        durationDays: command.durationDays,
        expiresAt:
          command.durationDays === null ? null : iso(orderExpiry(command.heardAt, command.durationDays)),
      };
      status = 'order-granted';
      break;
    }
    case 'refused':
      hearing = { ...base, outcome: 'refused', reason: command.reason.trim() };
      status = 'order-refused';
      break;
    case 'adjourned':
      if (command.adjournedTo.getTime() <= heardAt) {
        throw new RuleRefusedError(
          'The adjourned hearing must be after this hearing',
          pack.clockSource,
          'adjournedTo',
        );
      }
      hearing = {
        ...base,
        outcome: 'adjourned',
        adjournedTo: iso(command.adjournedTo),
        reason: command.reason.trim(),
      };
      status = 'adjourned';
      break;
  }
  const first = dvpnCase.hearings.length === 0;
  return advance(dvpnCase, context.now, { status, hearings: [...dvpnCase.hearings, hearing] }, [
    {
      kind: 'hearing-recorded',
      at: base.heardAt,
      outcome: command.outcome,
      ...(first ? { serviceToHearingMs: heardAt - new Date(service.servedAt).getTime() } : {}),
    },
  ]);
};

/** Whether the first hearing began inside the statutory clock. Null before any hearing. */
export const heardWithinTime = (dvpnCase: DvpnCase): boolean | null => {
  const [first] = dvpnCase.hearings;
  if (!first || !dvpnCase.service) return null;
  return new Date(first.heardAt).getTime() <= new Date(dvpnCase.service.hearingDueBy).getTime();
};

/** What was in force at an instant: the notice from service until the court decided, then any order. */
export const inForceAt = (dvpnCase: DvpnCase, at: Date): 'notice' | 'order' | null => {
  const t = at.getTime();
  const service = dvpnCase.service;
  if (!service || t < new Date(service.servedAt).getTime()) return null;
  const decided = dvpnCase.hearings.find((hearing) => hearing.outcome !== 'adjourned');
  if (!decided || t < new Date(decided.heardAt).getTime()) return 'notice';
  if (decided.outcome !== 'granted') return null;
  return decided.expiresAt === null || t <= new Date(decided.expiresAt).getTime() ? 'order' : null;
};

export interface BreachCommand {
  readonly id: string;
  readonly occurredAt: Date;
  readonly description: string;
  readonly arrested: boolean;
}

/** A breach of the notice (CSA 2010 s.26) or of the order (s.29), whichever was in force at the time. */
export const recordBreach = (dvpnCase: DvpnCase, command: BreachCommand, context: Context): Change => {
  const pack = packOf(dvpnCase);
  requireStatus(dvpnCase, ['served', 'adjourned', 'order-granted', 'order-refused'], 'record a breach');
  if (command.occurredAt.getTime() > context.now.getTime()) {
    throw new RuleRefusedError('The time of the breach must be in the past', pack.arrestSource, 'occurredAt');
  }
  const of = inForceAt(dvpnCase, command.occurredAt);
  if (!of) {
    throw new RuleRefusedError(
      `Neither the ${pack.noticeAbbreviation} nor a ${pack.orderAbbreviation} was in force at that time`,
      pack.arrestSource,
      'occurredAt',
    );
  }
  const breach: Breach = {
    id: command.id,
    of,
    occurredAt: iso(command.occurredAt),
    description: command.description.trim(),
    arrested: command.arrested,
    recordedBy: context.actor,
    recordedAt: iso(context.now),
  };
  return advance(dvpnCase, context.now, { breaches: [...dvpnCase.breaches, breach] }, [
    { kind: 'breach-recorded', at: iso(context.now) },
  ]);
};

const warningLeadMs: Readonly<Record<WarningThreshold, number>> = {
  '24h': 24 * 3_600_000,
  '6h': 6 * 3_600_000,
};

/**
 * The court-clock warnings now due: 24 hours and 6 hours before the latest hearing time, while no hearing
 * has been recorded. When both are due at once (service recorded late) only the nearer is worth sending,
 * but both are marked sent.
 */
export const dueWarnings = (dvpnCase: DvpnCase, now: Date): WarningThreshold[] => {
  if (dvpnCase.status !== 'served' || !dvpnCase.service) return [];
  const due = new Date(dvpnCase.service.hearingDueBy).getTime();
  return (Object.keys(warningLeadMs) as WarningThreshold[]).filter(
    (threshold) =>
      !dvpnCase.warningsSent.includes(threshold) && now.getTime() >= due - warningLeadMs[threshold],
  );
};

export const markWarningsSent = (
  dvpnCase: DvpnCase,
  thresholds: readonly WarningThreshold[],
  now: Date,
): Change => {
  const at = iso(now);
  return advance(
    dvpnCase,
    now,
    { warningsSent: [...new Set([...dvpnCase.warningsSent, ...thresholds])] },
    thresholds.map((threshold) => ({ kind: 'warning-sent' as const, at, threshold })),
  );
};
