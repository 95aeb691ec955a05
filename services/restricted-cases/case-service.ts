import { type AuditLog, accessRecord, staffActor } from '../../shared/audit/audit-log.ts';
import { type AuditEntry, CaseRef, type ChainVerification } from '../../shared/audit/chain.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import {
  type DocumentReply,
  DocumentRequested,
  documentRequestsQueue,
} from '../../shared/contracts/documents.ts';
import {
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../shared/contracts/staff-notification.ts';
import { createMessage } from '../../shared/messaging/publish.ts';
import { AccessAttempted, accessAlertsQueue, documentRepliesQueue } from './contracts.ts';
import {
  type AccessAction,
  type AccessDecision,
  decideAccess,
  deniedReasons,
  describeDecision,
} from './domain/access.ts';
import { addConflict, addMember, removeConflict, removeMember } from './domain/access-list.ts';
import { accessReportInput } from './domain/access-report.ts';
import { type AccessAlert, auditActions, auditReason } from './domain/alerts.ts';
import { type AllegationCommand, mayRecordAllegation, recordAllegation } from './domain/allegation.ts';
import {
  type DirectoryEntry,
  maximumChainLength,
  normaliseCollarNumber,
  type StaffDirectory,
  staffRefOf,
} from './domain/directory.ts';
import { CaseNotFoundError, NotPermittedError, RuleRefusedError, WrongStageError } from './domain/errors.ts';
import { caseIdFrom, grantIdFrom, normaliseCaseReference } from './domain/ids.ts';
import {
  type CaseFile,
  CaseId,
  type ConflictRelation,
  type Grant,
  type OutcomeKind,
  type RestrictedCase,
} from './domain/model.ts';
import { type Notice, notificationOf } from './domain/notices.ts';
import { closeCase, recordOutcome } from './domain/outcome.ts';
import type { AttemptLog, CaseRepository, Outgoing } from './domain/ports.ts';
import {
  changeRestriction,
  liftRestriction,
  type RestrictionCommand,
  restrictCase,
} from './domain/restriction.ts';
import type { Recipient } from './domain/routing.ts';
import {
  breakGlass,
  decideSafeguardingRequest,
  type GrantDecisionCommand,
  requestSafeguardingAccess,
  reviewBreakGlass,
} from './domain/safeguarding.ts';
import { searchKeysOf } from './domain/search.ts';
import {
  type IncidentCommand,
  logWorkplaceIncident,
  reportAsStaffVictim,
  type SharingCommand,
  shareWithoutConsent,
  type VictimReportCommand,
} from './domain/victim-report.ts';

/**
 * The use cases behind the pages: each loads the case, asks `decideAccess`, writes the audit entry (allowed
 * or denied) with PSD's alert before anything is shown or changed, and only then shows or saves. Ports
 * only: the AWS adapters are wired in composition-root.ts.
 */

export const serviceName = 'restricted-cases';

export interface ServiceDependencies {
  readonly cases: CaseRepository;
  readonly directory: StaffDirectory;
  readonly auditLog: AuditLog;
  /** Each access attempt's audit entry with PSD's alert. */
  readonly attempts: AttemptLog;
  readonly randomBytes: (size: number) => Uint8Array;
  readonly newUuid: () => string;
}

export interface Caller {
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
}

/** The chain a reference that could name no case is recorded on (it may hold characters a key cannot). */
export const unrecognisedReference = 'unrecognised-reference';

export const caseRefOf = (caseId: string): CaseRef => {
  const parsed = CaseRef.safeParse({ service: serviceName, caseId });
  return parsed.success ? parsed.data : { service: serviceName, caseId: unrecognisedReference };
};

export const decide = (
  principal: Principal,
  file: CaseFile,
  action: AccessAction,
  now: Date,
): AccessDecision =>
  decideAccess({
    principal,
    theCase: file.case,
    accessList: { members: file.members, conflicts: file.conflicts },
    grants: file.grants,
    now,
    action,
  });

const noSuchCase: AccessDecision = { allowed: false, reason: 'no-such-case' };

const loadCase = async (deps: ServiceDependencies, reference: string): Promise<CaseFile | undefined> => {
  const caseId = normaliseCaseReference(reference);
  return CaseId.safeParse(caseId).success ? deps.cases.load(caseId) : undefined;
};

const noticeMessage = (notice: Notice, caseId: string, caller: Caller): Outgoing => ({
  queue: staffNotificationsQueue,
  message: createMessage(
    StaffNotificationRequested,
    notificationOf(notice, { service: serviceName, caseId }),
    { correlationId: caller.correlationId, now: caller.now },
  ),
});

interface CallerEntry {
  readonly caseRef: CaseRef;
  readonly action: string;
  readonly reason: string;
  readonly outcome: 'allowed' | 'denied';
}

/** The caller's entry for an audit chain. */
const entryOf = (caller: Caller, entry: CallerEntry) =>
  accessRecord({
    principal: caller.principal,
    ...entry,
    correlationId: caller.correlationId,
    now: caller.now,
  });

/**
 * The caller's entry on an audit chain. It alerts no one: `recordAttempt` writes PSD's alert with the entry
 * where the chain is a case's.
 */
const audit = (deps: ServiceDependencies, caller: Caller, entry: CallerEntry) =>
  deps.auditLog.record(entryOf(caller, entry));

interface Attempt {
  readonly reference: string;
  readonly file: CaseFile | undefined;
  readonly action: AccessAction;
  readonly decision: AccessDecision;
  readonly reasonGiven?: string | undefined;
  /** The rule that refused what an allowed person asked for (a missing reason, a past end date). */
  readonly refusedBecause?: string | undefined;
}

/**
 * Writes the attempt to the case's audit chain together with PSD's alert (`AttemptLog`): both are kept, or
 * neither is and the request fails before anything is shown.
 */
export const recordAttempt = async (
  deps: ServiceDependencies,
  caller: Caller,
  attempt: Attempt,
): Promise<AccessAlert> => {
  const caseRef = caseRefOf(attempt.file?.case.id ?? normaliseCaseReference(attempt.reference));
  const allowed = attempt.decision.allowed && attempt.refusedBecause === undefined;
  const decision = attempt.refusedBecause
    ? `${describeDecision(attempt.decision)}; refused: ${attempt.refusedBecause}`
    : describeDecision(attempt.decision);
  const reasonGiven = attempt.reasonGiven?.trim().slice(0, 2000);
  const alert: AccessAlert = {
    id: deps.newUuid(),
    caseId: caseRef.caseId,
    caseKnown: attempt.file !== undefined,
    action: attempt.action,
    outcome: allowed ? 'allowed' : 'denied',
    decision: decision.slice(0, 200),
    actor: staffActor(caller.principal),
    at: caller.now.toISOString(),
    ...(reasonGiven ? { reasonGiven } : {}),
    ...(attempt.file?.case.supervisingOfficer
      ? { supervisingOfficer: attempt.file.case.supervisingOfficer }
      : {}),
  };
  await deps.attempts.record(
    entryOf(caller, {
      caseRef,
      action: auditActions[attempt.action],
      reason: auditReason(decision, attempt.reasonGiven),
      outcome: alert.outcome,
    }),
    {
      queue: accessAlertsQueue,
      message: createMessage(AccessAttempted, alert, {
        correlationId: caller.correlationId,
        now: caller.now,
        id: alert.id,
      }),
    },
  );
  return alert;
};

/** What the access rules say of the caller doing `action` to the case found, or of a reference naming none. */
const decisionOn = (caller: Caller, file: CaseFile | undefined, action: AccessAction): AccessDecision =>
  file ? decide(caller.principal, file, action, caller.now) : noSuchCase;

interface Attempted {
  readonly file: CaseFile | undefined;
  readonly decision: AccessDecision;
}

/**
 * How every look at a case begins: the case the reference names is loaded, the attempt decided and recorded
 * (`recordAttempt`: the audit entry with PSD's alert) before anything is shown. `action` may depend on the
 * case found; `decideOn` stands in for the access rules where the use case has a rule of its own.
 */
const attemptOn = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  action: AccessAction | ((file: CaseFile | undefined) => AccessAction),
  decideOn: (file: CaseFile | undefined, action: AccessAction) => AccessDecision = (file, asked) =>
    decisionOn(caller, file, asked),
): Promise<Attempted> => {
  const file = await loadCase(deps, reference);
  const asked = typeof action === 'function' ? action(file) : action;
  const decision = decideOn(file, asked);
  await recordAttempt(deps, caller, { reference, file, action: asked, decision });
  return { file, decision };
};

