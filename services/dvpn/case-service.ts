import type { AuditLog } from '../../shared/audit/audit-log.ts';
import { recordAccess } from '../../shared/audit/audit-log.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import type { HolidaySource } from '../../shared/calendar/index.ts';
import type { DocumentReply, DocumentType } from '../../shared/contracts/documents.ts';
import type { ConsiderationKey } from './domain/considerations.ts';
import { CaseNotFoundError, ConcurrentChangeError, DomainError } from './domain/errors.ts';
import {
  type FigureEvent,
  figureEventsOf,
  type MonthFigures,
  monthlyFigures,
  monthsBetween,
} from './domain/figures.ts';
import type { Change, DraftDetails, DvpnCase, Officer } from './domain/model.ts';
import type { CaseRepository, CaseSummary, MessageRelay } from './domain/ports.ts';
import type { RulesPack } from './domain/rules-packs.ts';
import {
  type ApplicationCommand,
  applicationPackFailed,
  applicationPackReady,
  authoriseNotice,
  type BreachCommand,
  draftNotice,
  dueWarnings,
  type HearingCommand,
  markWarningsSent,
  noticeFailed,
  noticeReady,
  prepareApplication,
  recordBreach,
  recordHearing,
  recordService,
  refuseNotice,
  retryApplicationPack,
  retryNotice,
  type ServiceCommand,
  submitForAuthorisation,
  updateDraft,
} from './domain/workflow.ts';
import { messagesFor, withDocumentPlans } from './effects.ts';

/** Everything the workflow needs from outside, built once by the composition root. */
export interface CaseServiceDependencies {
  readonly repository: CaseRepository;
  readonly auditLog: AuditLog;
  readonly relay: MessageRelay;
  readonly holidays: HolidaySource;
  readonly newId: () => string;
  /** The rules pack new drafts are made under. */
  readonly activePack: () => RulesPack;
}

/** Who is asking, when, and under which correlation id. */
export interface Caller {
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
}

const service = 'dvpn';

export const officerOf = (principal: Principal): Officer => ({
  subject: principal.subject,
  collarNumber: principal.collarNumber,
  displayName: principal.displayName,
  rank: principal.rank,
});

const audit = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  caseId: string,
  action: string,
  outcome: 'allowed' | 'denied',
  reason?: string,
) =>
  recordAccess(dependencies.auditLog, {
    principal: caller.principal,
    caseRef: { service, caseId },
    action,
    reason,
    outcome,
    correlationId: caller.correlationId,
    now: caller.now,
  });

/** A refusal is audited with the rule or stage that refused it, never with what the officer typed. */
const refusalReason = (error: DomainError): string =>
  'source' in error && typeof error.source === 'string' ? `${error.name}: ${error.source}` : error.name;

/** Stores a change with its figures and messages in one conditional write, then relays the messages. */
const store = async (
  dependencies: CaseServiceDependencies,
  change: Change,
  expectedVersion: number | null,
  context: { now: Date; correlationId: string },
): Promise<DvpnCase> => {
  const planned = withDocumentPlans(change, context.now);
  const write = {
    next: planned.next,
    expectedVersion,
    figures: figureEventsOf(planned.next.id, planned.events),
    messages: messagesFor(planned.next, planned.events, { ...context, newId: dependencies.newId }),
  };
  await dependencies.repository.write(write);
  await dependencies.relay.relay(write);
  return planned.next;
};

const load = async (dependencies: CaseServiceDependencies, id: string): Promise<DvpnCase> => {
  const found = await dependencies.repository.get(id);
  if (!found) throw new CaseNotFoundError();
  return found;
};

/**
 * Runs one staff action on a case: the domain decides (refusals are audited as denied, with the rule),
 * the access is audited before anything changes, and the change lands only if no one else changed the
 * case first (a lost race is audited as denied too).
 */
const act = async (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  action: string,
  decide: (dvpnCase: DvpnCase, actor: Officer) => Change,
): Promise<DvpnCase> => {
  const current = await load(dependencies, id);
  let change: Change;
  try {
    change = decide(current, officerOf(caller.principal));
  } catch (error) {
    if (error instanceof DomainError)
      await audit(dependencies, caller, id, action, 'denied', refusalReason(error));
    throw error;
  }
  await audit(dependencies, caller, id, action, 'allowed');
  try {
    return await store(dependencies, change, current.version, caller);
  } catch (error) {
    if (error instanceof ConcurrentChangeError) {
      await audit(dependencies, caller, id, action, 'denied', refusalReason(error));
    }
    throw error;
  }
};

const contextOf = (caller: Caller, actor: Officer) => ({ actor, now: caller.now });

