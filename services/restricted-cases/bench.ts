import { type MaxLatency, maxLatency } from '../../bench/support/service-figures.ts';
import { signedInCookie } from '../../bench/support/site.ts';
import { benchCaller, benchPrincipal } from '../../bench/support/staff.ts';
import { freePorts } from '../../infra/local/ports.ts';
import { type LocalRuntime, startRuntime } from '../../infra/local/runtime.ts';
import { recordAccess } from '../../shared/audit/audit-log.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import { fixtureStaff } from './adapters/fixture-directory.ts';
import {
  type Caller,
  caseRefOf,
  changeCaseRestriction,
  decide,
  openCase,
  recordNewAllegation,
  type ServiceDependencies,
} from './case-service.ts';
import { alertInbox, serviceDependencies } from './composition-root.ts';
import { describeDecision } from './domain/access.ts';
import { auditReason } from './domain/alerts.ts';

/**
 * Benchmarks of the parts PSD relies on being quick: the access decision with its audit write, and the
 * time from a refused attempt to PSD hearing of it through the local queues. Each starts the local stack
 * unless given one; AWS SDK clients are process-wide, so run several benchmarks against one runtime
 * (`withBenchRuntime`).
 */

export type LatencyFigures = MaxLatency;

const figures = (samples: readonly number[]): LatencyFigures => maxLatency(samples, 3);

const principalOf = (collarNumber: string): Principal => {
  const entry = fixtureStaff.find((person) => person.collarNumber === collarNumber);
  if (!entry) throw new Error(`No fixture member of staff ${collarNumber}`);
  return benchPrincipal(entry);
};

const callerAs = (collarNumber: string): Caller => benchCaller(principalOf(collarNumber), collarNumber);

/** A restricted allegation against PC 4021, as a manager and a chief inspector would make it. */
const restrictedCase = async (deps: ServiceDependencies): Promise<string> => {
  const { caseId } = await recordNewAllegation(deps, callerAs('1180'), {
    suspectCollarNumber: '4021',
    victimDescription: 'Bench victim',
    summary: 'Bench allegation',
    criminal: true,
    crimeNumber: `BENCH/${Date.now()}`,
    callLogRefs: [],
    receivedAs: 'victim-report',
    urgentSafeguarding: false,
  });
  await changeCaseRestriction(deps, callerAs('0874'), caseId, 'restrict', {
    reason: 'Bench',
    callLogRefs: [],
  });
  return caseId;
};

/** Starts the local stack quietly on free ports, runs `work`, and stops it. */
export const withBenchRuntime = async <T>(work: (runtime: LocalRuntime) => Promise<T>): Promise<T> => {
  const [http = 0, dynamo = 0, aws = 0] = await freePorts(3);
  const runtime = await startRuntime({
    httpPort: http,
    dynamoPort: dynamo,
    awsPort: aws,
    log: () => undefined,
  });
  try {
    return await work(runtime);
  } finally {
    await runtime.stop();
  }
};

export interface AccessCheckFigures {
  readonly runs: number;
  /** `decideAccess` alone: pure, in memory. */
  readonly decision: LatencyFigures;
  /** Load the case, decide, write the hash-chained audit entry (DynamoDB Local): the part no access may skip. */
  readonly checkAndAudit: LatencyFigures;
  /** The whole refused attempt as a page makes it: load, decide, the audit entry with PSD's alert in one transaction, the alert sent. */
  readonly wholeAttempt: LatencyFigures;
}