/** The case, if the caller may see it; otherwise the same "not found" as for a case that does not exist. */
const seenOrNotFound = ({ file, decision }: Attempted): CaseFile => {
  if (!file || !decision.allowed) throw new CaseNotFoundError();
  return file;
};

/** Someone who may not even see the case is told it does not exist; someone who may, which rule stops them. */
const refusalFor = (caller: Caller, file: CaseFile, decision: AccessDecision): Error => {
  if (decision.allowed || !decide(caller.principal, file, 'open', caller.now).allowed)
    return new CaseNotFoundError();
  return new NotPermittedError(`You cannot do this: ${deniedReasons[decision.reason]}.`);
};

/** The case, if the caller may do what they asked; otherwise "not found", or the rule that stops them. */
const permittedOrRefused = (caller: Caller, { file, decision }: Attempted): CaseFile => {
  if (!file) throw new CaseNotFoundError();
  if (!decision.allowed) throw refusalFor(caller, file, decision);
  return file;
};

/** Opens a case: the same "not found" for a case that does not exist and one this person may not see. */
export const openCase = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
): Promise<CaseFile> => seenOrNotFound(await attemptOn(deps, caller, reference, 'open'));

interface Change {
  readonly file: CaseFile;
  readonly notices?: readonly Notice[];
  readonly messages?: readonly Outgoing[];
}

