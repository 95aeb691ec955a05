import { type AuditLog, recordAccess } from '../../shared/audit/audit-log.ts';
import type { AuditEntry } from '../../shared/audit/chain.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { type HolidaySource, londonDateOf } from '../../shared/calendar/index.ts';
import { performAction as performDomainAction } from './domain/action-forms.ts';
import { clockAlertsFor } from './domain/clock-alerts.ts';
import { type CaseClock, caseClocks } from './domain/clocks.ts';
import { ContactRefusedError, NotPermittedError } from './domain/errors.ts';
import { type MonthFigures, monthlyFigures } from './domain/figures.ts';
import type { RawFields } from './domain/form-reader.ts';
import { type IdentityHasher, identityKeysOf, patternFlagsOf } from './domain/identity.ts';
import { readApplication } from './domain/journey.ts';
import type { DvdsCase, RightToAskDetails } from './domain/model.ts';
import type { CaseListPage, CaseRepository, PoliceSystems } from './domain/ports.ts';
import { caseReference } from './domain/reference.ts';
import type { RuleSetId } from './domain/rule-sets.ts';
import { readInitialContactForm, readRightToKnowForm } from './domain/staff-forms.ts';
import { availableActions, type CaseAction, refusalOf } from './domain/stage-machine.ts';
import {
  attachDisclosureRecord,
  type Change,
  disclosureRecordFailed,
  openingEffects,
  openOnlineApplication,
  raiseRightToKnow,
  recordInitialContact,
  recordRefusedContact,
} from './domain/workflow.ts';
import { alertMessages, messagesFor } from './messages.ts';

export interface CaseServiceDependencies {
  readonly repository: CaseRepository;
  readonly auditLog: AuditLog;
  readonly holidays: HolidaySource;
  readonly hasher: IdentityHasher;
  readonly policeSystems: PoliceSystems;
  readonly ruleSet: RuleSetId;
  /** Random bytes for case references. */
  readonly randomBytes: (size: number) => Uint8Array;
}

export interface RequestContext {
  readonly now: Date;
  readonly correlationId: string;
}

export const serviceRef = (caseId: string) => ({ service: 'clares-law', caseId });

/** The chains for reads that concern no single case: the case list and the figures. */
const listChain = serviceRef('case-list');
const figuresChain = serviceRef('figures');

export interface CaseView {
  readonly dvdsCase: DvdsCase;
  readonly clocks: readonly CaseClock[];
  readonly actions: readonly CaseAction[];
  readonly accessLog: readonly AuditEntry[];
}

/** Sweep: how far ahead the soonest clock may fall due and still need a look (the longest Christmas run). */
const sweepHorizonMs = 10 * 24 * 3_600_000;

