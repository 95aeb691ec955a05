import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { notificationIdFor } from '../../../services/restricted-cases/alert-delivery.ts';
import { AccessAttempted } from '../../../services/restricted-cases/contracts.ts';
import {
  type AccessAlert,
  auditActions,
  noticesForAlert,
} from '../../../services/restricted-cases/domain/alerts.ts';
import type { AuditEntry } from '../../../shared/audit/chain.ts';
import {
  type AccessAttempt,
  guessedReference,
  lookers,
  openUntilAnswered,
  recordRestrictedAllegation,
} from '../../support/security/restricted-case-attempts.ts';
import { mapWithConcurrency } from '../../support/security/site-client.ts';

/**
 * Restricted cases' alert delivery in the fault run: allegations against a serving officer, recorded and
 * restricted before the faults begin, are then opened over and over by people on their need-to-know list and
 * by people who are not (and by someone guessing references) while the faults go on, some just before the
 * runtime is restarted. Each look is audited on the case's chain, then alerted: PSD's alerts inbox, and the
 * staff inboxes of PSD and the supervising officer.
 */
export const restrictedAlertsFlow = (runtime: () => LocalRuntime) => {
  const cases: string[] = [];
  const guessed: string[] = [];
  const attempts: AccessAttempt[] = [];
  let looks = 0;

  const token = (id: string) => runtime().identityProvider.mintToken(id);

  return {
    cases,
    guessed,
    attempts,

    /** The restricted cases to look at, made while all is calm. */
    setUp: async (count: number): Promise<void> => {
      const tokens = { inspector: await token('inspector'), chiefInspector: await token('chief-inspector') };
      for (let index = 0; index < count; index += 1) {
        const caseId = await recordRestrictedAllegation(runtime(), tokens, index);
        if (caseId) cases.push(caseId);
      }
    },

    /**
     * `count` looks, four at a time: each person in turn opens each case in turn, and every eighth look is at a
     * reference that names no case.
     */
    look: async (count: number): Promise<void> => {
      const planned = Array.from({ length: count }, (_, offset) => {
        const index = looks + offset;
        const looker = lookers[Math.floor(index / Math.max(cases.length, 1)) % lookers.length] ?? lookers[0];
        if (index % 8 === 7) {
          const reference = guessedReference();
          guessed.push(reference);
          return { who: looker?.id ?? 'sergeant', reference, expectedStatus: 404 as const };
        }
        return {
          who: looker?.id ?? 'sergeant',
          reference: cases[index % cases.length] ?? '',
          expectedStatus: looker?.onTheList ? (200 as const) : (404 as const),
        };
      });
      looks += count;
      await mapWithConcurrency(planned, 4, (look) =>
        openUntilAnswered(runtime, look, (attempt) => attempts.push(attempt)),
      );
    },
  };
};

export type RestrictedAlertsFlow = ReturnType<typeof restrictedAlertsFlow>;

/** The alert an audit entry of an attempt led to: same case, same person, same instant, same action. */
const sameAttempt = (alert: AccessAlert, entry: AuditEntry): boolean =>
  alert.caseId === entry.caseRef.caseId &&
  'collarNumber' in entry.actor &&
  alert.actor.collarNumber === entry.actor.collarNumber &&
  alert.at === entry.at &&
  auditActions[alert.action] === entry.action;

export interface RestrictedAlertsStores {
  readonly auditEntries: readonly AuditEntry[];
  readonly alerts: readonly AccessAlert[];
  readonly inboxItems: readonly Record<string, unknown>[];
  /** Bodies in the access alerts' dead-letter queue. */
  readonly deadAlertBodies: readonly string[];
  readonly deadNotificationIds: ReadonlySet<string>;
  /** The alerts the queue refused after they were written with their audit entries, left for the outbox sweep. */
  readonly alertsLeftForTheSweep: readonly LeftForTheSweep[];
}

export interface LeftForTheSweep {
  readonly alertId: string;
}