const isRefusal = (error: unknown): error is RuleRefusedError | WrongStageError =>
  error instanceof RuleRefusedError || error instanceof WrongStageError;

/**
 * One change to a case: decided, audited (a refusal by the rules is audited as denied, with the rule),
 * alerted, then saved with its notices in one transaction. Someone who may not even see the case gets
 * "not found"; someone who may see it but not do this gets the rule that stops them.
 */
const changeCase = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  action: AccessAction,
  reasonGiven: string | undefined,
  compute: (file: CaseFile) => Change,
): Promise<CaseFile> => {
  const found = await loadCase(deps, reference);
  const decision = decisionOn(caller, found, action);
  let change: Change | undefined;
  let refusal: RuleRefusedError | WrongStageError | undefined;
  if (found && decision.allowed) {
    try {
      change = compute(found);
    } catch (error) {
      if (!isRefusal(error)) throw error;
      refusal = error;
    }
  }
  await recordAttempt(deps, caller, {
    reference,
    file: found,
    action,
    decision,
    reasonGiven,
    refusedBecause: refusal?.message,
  });
  const file = permittedOrRefused(caller, { file: found, decision });
  if (refusal || !change) throw refusal ?? new WrongStageError('Nothing was changed.');
  const next: CaseFile = { ...change.file, case: { ...change.file.case, version: file.case.version + 1 } };
  const messages = [
    ...(change.notices ?? []).map((notice) => noticeMessage(notice, file.case.id, caller)),
    ...(change.messages ?? []),
  ];
  await deps.cases.save(file, next, messages);
  return next;
};

// ----- The two ways in -----

/** The people around the given staff: each one's line managers, and the named posts. */
const directoryAround = async (
  directory: StaffDirectory,
  starts: readonly (DirectoryEntry | undefined)[],
  collarNumbers: readonly string[],
): Promise<Map<string, DirectoryEntry>> => {
  const found = new Map<string, DirectoryEntry>();
  for (const collar of collarNumbers) {
    const entry = await directory.find(collar);
    if (entry) found.set(entry.collarNumber, entry);
  }
  for (const start of starts) {
    let next = start?.lineManager;
    for (let step = 0; next && step < maximumChainLength; step++) {
      const entry = found.get(next) ?? (await directory.find(next));
      if (!entry) break;
      found.set(entry.collarNumber, entry);
      next = entry.lineManager;
    }
  }
  return found;
};

const refusalsChain = (caseId: string): CaseRef => ({ service: serviceName, caseId });