export const caseService = (deps: CaseServiceDependencies) => {
  const newId = (): string => caseReference(deps.randomBytes(5));

  const record = (
    principal: Principal,
    caseId: string,
    action: string,
    outcome: 'allowed' | 'denied',
    context: RequestContext,
    reason?: string,
  ) =>
    recordAccess(deps.auditLog, {
      principal,
      caseRef: serviceRef(caseId),
      action,
      ...(reason ? { reason } : {}),
      outcome,
      correlationId: context.correlationId,
      now: context.now,
    });

  const recordSystem = (caseId: string, action: string, context: RequestContext) =>
    deps.auditLog.record({
      caseRef: serviceRef(caseId),
      actor: { system: 'clares-law' },
      action,
      outcome: 'allowed',
      at: context.now.toISOString(),
      correlationId: context.correlationId,
    });

  /** Writes a new case under a fresh reference, with its pattern flags found by keyed hash. */
  const create = async (
    build: (id: string, patterns: DvdsCase['patterns']) => DvdsCase,
    context: RequestContext,
    submissionKey?: string,
  ): Promise<{ caseId: string; created: boolean }> => {
    for (let attempt = 0; ; attempt++) {
      const id = newId();
      const draft = build(id, []);
      const keys = identityKeysOf(draft, deps.hasher);
      const matches = await deps.repository.findIdentityMatches(keys.map((key) => key.key));
      const dvdsCase = { ...draft, patterns: patternFlagsOf(id, keys, matches) };
      try {
        const outcome = await deps.repository.create({
          dvdsCase,
          identityKeys: keys,
          messages: messagesFor(dvdsCase, openingEffects(dvdsCase), context),
          ...(submissionKey ? { submissionKey } : {}),
        });
        if (!outcome.created) return { caseId: outcome.existingCaseId, created: false };
        return { caseId: id, created: true };
      } catch (error) {
        // A reference already taken (40 random bits make it rare): draw another.
        if (attempt < 3 && error instanceof Error && error.name === 'TransactionCanceledException') continue;
        throw error;
      }
    }
  };

  const loadOrThrow = async (caseId: string): Promise<DvdsCase | undefined> => deps.repository.get(caseId);

  return {
    /** The applicant's online application: one case per submission, however often it is sent. */
    submitOnline: async (
      answers: RawFields,
      submissionKey: string,
      context: RequestContext,
    ): Promise<{ caseId: string; created: boolean }> => {
      const details: RightToAskDetails = readApplication(answers, londonDateOf(context.now));
      const result = await create(
        (id, patterns) =>
          openOnlineApplication({ id, ruleSet: deps.ruleSet, details, patterns }, context.now),
        context,
        submissionKey,
      );
      // Audited on every send, once per case: a send that wrote the case and failed before its entry is
      // retried, finds the case by its submission key and must still leave the entry.
      await deps.auditLog.recordOnce(
        {
          caseRef: serviceRef(result.caseId),
          actor: { system: 'clares-law' },
          action: 'apply-online',
          outcome: 'allowed',
          at: context.now.toISOString(),
          correlationId: context.correlationId,
        },
        'apply-online',
      );
      return result;
    },

    recordInitialContact: async (
      principal: Principal,
      fields: RawFields,
      context: RequestContext,
    ): Promise<string> => {
      const form = readInitialContactForm(fields, context.now);
      const actor = { actor: principal, now: context.now };
      const { caseId } = await create(
        (id, patterns) =>
          recordInitialContact(
            {
              id,
              ruleSet: deps.ruleSet,
              details: form.details,
              channel: form.channel,
              startedAt: form.startedAt,
              ...(form.partnerAgency ? { partnerAgency: form.partnerAgency } : {}),
              patterns,
            },
            actor,
          ),
        context,
      );
      await record(principal, caseId, 'record-initial-contact', 'allowed', context);
      return caseId;
    },

    raiseRightToKnow: async (
      principal: Principal,
      fields: RawFields,
      context: RequestContext,
    ): Promise<string> => {
      const form = readRightToKnowForm(fields, context.now);
      const { caseId } = await create(
        (id, patterns) =>
          raiseRightToKnow(
            { id, ruleSet: deps.ruleSet, details: form.details, receivedAt: form.receivedAt, patterns },
            { actor: principal, now: context.now },
          ),
        context,
      );
      await record(principal, caseId, 'raise-right-to-know', 'allowed', context);
      return caseId;
    },

    /** A case as a member of staff sees it; the view is recorded before it is shown (DPA 2018 s.62). */
    viewCase: async (
      principal: Principal,
      caseId: string,
      context: RequestContext,
    ): Promise<CaseView | undefined> => {
      const dvdsCase = await loadOrThrow(caseId);
      if (!dvdsCase) return undefined;
      await record(principal, caseId, 'view-case', 'allowed', context);
      return {
        dvdsCase,
        clocks: caseClocks(dvdsCase, deps.holidays, context.now),
        actions: availableActions(dvdsCase, principal),
        accessLog: await deps.auditLog.entries(serviceRef(caseId)),
      };
    },

    /** The form of one step: refused (and recorded as refused) when the step is not this person's to take. */
    openAction: async (
      principal: Principal,
      caseId: string,
      action: CaseAction,
      context: RequestContext,
    ): Promise<DvdsCase | undefined> => {
      const dvdsCase = await loadOrThrow(caseId);
      if (!dvdsCase) return undefined;
      const refusal = refusalOf(action, dvdsCase, principal);
      if (refusal instanceof NotPermittedError) {
        await record(principal, caseId, action, 'denied', context, refusal.message);
        throw refusal;
      }
      await record(principal, caseId, `open-${action}`, 'allowed', context);
      if (refusal) throw refusal;
      return dvdsCase;
    },

    /** The police systems' own answer for a check, where the force has an interface to it. */
    automaticCheck: async (dvdsCase: DvdsCase, kind: Parameters<PoliceSystems['check']>[0]) => {
      const subject = dvdsCase.application?.subject ?? dvdsCase.information?.subject;
      return subject ? deps.policeSystems.check(kind, subject) : undefined;
    },

    policeSystemsMode: deps.policeSystems.mode,

    /**
     * Records one step. Refusals by role are audited as denied; an unsafe contact is kept on the case as
     * refused and audited as denied; every change is audited before it is written.
     */
    performAction: async (
      principal: Principal,
      caseId: string,
      action: CaseAction,
      fields: RawFields,
      context: RequestContext,
    ): Promise<Change | undefined> => {
      const dvdsCase = await loadOrThrow(caseId);
      if (!dvdsCase) return undefined;
      const domainContext = { actor: principal, now: context.now };
      let change: Change;
      try {
        change = performDomainAction(action, dvdsCase, fields, domainContext, deps.holidays);
      } catch (error) {
        if (error instanceof NotPermittedError) {
          await record(principal, caseId, action, 'denied', context, error.message);
        }
        if (error instanceof ContactRefusedError && action === 'log-contact-attempt') {
          await record(principal, caseId, action, 'denied', context, error.message.slice(0, 1000));
          if (error.attempt) {
            const refused = recordRefusedContact(dvdsCase, error.attempt, error, domainContext);
            await deps.repository.save(refused.next, dvdsCase.version, []);
          }
        }
        throw error;
      }
      await record(principal, caseId, action, 'allowed', context);
      await deps.repository.save(
        change.next,
        dvdsCase.version,
        messagesFor(change.next, change.effects, context),
      );
      return change;
    },

    listOpen: async (
      principal: Principal,
      cursor: string | undefined,
      context: RequestContext,
    ): Promise<CaseListPage> => {
      await record(principal, listChain.caseId, 'view-case-list', 'allowed', context);
      return deps.repository.listOpen(50, cursor);
    },

    findByReference: async (principal: Principal, reference: string, context: RequestContext) => {
      await record(principal, listChain.caseId, 'find-case', 'allowed', context);
      return deps.repository.get(reference);
    },

    figures: async (
      principal: Principal,
      months: readonly string[],
      context: RequestContext,
    ): Promise<MonthFigures[]> => {
      await record(principal, figuresChain.caseId, 'view-figures', 'allowed', context);
      const cases = (await Promise.all(months.map((month) => deps.repository.startedIn(month)))).flat();
      return monthlyFigures(cases, deps.holidays, context.now);
    },

    /**
     * The scheduled sweep: open cases whose soonest clock falls due within the horizon, each alert sent once
     * (a conditional write of its key with its messages), however often the sweep runs.
     */
    sweepClocks: async (context: RequestContext): Promise<{ examined: number; sent: number }> => {
      const cases = await deps.repository.openDueBy(new Date(context.now.getTime() + sweepHorizonMs));
      let sent = 0;
      for (const dvdsCase of cases) {
        for (const alert of clockAlertsFor(dvdsCase, deps.holidays, context.now)) {
          const first = await deps.repository.recordAlertOnce(
            dvdsCase.id,
            alert.key,
            alertMessages(dvdsCase, alert, context),
            context.now,
          );
          if (first) {
            sent += 1;
            await recordSystem(dvdsCase.id, `send-${alert.level}-alert`, context);
          }
        }
      }
      return { examined: cases.length, sent };
    },

    /** The documents service's answer: the signed record is attached to the case (idempotent). */
    attachRecord: async (
      reply:
        | {
            kind: 'ready';
            caseId: string;
            requestId: string;
            documentId: string;
            downloadPath: string;
            sha256: string;
            createdAt: Date;
          }
        | { kind: 'failed'; caseId: string; requestId: string },
      context: RequestContext,
    ): Promise<'attached' | 'unchanged'> => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const dvdsCase = await deps.repository.get(reply.caseId);
        if (!dvdsCase) return 'unchanged';
        const next =
          reply.kind === 'ready'
            ? attachDisclosureRecord(dvdsCase, reply, context.now)
            : disclosureRecordFailed(dvdsCase, reply.requestId, context.now);
        if (!next) return 'unchanged';
        try {
          await deps.repository.save(next, dvdsCase.version, []);
          await recordSystem(
            dvdsCase.id,
            reply.kind === 'ready' ? 'attach-disclosure-record' : 'disclosure-record-failed',
            context,
          );
          return 'attached';
        } catch (error) {
          if (error instanceof Error && error.name === 'ConcurrentChangeError') continue;
          throw error;
        }
      }
      throw new Error('The disclosure record could not be attached: the case kept changing');
    },
  };
};

export type CaseService = ReturnType<typeof caseService>;