export const createDraft = async (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  details: DraftDetails,
): Promise<DvpnCase> => {
  const id = dependencies.newId();
  const change = draftNotice(
    { id, details, pack: dependencies.activePack(), unit: caller.principal.department },
    contextOf(caller, officerOf(caller.principal)),
  );
  await audit(dependencies, caller, id, 'draft-notice', 'allowed');
  return store(dependencies, change, null, caller);
};

/** Reads a case for a member of staff, recording the view first. */
export const viewCase = async (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
): Promise<DvpnCase> => {
  const found = await load(dependencies, id);
  await audit(dependencies, caller, id, 'view-case', 'allowed');
  return found;
};

export const changeDraft = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  details: DraftDetails,
) =>
  act(dependencies, caller, id, 'change-draft', (dvpnCase, actor) =>
    updateDraft(dvpnCase, details, contextOf(caller, actor)),
  );

export const submit = (dependencies: CaseServiceDependencies, caller: Caller, id: string) =>
  act(dependencies, caller, id, 'submit-for-authorisation', (dvpnCase, actor) =>
    submitForAuthorisation(dvpnCase, contextOf(caller, actor)),
  );

export const authorise = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  command: { affirmed: readonly ConsiderationKey[]; reasonableGrounds: string },
) =>
  act(dependencies, caller, id, 'authorise-notice', (dvpnCase, actor) =>
    authoriseNotice(
      dvpnCase,
      { ...command, noticeRequestId: dependencies.newId() },
      contextOf(caller, actor),
    ),
  );

export const refuse = (dependencies: CaseServiceDependencies, caller: Caller, id: string, reason: string) =>
  act(dependencies, caller, id, 'refuse-notice', (dvpnCase, actor) =>
    refuseNotice(dvpnCase, { reason }, contextOf(caller, actor)),
  );

export const retryDocument = (dependencies: CaseServiceDependencies, caller: Caller, id: string) =>
  act(dependencies, caller, id, 'retry-document', (dvpnCase, actor) =>
    dvpnCase.status === 'authorised'
      ? retryNotice(dvpnCase, dependencies.newId(), contextOf(caller, actor))
      : retryApplicationPack(dvpnCase, dependencies.newId(), contextOf(caller, actor)),
  );

export const serve = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  command: ServiceCommand,
) =>
  act(dependencies, caller, id, 'record-service', (dvpnCase, actor) =>
    recordService(dvpnCase, command, contextOf(caller, actor), dependencies.holidays),
  );

export const apply = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  command: Omit<ApplicationCommand, 'packRequestId'>,
) =>
  act(dependencies, caller, id, 'prepare-application', (dvpnCase, actor) =>
    prepareApplication(
      dvpnCase,
      { ...command, packRequestId: dependencies.newId() },
      contextOf(caller, actor),
    ),
  );

export const hearing = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  command: HearingCommand,
) =>
  act(dependencies, caller, id, 'record-hearing', (dvpnCase, actor) =>
    recordHearing(dvpnCase, command, contextOf(caller, actor)),
  );

export const breach = (
  dependencies: CaseServiceDependencies,
  caller: Caller,
  id: string,
  command: Omit<BreachCommand, 'id'>,
) =>
  act(dependencies, caller, id, 'record-breach', (dvpnCase, actor) =>
    recordBreach(dvpnCase, { ...command, id: dependencies.newId() }, contextOf(caller, actor)),
  );

const systemAudit = (
  dependencies: CaseServiceDependencies,
  caseId: string,
  action: string,
  now: Date,
  correlationId: string,
) =>
  dependencies.auditLog.record({
    caseRef: { service, caseId },
    actor: { system: service },
    action,
    outcome: 'allowed',
    at: now.toISOString(),
    correlationId,
  });

const attempts = 5;

/** The notice templates, one per pack; every other document this service asks for is a court pack. */
const noticeDocumentTypes: readonly string[] = ['dvpn-notice', 'dapn-notice'] satisfies DocumentType[];

/** Retries a system change that lost a race with a member of staff: it re-reads and decides again. */
const withRetry = async (work: () => Promise<void>): Promise<void> => {
  for (let attempt = 1; ; attempt++) {
    try {
      await work();
      return;
    } catch (error) {
      if (!(error instanceof ConcurrentChangeError) || attempt >= attempts) throw error;
    }
  }
};

/**
 * The documents service answered. Idempotent: an answer the case has already taken, or never asked for,
 * changes nothing.
 */