/** A new case: its making audited on its own chain, then the case stored with its notices in one transaction. */
const storeNewCase = async (
  deps: ServiceDependencies,
  caller: Caller,
  made: { readonly file: CaseFile; readonly notices: readonly Notice[] },
  entry: { readonly action: string; readonly reason: string },
): Promise<void> => {
  const id = made.file.case.id;
  await audit(deps, caller, { caseRef: refusalsChain(id), ...entry, outcome: 'allowed' });
  await deps.cases.create(
    made.file,
    made.notices.map((notice) => noticeMessage(notice, id, caller)),
  );
};

export const mayRecord = async (deps: ServiceDependencies, principal: Principal): Promise<boolean> =>
  mayRecordAllegation(principal, await deps.directory.find(principal.collarNumber));

export interface RecordedAllegationSummary {
  readonly caseId: string;
  readonly recipients: readonly Recipient[];
}

/** PP/04 §7.2: an allegation against a member of staff, recorded by the inspector or manager who received it. */
export const recordNewAllegation = async (
  deps: ServiceDependencies,
  caller: Caller,
  command: AllegationCommand,
): Promise<RecordedAllegationSummary> => {
  const recorderEntry = await deps.directory.find(caller.principal.collarNumber);
  if (!mayRecordAllegation(caller.principal, recorderEntry)) {
    await audit(deps, caller, {
      caseRef: refusalsChain('allegation-refusals'),
      action: 'record-allegation',
      reason:
        'denied: only an inspector or above, or a police staff manager, records an allegation (PP/04 §7.2)',
      outcome: 'denied',
    });
    throw new NotPermittedError(
      'Only an inspector or above, or a police staff manager, records an allegation. Tell your inspector or manager now.',
    );
  }
  const leads = await deps.directory.leads();
  const suspect = await deps.directory.find(normaliseCollarNumber(command.suspectCollarNumber));
  const directory = await directoryAround(deps.directory, [suspect], [leads.domesticAbuseSupervisor]);
  const id = caseIdFrom(deps.randomBytes(8));
  const recorded = recordAllegation(command, {
    recorder: caller.principal,
    recorderEntry,
    suspect,
    directory,
    leads,
    id,
    now: caller.now,
  });
  await storeNewCase(deps, caller, recorded, {
    action: 'record-allegation',
    reason: `allowed: ${command.receivedAs === 'admission' ? 'admission by a member of staff' : 'allegation received'}; notified ${recorded.recipients.map((r) => r.label).join(', ')}`,
  });
  return { caseId: id, recipients: recorded.recipients };
};

export interface AllegationConfirmation {
  readonly caseId: string;
  readonly notified: readonly string[];
  readonly recordedAt: string;
}

/**
 * The confirmation page of whoever recorded an allegation: its reference and who was told, nothing more,
 * since they may be barred from the case itself. Anyone else gets the one "not found".
 */
export const recordedAllegation = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
): Promise<AllegationConfirmation> => {
  const recordedByCaller = (file: CaseFile | undefined) =>
    file?.case.kind === 'allegation' && file.case.createdBy.collarNumber === caller.principal.collarNumber;
  const file = seenOrNotFound(
    await attemptOn(deps, caller, reference, 'open', (found, action) =>
      recordedByCaller(found)
        ? { allowed: true, reason: 'recorded-the-allegation' }
        : decisionOn(caller, found, action),
    ),
  );
  return {
    caseId: file.case.id,
    notified: file.case.notified.map((recipient) => recipient.label),
    recordedAt: file.case.createdAt,
  };
};

/** PP/04 §7.1: a member of staff who is a victim reports confidentially; they are on their own report's list. */
export const makeVictimReport = async (
  deps: ServiceDependencies,
  caller: Caller,
  command: VictimReportCommand,
): Promise<string> => {
  const leads = await deps.directory.leads();
  const reporterEntry = await deps.directory.find(caller.principal.collarNumber);
  const named = command.abuserCollarNumber?.trim();
  const abuser = named ? await deps.directory.find(normaliseCollarNumber(named)) : undefined;
  const directory = await directoryAround(
    deps.directory,
    [abuser],
    [leads.workplaceChampion, ...(reporterEntry?.lineManager ? [reporterEntry.lineManager] : [])],
  );
  const id = caseIdFrom(deps.randomBytes(8));
  const made = reportAsStaffVictim(command, {
    reporter: caller.principal,
    reporterEntry,
    abuser,
    directory,
    leads,
    id,
    now: caller.now,
  });
  await storeNewCase(deps, caller, made, {
    action: 'make-confidential-report',
    reason: 'allowed: a member of staff reporting as a victim (PP/04 §7.1)',
  });
  return id;
};