/** The relay's "left for the sweep" warnings about access alerts, from the captured log lines (JSON each). */
export const alertsLeftForTheSweepIn = (lines: readonly string[]): LeftForTheSweep[] =>
  lines.flatMap((line) =>
    line.includes('Outbox message left for the sweep') && line.includes('"restricted-case-access-attempted"')
      ? [{ alertId: /"messageId":\s*"([0-9a-f-]{36})"/.exec(line)?.[1] ?? '' }]
      : [],
  );

const deadAlertsOf = (bodies: readonly string[]): AccessAttempted[] =>
  bodies.flatMap((body) => {
    try {
      const parsed = AccessAttempted.safeParse(JSON.parse(body));
      return parsed.success ? [parsed.data] : [];
    } catch {
      return [];
    }
  });

/**
 * What the stores hold for each attempt of the run: its audit entries (by the request's correlation id), the
 * alerts in PSD's inbox for it, whether its alert sits in the dead-letter queue instead; and for every alert on
 * the run's references, whether its audit entry exists and whether each inbox notice it causes is stored once.
 */
export const restrictedAlertsLedger = (flow: RestrictedAlertsFlow, stores: RestrictedAlertsStores) => {
  const references = new Set([...flow.cases, ...flow.guessed]);
  const ours = stores.alerts.filter((alert) => references.has(alert.caseId));
  const deadAlerts = deadAlertsOf(stores.deadAlertBodies);
  const entriesOf = (correlationId: string) =>
    stores.auditEntries.filter(
      (entry) =>
        entry.correlationId === correlationId &&
        entry.caseRef.service === 'restricted-cases' &&
        entry.action === 'open-case',
    );

  const attempts = flow.attempts.map((attempt) => {
    const entries = entriesOf(attempt.correlationId);
    const alerts = entries.flatMap((entry) => ours.filter((alert) => sameAttempt(alert, entry)));
    return {
      attempt,
      answered: attempt.status < 500,
      entries: entries.length,
      outcomes: entries.map((entry) => entry.outcome),
      alertsStored: alerts.length,
      alertDead: deadAlerts.some((dead) => dead.correlationId === attempt.correlationId),
    };
  });

  const inboxById = new Map<string, number>();
  for (const item of stores.inboxItems) {
    if (typeof item.sk === 'string' && item.sk.startsWith('NOTIFICATION#') && typeof item.id === 'string')
      inboxById.set(item.id, (inboxById.get(item.id) ?? 0) + 1);
  }
  // Every inbox notice an alert on the run's references could have made, whatever its id.
  const alertNoticesStored = stores.inboxItems.filter(
    (item) =>
      typeof item.sk === 'string' &&
      item.sk.startsWith('NOTIFICATION#') &&
      typeof item.title === 'string' &&
      [...references].some((reference) => (item.title as string).startsWith(`Restricted case ${reference}:`)),
  ).length;
  const notices = ours.flatMap((alert) =>
    noticesForAlert(alert).map((_, index) => {
      const id = notificationIdFor(alert.id, index);
      return {
        alertId: alert.id,
        id,
        stored: inboxById.get(id) ?? 0,
        // Dead-lettered itself, or its alert dead-lettered before the notice was sent.
        dead: stores.deadNotificationIds.has(id) || deadAlerts.some((dead) => dead.id === alert.id),
      };
    }),
  );

  return {
    attempts,
    alerts: ours.map((alert) => ({
      alert,
      auditEntries: stores.auditEntries.filter((entry) => sameAttempt(alert, entry)).length,
    })),
    notices,
    alertNoticesStored,
    deadAlerts: deadAlerts.filter((dead) => references.has(dead.data.caseId)).length,
    // Refused by the queue: kept in the outbox with the entry, and sent by the sweep.
    leftForTheSweep: stores.alertsLeftForTheSweep.map(({ alertId }) => ({
      alertId,
      delivered:
        stores.alerts.some((alert) => alert.id === alertId) || deadAlerts.some((dead) => dead.id === alertId),
    })),
  };
};