/** Access check + audit write, warm, `runs` times after a warm-up, for a colleague who is refused. */
export const benchAccessCheckAndAudit = async (
  options: { readonly runs?: number; readonly runtime?: LocalRuntime } = {},
): Promise<AccessCheckFigures> => {
  const run = async (): Promise<AccessCheckFigures> => {
    const runs = options.runs ?? 200;
    const deps = serviceDependencies();
    const caseId = await restrictedCase(deps);
    const colleague = callerAs('2107');
    const file = await deps.cases.load(caseId);
    if (!file) throw new Error('The bench case was not stored');

    const checkAndAudit = async () => {
      const loaded = await deps.cases.load(caseId);
      if (!loaded) throw new Error('The bench case was not stored');
      const decision = decide(colleague.principal, loaded, 'open', new Date());
      await recordAccess(deps.auditLog, {
        principal: colleague.principal,
        caseRef: caseRefOf(caseId),
        action: 'open-case',
        reason: auditReason(describeDecision(decision)),
        outcome: decision.allowed ? 'allowed' : 'denied',
        correlationId: colleague.correlationId,
        now: new Date(),
      });
    };
    const whole = () => openCase(deps, { ...colleague, now: new Date() }, caseId).catch(() => undefined);
    for (let warm = 0; warm < 20; warm++) {
      await checkAndAudit();
      await whole();
    }
    const decisionSamples: number[] = [];
    const auditSamples: number[] = [];
    const wholeSamples: number[] = [];
    for (let index = 0; index < runs; index++) {
      let start = performance.now();
      decide(colleague.principal, file, 'open', new Date());
      decisionSamples.push(performance.now() - start);
      start = performance.now();
      await checkAndAudit();
      auditSamples.push(performance.now() - start);
      start = performance.now();
      await whole();
      wholeSamples.push(performance.now() - start);
    }
    return {
      runs,
      decision: figures(decisionSamples),
      checkAndAudit: figures(auditSamples),
      wholeAttempt: figures(wholeSamples),
    };
  };
  return options.runtime ? run() : withBenchRuntime(run);
};

export interface AlertLatencyFigures {
  readonly runs: number;
  /** From sending the refused request to the alert standing in PSD's alerts inbox (one queue hop). */
  readonly toAlertsInbox: LatencyFigures;
  /** ... to the notification in PSD's staff inbox (`/staff/notifications`, a second queue hop). */
  readonly toStaffInbox: LatencyFigures;
}

const pollUntil = async (check: () => Promise<boolean>, timeoutMs: number): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`Not seen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/**
 * A colleague opens a restricted case they may not see, over HTTP; the clock runs until PSD can see the
 * alert in its alerts inbox and in its staff inbox, through the local queue pollers.
 */
export const benchDeniedAttemptToPsd = async (
  options: { readonly runs?: number; readonly runtime?: LocalRuntime; readonly timeoutMs?: number } = {},
): Promise<AlertLatencyFigures> => {
  const run = async (runtime: LocalRuntime): Promise<AlertLatencyFigures> => {
    const runs = options.runs ?? 20;
    const timeoutMs = options.timeoutMs ?? 15_000;
    const deps = serviceDependencies();
    const inbox = alertInbox();
    const colleague = await signedInCookie(runtime, 'sergeant');
    const psd = await signedInCookie(runtime, 'psd-investigator');
    const toAlerts: number[] = [];
    const toStaff: number[] = [];
    for (let index = 0; index < runs; index++) {
      const caseId = await restrictedCase(deps);
      const start = performance.now();
      const response = await fetch(`${runtime.url}/staff/restricted-cases/cases/${caseId}`, {
        headers: { cookie: colleague },
      });
      await response.arrayBuffer();
      if (response.status !== 404)
        throw new Error(`Expected the colleague to be refused, got ${response.status}`);
      const alertSeen = pollUntil(
        async () =>
          (await inbox.recent(50)).some(
            (alert) =>
              alert.caseId === caseId && alert.actor.collarNumber === '2107' && alert.outcome === 'denied',
          ),
        timeoutMs,
      ).then(() => toAlerts.push(performance.now() - start));
      const notificationSeen = pollUntil(async () => {
        const page = await fetch(`${runtime.url}/staff/notifications`, { headers: { cookie: psd } });
        return (await page.text()).includes(`${caseId}: collar 2107`);
      }, timeoutMs).then(() => toStaff.push(performance.now() - start));
      await Promise.all([alertSeen, notificationSeen]);
    }
    return { runs, toAlertsInbox: figures(toAlerts), toStaffInbox: figures(toStaff) };
  };
  return options.runtime ? run(options.runtime) : withBenchRuntime(run);
};