export const logIncident = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  command: IncidentCommand,
) =>
  changeCase(deps, caller, reference, 'log-workplace-incident', undefined, (file) => ({
    file: logWorkplaceIncident(file, command, { id: deps.newUuid(), now: caller.now }),
  }));

export const recordSharingWithoutConsent = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  command: SharingCommand,
) =>
  changeCase(deps, caller, reference, 'share-without-consent', command.reason, (file) => {
    const shared = shareWithoutConsent(file, command, staffRefOf(caller.principal), caller.now);
    return { file: shared.file, notices: [shared.notice] };
  });

// ----- Finding cases -----

/** Each case found is an attempt (audited, alerted); only those the person may see come back. */
const visible = async (
  deps: ServiceDependencies,
  caller: Caller,
  ids: Iterable<string>,
  action: 'search' | 'list',
): Promise<CaseFile[]> => {
  const files = (await Promise.all([...new Set(ids)].map((id) => deps.cases.load(id)))).filter(
    (file): file is CaseFile => file !== undefined,
  );
  const shown = await Promise.all(
    files.map(async (file) => {
      const decision = decisionOn(caller, file, action);
      await recordAttempt(deps, caller, { reference: file.case.id, file, action, decision });
      return decision.allowed ? file : undefined;
    }),
  );
  return shown
    .filter((file): file is CaseFile => file !== undefined)
    .sort((a, b) => b.case.createdAt.localeCompare(a.case.createdAt));
};

/**
 * A search by reference, crime number or suspect's collar number. A case the person may not see is left
 * out without trace: not in the results, not in the count (APP "Access to records").
 */
export const searchCases = async (
  deps: ServiceDependencies,
  caller: Caller,
  term: string,
): Promise<CaseFile[]> => {
  const keys = searchKeysOf(term);
  const ids = [
    ...(keys.caseId ? [keys.caseId] : []),
    ...(keys.crimeNumber ? await deps.cases.idsByCrimeNumber(keys.crimeNumber) : []),
    ...(keys.collarNumber ? await deps.cases.idsBySuspect(keys.collarNumber) : []),
  ];
  return visible(deps, caller, ids, 'search');
};

/** The cases this person is on the list of (their own confidential reports among them). */
export const myCases = async (deps: ServiceDependencies, caller: Caller): Promise<CaseFile[]> =>
  visible(deps, caller, await deps.cases.idsByMember(caller.principal.collarNumber), 'list');

/** PSD's console: every case, open ones first, each listing audited. */
export const allCases = async (deps: ServiceDependencies, caller: Caller): Promise<CaseFile[]> => {
  const open = await deps.cases.listCases('open', 100);
  const closed = await deps.cases.listCases('closed', 50);
  const ids = [...open, ...closed].map((theCase: RestrictedCase) => theCase.id);
  const shown = await visible(deps, caller, ids, 'list');
  return [
    ...shown.filter((file) => file.case.stage !== 'closed'),
    ...shown.filter((file) => file.case.stage === 'closed'),
  ];
};

// ----- Restriction -----

export type RestrictionOperation = 'restrict' | 'change' | 'lift';

const restrictionAction: Record<RestrictionOperation, AccessAction> = {
  restrict: 'restrict',
  change: 'change-restriction',
  lift: 'lift-restriction',
};

/** PP/04 §7.2: on the authority of a chief inspector or above, with a reason; the same to change or lift it. */
export const changeCaseRestriction = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  operation: RestrictionOperation,
  command: RestrictionCommand,
) =>
  changeCase(deps, caller, reference, restrictionAction[operation], command.reason, (file) => {
    const by = staffRefOf(caller.principal);
    if (operation === 'restrict') return { file: restrictCase(file, command, by, caller.now) };
    if (operation === 'change') return { file: changeRestriction(file, command, by, caller.now) };
    return { file: liftRestriction(file, command, by, caller.now) };
  });

// ----- The access list (PSD) -----