export const attachDocument = (
  dependencies: CaseServiceDependencies,
  reply: DocumentReply,
  now: Date,
): Promise<void> =>
  withRetry(async () => {
    const current = await dependencies.repository.get(reply.data.caseId);
    if (!current) return;
    const isNotice = noticeDocumentTypes.includes(reply.data.documentType);
    let change: Change | null;
    if (reply.type === 'document-ready') {
      const answer = {
        requestId: reply.data.requestId,
        documentId: reply.data.documentId,
        sha256: reply.data.sha256,
        downloadPath: reply.data.downloadPath,
        now,
      };
      change = isNotice ? noticeReady(current, answer) : applicationPackReady(current, answer);
    } else {
      const answer = {
        requestId: reply.data.requestId,
        reason: `The documents service could not produce it (${reply.data.reason}).`,
        now,
      };
      change = isNotice ? noticeFailed(current, answer) : applicationPackFailed(current, answer);
    }
    if (!change) return;
    // Once per answer: the entry is written before the case is saved, so a save that fails and is retried
    // (or the answer delivered again) must not write it twice.
    const action = reply.type === 'document-ready' ? 'attach-document' : 'record-document-failure';
    await dependencies.auditLog.recordOnce(
      {
        caseRef: { service, caseId: current.id },
        actor: { system: service },
        action,
        outcome: 'allowed',
        at: now.toISOString(),
        correlationId: reply.correlationId,
      },
      `${action}#${reply.data.requestId}`,
    );
    await store(dependencies, change, current.version, { now, correlationId: reply.correlationId });
  });

/** The scheduled sweep: warn the case officer and duty inspector 24 and 6 hours before each court deadline. */
export const sendDueWarnings = async (
  dependencies: CaseServiceDependencies,
  now: Date,
  correlationId: string,
): Promise<number> => {
  const horizon = new Date(now.getTime() + 24 * 3_600_000).toISOString();
  const dueSoon = await dependencies.repository.listByStatus('served', { sortAtOrBefore: horizon });
  let warned = 0;
  for (const summary of dueSoon) {
    await withRetry(async () => {
      const current = await dependencies.repository.get(summary.id);
      if (!current) return;
      const thresholds = dueWarnings(current, now);
      if (thresholds.length === 0) return;
      // Both due at once means the first was missed: send the nearer one only, mark both.
      const change = markWarningsSent(current, thresholds, now);
      const nearest = change.events.at(-1);
      await systemAudit(dependencies, current.id, 'send-hearing-warning', now, correlationId);
      await store(dependencies, { next: change.next, events: nearest ? [nearest] : [] }, current.version, {
        now,
        correlationId,
      });
      warned += 1;
    });
  }
  return warned;
};

/** The statuses the unit dashboard shows, in the order an officer works through them. */
export const dashboardStatuses = [
  'served',
  'awaiting-authorisation',
  'authorised',
  'notice-issued',
  'adjourned',
  'order-granted',
  'draft',
] as const;
export type DashboardStatus = (typeof dashboardStatuses)[number];

/** One stage of the dashboard: the most urgent cases, and how many there are in all. */
export interface DashboardSection {
  readonly total: number;
  readonly cases: readonly CaseSummary[];
}

export type Dashboard = Readonly<Record<DashboardStatus, DashboardSection>>;

/** How many cases a stage lists before "show all": enough to act on, small enough to read. */
export const dashboardSectionSize = 50;

/**
 * Every active notice by stage, each stage in deadline order: per stage one index query for the first
 * cases and one count, never a scan. `expand` lists one stage in full.
 */
export const dashboard = async (
  dependencies: CaseServiceDependencies,
  now: Date,
  options: { unit?: string; expand?: DashboardStatus } = {},
): Promise<Dashboard> => {
  const sections = await Promise.all(
    dashboardStatuses.map(async (status): Promise<DashboardSection> => {
      const filter = {
        ...(options.unit ? { unit: options.unit } : {}),
        // Orders that have run their course drop off; the rest stay until their stage changes.
        ...(status === 'order-granted' ? { sortAtOrAfter: now.toISOString() } : {}),
      };
      const limit = options.expand === status ? undefined : dashboardSectionSize;
      const [cases, total] = await Promise.all([
        dependencies.repository.listByStatus(status, { ...filter, ...(limit ? { limit } : {}) }),
        dependencies.repository.countByStatus(status, filter),
      ]);
      return { total, cases };
    }),
  );
  return Object.fromEntries(dashboardStatuses.map((status, i) => [status, sections[i]])) as Dashboard;
};

export const figures = async (
  dependencies: CaseServiceDependencies,
  from: string,
  to: string,
): Promise<MonthFigures[]> => {
  const months = monthsBetween(from, to);
  const events: FigureEvent[] = (
    await Promise.all(months.map((month) => dependencies.repository.figureEvents(month)))
  ).flat();
  return monthlyFigures(events, months);
};