export type AccessListCommand =
  | {
      readonly operation: 'add-member';
      readonly collarNumber: string;
      readonly role: 'investigating-team' | 'named';
      readonly reason: string;
      readonly until?: Date | undefined;
    }
  | { readonly operation: 'remove-member'; readonly collarNumber: string; readonly reason: string }
  | {
      readonly operation: 'add-conflict';
      readonly collarNumber: string;
      readonly relation: ConflictRelation;
      readonly reason: string;
    }
  | { readonly operation: 'remove-conflict'; readonly collarNumber: string; readonly reason: string };

export const manageAccessList = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  command: AccessListCommand,
) => {
  const collar = normaliseCollarNumber(command.collarNumber);
  const person =
    command.operation === 'add-member' || command.operation === 'add-conflict'
      ? await deps.directory.find(collar)
      : undefined;
  const by = staffRefOf(caller.principal);
  return changeCase(deps, caller, reference, 'manage-access-list', command.reason, (file) => {
    switch (command.operation) {
      case 'add-member':
        return {
          file: addMember(
            file,
            { person, role: command.role, reason: command.reason, until: command.until },
            by,
            caller.now,
          ),
        };
      case 'remove-member':
        return { file: removeMember(file, collar, command.reason) };
      case 'add-conflict':
        return {
          file: addConflict(
            file,
            { person, relation: command.relation, reason: command.reason },
            by,
            caller.now,
          ),
        };
      case 'remove-conflict':
        return { file: removeConflict(file, collar, command.reason) };
    }
  });
};

// ----- Safeguarding access -----

const safeguardingTargets = async (deps: ServiceDependencies, term: string): Promise<string[]> => {
  const keys = searchKeysOf(term);
  if (keys.caseId) return [keys.caseId];
  return keys.crimeNumber ? deps.cases.idsByCrimeNumber(keys.crimeNumber) : [];
};

const blankReasonRefusal = (reason: string): RuleRefusedError | undefined =>
  reason.trim() === ''
    ? new RuleRefusedError(
        'Enter the safeguarding reason: who you are protecting and why you need this record.',
        'reason',
        'APP Access to records',
      )
    : undefined;

/** A safeguarding search that names no case is an attempt like any other: audited, then PSD alerted. */
const recordAttemptOnNoCase = (
  deps: ServiceDependencies,
  caller: Caller,
  term: string,
  action: 'request-safeguarding-access' | 'break-glass',
  reasonGiven: string,
  refusal: RuleRefusedError | undefined,
) =>
  recordAttempt(deps, caller, {
    reference: term,
    file: undefined,
    action,
    decision: noSuchCase,
    reasonGiven,
    refusedBecause: refusal?.message,
  });

/**
 * Asks PSD (or a chief inspector) for access. The answer on screen is the same whether or not the reference
 * names a case, so asking reveals nothing; PSD is alerted either way.
 */
export const askForSafeguardingAccess = async (
  deps: ServiceDependencies,
  caller: Caller,
  term: string,
  reason: string,
): Promise<{ readonly grantIds: readonly string[] }> => {
  const targets = await safeguardingTargets(deps, term);
  const refusal = blankReasonRefusal(reason);
  if (targets.length === 0) {
    await recordAttemptOnNoCase(deps, caller, term, 'request-safeguarding-access', reason, refusal);
    if (refusal) throw refusal;
    return { grantIds: [] };
  }
  const grantIds: string[] = [];
  for (const target of targets) {
    const grantId = grantIdFrom(deps.randomBytes(5));
    try {
      await changeCase(deps, caller, target, 'request-safeguarding-access', reason, (file) => ({
        file: requestSafeguardingAccess(file, { reason }, staffRefOf(caller.principal), {
          grantId,
          now: caller.now,
        }).file,
      }));
      grantIds.push(grantId);
    } catch (error) {
      // A case the person may not know of answers exactly as no case does.
      if (!(error instanceof CaseNotFoundError)) throw error;
    }
  }
  return { grantIds };
};

/** Break glass: access at once for a short time, PSD alerted at once, reviewed afterwards. */
export const breakGlassAccess = async (
  deps: ServiceDependencies,
  caller: Caller,
  term: string,
  reason: string,
): Promise<string> => {
  const targets = await safeguardingTargets(deps, term);
  if (targets.length === 0) {
    const refusal = blankReasonRefusal(reason);
    await recordAttemptOnNoCase(deps, caller, term, 'break-glass', reason, refusal);
    throw refusal ?? new CaseNotFoundError();
  }
  let opened: string | undefined;
  for (const target of targets) {
    const grantId = grantIdFrom(deps.randomBytes(5));
    const next = await changeCase(deps, caller, target, 'break-glass', reason, (file) => ({
      file: breakGlass(file, { reason }, staffRefOf(caller.principal), { grantId, now: caller.now }).file,
    }));
    opened ??= next.case.id;
  }
  return opened ?? targets[0] ?? '';
};

export interface GrantInCase {
  readonly file: CaseFile;
  readonly grant: Grant;
}

const grantOf = (file: CaseFile, grantId: string): Grant => {
  const grant = file.grants.find((candidate) => candidate.id === grantId);
  if (!grant) throw new CaseNotFoundError();
  return grant;
};

/** The request as a decider sees it: PSD or a chief inspector, who may not be on the case's list. */
export const viewSafeguardingRequest = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  grantId: string,
): Promise<GrantInCase> => {
  const file = seenOrNotFound(
    await attemptOn(deps, caller, reference, (found) =>
      found?.grants.find((grant) => grant.id === grantId)?.kind === 'break-glass'
        ? 'review-break-glass'
        : 'decide-safeguarding-request',
    ),
  );
  return { file, grant: grantOf(file, grantId) };
};

export const decideRequest = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  grantId: string,
  command: GrantDecisionCommand,
) =>
  changeCase(deps, caller, reference, 'decide-safeguarding-request', command.note, (file) => {
    const decided = decideSafeguardingRequest(
      file,
      grantId,
      command,
      staffRefOf(caller.principal),
      caller.now,
    );
    const granted = decided.grant.status === 'granted';
    return {
      file: decided.file,
      notices: [
        {
          audience: { kind: 'person', collarNumber: decided.grant.grantee.collarNumber },
          title: `Your safeguarding access to ${file.case.id} was ${granted ? 'granted' : 'refused'}`,
          body: granted
            ? `You may open the case until ${decided.grant.validUntil}. Every time you open it, PSD is told.`
            : 'Speak to the Professional Standards Department if you still need it to protect someone.',
          ...(granted ? { link: `/staff/restricted-cases/cases/${file.case.id}` } : {}),
          priority: 'urgent',
          requiresAcknowledgement: false,
        },
      ],
    };
  });

export const reviewEmergencyAccess = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  grantId: string,
  command: { readonly decision: 'accepted' | 'referred'; readonly note: string },
) =>
  changeCase(deps, caller, reference, 'review-break-glass', command.note, (file) => {
    const reviewed = reviewBreakGlass(file, grantId, command, staffRefOf(caller.principal), caller.now);
    return {
      file: reviewed.file,
      notices: [
        {
          audience: { kind: 'person', collarNumber: reviewed.grant.grantee.collarNumber },
          title: `Your emergency access to ${file.case.id} has been reviewed: ${command.decision}`,
          body:
            command.decision === 'accepted'
              ? 'PSD accepted the reason you gave.'
              : 'PSD has referred it for further review; your access has ended.',
          priority: 'routine',
          requiresAcknowledgement: false,
        },
      ],
    };
  });

/** PSD's queue: requests to decide and emergency access to review, for cases the reader is not barred from. */
export const grantsAwaitingAction = async (
  deps: ServiceDependencies,
  caller: Caller,
): Promise<GrantInCase[]> => {
  const waiting = await deps.cases.grantsAwaitingAction();
  const files = await visible(
    deps,
    caller,
    waiting.map((item) => item.caseId),
    'list',
  );
  const byId = new Map(files.map((file) => [file.case.id, file]));
  return waiting.flatMap((item) => {
    const file = byId.get(item.caseId);
    const grant = file?.grants.find((candidate) => candidate.id === item.grant.id);
    return file && grant ? [{ file, grant }] : [];
  });
};

// ----- Outcome, access log, access report -----

export const recordCaseOutcome = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  command: { readonly kind: OutcomeKind; readonly note: string },
) =>
  changeCase(deps, caller, reference, 'record-outcome', command.note, (file) => ({
    file: recordOutcome(file, command, staffRefOf(caller.principal), caller.now),
  }));

export const closeRestrictedCase = (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
  command: { readonly reason: string },
) =>
  changeCase(deps, caller, reference, 'record-outcome', command.reason, (file) => ({
    file: closeCase(file, command, staffRefOf(caller.principal), caller.now),
  }));

export interface AccessLog {
  readonly file: CaseFile;
  readonly entries: readonly AuditEntry[];
  readonly verification: ChainVerification;
}

/** The case's audit chain as it stands, and whether it is intact. */
const auditChainOf = async (deps: ServiceDependencies, caseId: string) => {
  const caseRef = caseRefOf(caseId);
  const [entries, verification] = await Promise.all([
    deps.auditLog.entries(caseRef),
    deps.auditLog.verify(caseRef),
  ]);
  return { entries, verification };
};

/** PSD reads the case's audit chain and whether it is intact; the reading is itself the newest entry. */
export const accessLog = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
): Promise<AccessLog> => {
  const file = permittedOrRefused(caller, await attemptOn(deps, caller, reference, 'view-access-log'));
  return { file, ...(await auditChainOf(deps, file.case.id)) };
};

export const preparedForPsd = 'Professional Standards Department';

/** Asks the documents service for the signed access report; the reply is attached by `attachAccessReport`. */
export const requestAccessReport = async (
  deps: ServiceDependencies,
  caller: Caller,
  reference: string,
): Promise<CaseFile> => {
  const file = permittedOrRefused(caller, await attemptOn(deps, caller, reference, 'export'));
  const { entries, verification } = await auditChainOf(deps, file.case.id);
  const requestId = deps.newUuid();
  const message = createMessage(
    DocumentRequested,
    {
      requestId,
      requestingService: serviceName,
      caseId: file.case.id,
      replyTo: documentRepliesQueue,
      documentType: 'restricted-case-access-report',
      templateData: accessReportInput({
        caseId: file.case.id,
        entries,
        verification,
        from: new Date(file.case.createdAt),
        to: caller.now,
        preparedFor: preparedForPsd,
      }),
    },
    { correlationId: caller.correlationId, now: caller.now },
  );
  const next: CaseFile = {
    ...file,
    case: {
      ...file.case,
      version: file.case.version + 1,
      accessReports: [
        ...file.case.accessReports,
        {
          requestId,
          requestedAt: caller.now.toISOString(),
          requestedBy: staffRefOf(caller.principal),
          status: 'requested',
        },
      ],
    },
  };
  await deps.cases.save(file, next, [{ queue: documentRequestsQueue, message }]);
  return next;
};

/** The documents service's answer: the signed report is ready (or could not be made). Idempotent. */
export const attachAccessReport = async (
  deps: Pick<ServiceDependencies, 'cases' | 'auditLog'>,
  reply: DocumentReply,
): Promise<'attached' | 'already-attached' | 'unknown-request'> => {
  const file = await deps.cases.load(reply.data.caseId);
  const request = file?.case.accessReports.find((candidate) => candidate.requestId === reply.data.requestId);
  if (!file || !request) return 'unknown-request';
  if (request.status !== 'requested') return 'already-attached';
  const updated =
    reply.type === 'document-ready'
      ? {
          ...request,
          status: 'ready' as const,
          documentId: reply.data.documentId,
          downloadPath: reply.data.downloadPath,
        }
      : {
          ...request,
          status: 'failed' as const,
          failure: `The report could not be made (${reply.data.reason}).`,
        };
  await deps.auditLog.record({
    caseRef: caseRefOf(file.case.id),
    actor: { system: serviceName },
    action: 'attach-access-report',
    outcome: 'allowed',
    at: reply.occurredAt.endsWith('Z') ? reply.occurredAt : new Date(reply.occurredAt).toISOString(),
    correlationId: reply.correlationId,
  });
  const next: CaseFile = {
    ...file,
    case: {
      ...file.case,
      version: file.case.version + 1,
      accessReports: file.case.accessReports.map((candidate) =>
        candidate.requestId === request.requestId ? updated : candidate,
      ),
    },
  };
  await deps.cases.save(file, next, []);
  return 'attached';
};
