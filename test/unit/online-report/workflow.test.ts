import { describe, expect, it } from 'vitest';
import type { DispatchRequested } from '../../../services/online-report/contracts.ts';
import { ConcurrentChangeError } from '../../../services/online-report/domain/errors.ts';
import type { IncidentLog } from '../../../services/online-report/domain/incident-log.ts';
import type {
  MatchCandidate,
  MatchDecision,
  MatchView,
} from '../../../services/online-report/domain/patterns.ts';
import type {
  CommandAndControl,
  MatchIdentification,
  ReportIdentityKeys,
  ReportRepository,
  StepAuditTrail,
  StepRecording,
  SupervisorAlerts,
} from '../../../services/online-report/domain/ports.ts';
import {
  isDomesticAbuse,
  newReport,
  type OnlineReport,
} from '../../../services/online-report/domain/report.ts';
import type { StepDone } from '../../../services/online-report/domain/step-audit.ts';
import { progressDomesticAbuseReport } from '../../../services/online-report/domain/workflow.ts';
import { InMemoryAuditLog } from '../../../shared/audit/in-memory-audit-log.ts';
import { reportAnswers } from './fixtures.ts';

/**
 * Reports, logs and identity keys in memory, keeping the same promises as the DynamoDB repository: a key's
 * record starts from every report holding the key (as the index would give it), and a decision is kept
 * under its identification.
 */
class MemoryRepository implements ReportRepository {
  readonly reports = new Map<string, OnlineReport>();
  readonly logs = new Map<string, IncidentLog>();
  readonly keys = new Map<string, ReportIdentityKeys>();
  readonly records = new Map<string, Set<string>>();
  readonly decisions = new Map<string, { identificationId: string; decision: MatchDecision }>();

  add(report: OnlineReport, keys: ReportIdentityKeys): void {
    this.reports.set(report.id, report);
    this.keys.set(report.id, keys);
  }
  async getReport(id: string) {
    return this.reports.get(id);
  }
  async getIncident(id: string) {
    return this.logs.get(id);
  }
  async createIncident(log: IncidentLog) {
    if (this.logs.has(log.reportId)) return 'exists' as const;
    this.logs.set(log.reportId, log);
    return 'created' as const;
  }
  async saveIncident(log: IncidentLog) {
    if (this.logs.get(log.reportId)?.version !== log.version - 1) throw new ConcurrentChangeError();
    this.logs.set(log.reportId, log);
  }
  async recordForMatching(
    { reportId, identificationId }: MatchIdentification,
    decide: (view: MatchView) => MatchDecision,
  ): Promise<MatchDecision> {
    const kept = this.decisions.get(reportId);
    if (kept?.identificationId === identificationId) return kept.decision;
    const report = this.reports.get(reportId);
    const keys = this.keys.get(reportId) ?? { victim: [] };
    if (!report) throw new Error('no report');
    const victimRecords = keys.victim.map((key) => this.#record('victim', key));
    const suspectRecords = keys.suspect ? [this.#record('suspect', keys.suspect)] : [];
    const decision = decide({
      report: {
        reportId,
        incidentDate: report.answers.incidentDate,
        ...(keys.victimPrimary ? { victimKey: keys.victimPrimary } : {}),
      },
      sameVictim: this.#candidates(victimRecords, reportId),
      sameSuspect: this.#candidates(suspectRecords, reportId),
    });
    for (const record of [...victimRecords, ...suspectRecords]) record.add(reportId);
    this.decisions.set(reportId, { identificationId, decision });
    return decision;
  }
  #record(role: 'victim' | 'suspect', key: string): Set<string> {
    const name = `${role}#${key}`;
    const holding = (id: string) =>
      role === 'victim' ? this.keys.get(id)?.victim.includes(key) : this.keys.get(id)?.suspect === key;
    const record = this.records.get(name) ?? new Set([...this.reports.keys()].filter(holding));
    this.records.set(name, record);
    return record;
  }
  #candidates(records: readonly Set<string>[], self: string): MatchCandidate[] {
    const ids = new Set(records.flatMap((record) => [...record]).filter((id) => id !== self));
    return [...ids].flatMap((id) => {
      const report = this.reports.get(id);
      if (!report) return [];
      const decision = this.decisions.get(id)?.decision;
      const victimKey = this.keys.get(id)?.victimPrimary;
      return [
        {
          reportId: id,
          reference: report.reference,
          incidentDate: report.answers.incidentDate,
          domesticAbuse: isDomesticAbuse(report),
          ...(victimKey ? { victimKey } : {}),
          ...(decision
            ? {
                counted: {
                  repeatOf: decision.repeatOf.map((match) => match.reportId),
                  suspectReports: decision.suspectReports,
                },
              }
            : {}),
        },
      ];
    });
  }
}

const caseRefOf = (reportId: string) => ({ service: 'online-report', caseId: reportId });

/**
 * The report's audit trail as the DynamoDB adapter keeps it: a step's entry and its marker are written
 * together or not at all. `refuse` fails that many writes, as a throttled or unreachable table would.
 */
class MemoryStepAuditTrail implements StepAuditTrail {
  readonly audit = new InMemoryAuditLog();
  readonly markers = new Map<string, StepDone[]>();
  refuse = 0;

  async marked(reportId: string) {
    return [...(this.markers.get(reportId) ?? [])];
  }
  async workflowActions(reportId: string) {
    return (await this.audit.entries(caseRefOf(reportId))).map((entry) => entry.action);
  }
  async markAudited(reportId: string, step: StepDone) {
    if (!this.#has(reportId, step)) this.markers.set(reportId, [...(await this.marked(reportId)), step]);
  }
  async recordOnce(reportId: string, step: StepDone, recording: StepRecording) {
    if (this.refuse > 0) {
      this.refuse -= 1;
      throw new Error('The audit table refused the write');
    }
    if (this.#has(reportId, step)) return 'already' as const;
    await this.audit.record({
      caseRef: caseRefOf(reportId),
      actor: { system: 'online-report' },
      action: step.step,
      outcome: 'allowed',
      at: recording.now.toISOString(),
      correlationId: recording.correlationId,
    });
    await this.markAudited(reportId, step);
    return 'recorded' as const;
  }
  #has(reportId: string, step: StepDone) {
    return (this.markers.get(reportId) ?? []).some((each) => each.key === step.key);
  }
}

const setup = () => {
  const repository = new MemoryRepository();
  const auditTrail = new MemoryStepAuditTrail();
  const dispatched: DispatchRequested[] = [];
  const alerts: string[] = [];
  const commandAndControl: CommandAndControl = {
    requestDispatch: async (request) => void dispatched.push(request),
  };
  const supervisorAlerts: SupervisorAlerts = {
    alertDutySergeant: async (log) => void alerts.push(log.reference),
  };
  const run = (reportId: string, identificationId = `identified-${reportId}`) =>
    progressDomesticAbuseReport(
      reportId,
      { repository, commandAndControl, alerts: supervisorAlerts, auditTrail },
      { now: new Date('2026-03-23T10:00:00Z'), correlationId: 'correlation-1', identificationId },
    );
  return { repository, dispatched, alerts, auditTrail, run };
};

const ids = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
] as const;

const disclosing = (
  id: string,
  reference: string,
  incidentDate = '2026-03-20',
  description = 'My ex keeps turning up at my door.',
) =>
  newReport({
    id,
    reference,
    answers: reportAnswers({ incidentDate, description }),
    now: new Date('2026-03-23T09:55:00Z'),
  });

describe('Domestic abuse reported online becomes a graded log with an officer dispatched (000 §8.3.1)', () => {
  it('opens a DA-marked log graded P2 and requests a dispatch', async () => {
    const { repository, dispatched, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    const outcome = await run(ids[0]);
    expect([
      outcome.kind === 'progressed' && outcome.steps,
      repository.logs.get(ids[0])?.markers,
      repository.logs.get(ids[0])?.grade,
      dispatched.map((request) => request.data.reference),
    ]).toEqual([['opened', 'dispatch-requested'], ['domestic-abuse'], 'P2', ['OR-AAAA-0001']]);
  });

  it('a redelivered message does nothing twice', async () => {
    const { repository, dispatched, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[0]);
    const again = await run(ids[0]);
    expect([again.kind === 'progressed' && again.steps, dispatched.length]).toEqual([[], 1]);
  });

  it('a failed dispatch leaves the log open without a dispatch, for the retry to finish', async () => {
    const { repository, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    const failing = progressDomesticAbuseReport(
      ids[0],
      {
        repository,
        commandAndControl: { requestDispatch: async () => Promise.reject(new Error('down')) },
        alerts: { alertDutySergeant: async () => undefined },
        auditTrail: new MemoryStepAuditTrail(),
      },
      { now: new Date('2026-03-23T10:00:00Z'), correlationId: 'c', identificationId: 'identified-1' },
    );
    await expect(failing).rejects.toThrow('down');
    await run(ids[0]);
    expect(repository.logs.get(ids[0])?.dispatch).toBeDefined();
  });

  it('a report that is not domestic abuse is left alone', async () => {
    const { repository, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2026-03-20', 'My bike was taken.'), {
      victim: ['v1'],
    });
    expect(await run(ids[0])).toEqual({ kind: 'not-domestic-abuse', audited: [] });
  });
});

describe('A repeat incident alerts the duty sergeant (000 §3.4, §8.3.1)', () => {
  it('a second domestic report by the same person within a year raises the alert', async () => {
    const { repository, alerts, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2025-12-01'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[0]);
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[1]);
    expect([alerts, repository.logs.get(ids[1])?.repeat?.matchedReferences]).toEqual([
      ['OR-AAAA-0002'],
      ['OR-AAAA-0001'],
    ]);
  });

  it('matching on the phone number alone is enough', async () => {
    const { repository, alerts, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2025-12-01'), {
      victim: ['v1', 'phone-1'],
      victimPrimary: 'v1',
    });
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v2', 'phone-1'], victimPrimary: 'v2' });
    await run(ids[1]);
    expect(alerts).toEqual(['OR-AAAA-0002']);
  });

  it('an earlier report more than twelve months before raises none', async () => {
    const { repository, alerts, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2025-03-01'), { victim: ['v1'], victimPrimary: 'v1' });
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[1]);
    expect(alerts).toEqual([]);
  });
});

describe('A suspect named by two victims is flagged (000 §3.5)', () => {
  it('flags the second victim’s log as a possible serial perpetrator', async () => {
    const { repository, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), {
      victim: ['v1'],
      victimPrimary: 'v1',
      suspect: 's1',
    });
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), {
      victim: ['v2'],
      victimPrimary: 'v2',
      suspect: 's1',
    });
    await run(ids[1]);
    expect(repository.logs.get(ids[1])?.serialPerpetrator?.victimCount).toBe(2);
  });
});

describe('Each pair of reports is counted once, whatever order they are recorded in (000 §3.4, §3.5, §8.3.1)', () => {
  it('two reports sent before either is recorded alert the duty sergeant once, not twice', async () => {
    const { repository, alerts, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2026-03-01'), { victim: ['v1'], victimPrimary: 'v1' });
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[0]);
    await run(ids[1]);
    expect([alerts, repository.logs.get(ids[1])?.repeat]).toEqual([['OR-AAAA-0001'], undefined]);
  });

  it('a redelivered message keeps its decision: no second alert, and the report never matches itself', async () => {
    const { repository, alerts, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2026-01-01'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[0]);
    await run(ids[0]);
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[1]);
    const again = await run(ids[1]);
    expect([
      alerts,
      repository.logs.get(ids[1])?.repeat?.matchedReferences,
      again.kind === 'progressed' && again.steps,
    ]).toEqual([['OR-AAAA-0002'], ['OR-AAAA-0001'], []]);
  });

  it('a suspect named by two victims sent at once is flagged on one log, the pair counted once', async () => {
    const { repository, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), {
      victim: ['v1'],
      victimPrimary: 'v1',
      suspect: 's1',
    });
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), {
      victim: ['v2'],
      victimPrimary: 'v2',
      suspect: 's1',
    });
    await run(ids[0]);
    await run(ids[1]);
    expect([
      repository.logs.get(ids[0])?.serialPerpetrator?.victimCount,
      repository.logs.get(ids[1])?.serialPerpetrator,
    ]).toEqual([2, undefined]);
  });

  it('a third victim of the suspect is flagged with all three counted', async () => {
    const { repository, run } = setup();
    for (const [index, id] of ids.entries()) {
      repository.add(disclosing(id, `OR-AAAA-000${index + 1}`), {
        victim: [`v${index}`],
        victimPrimary: `v${index}`,
        suspect: 's1',
      });
      await run(id);
    }
    expect(ids.map((id) => repository.logs.get(id)?.serialPerpetrator?.victimCount)).toEqual([
      undefined,
      2,
      3,
    ]);
  });
});

describe('Every step is audited exactly once, whichever attempt took it (DPA 2018 s.62; docs/architecture.md)', () => {
  const actionsOf = async (trail: MemoryStepAuditTrail, reportId: string) =>
    (await trail.audit.entries(caseRefOf(reportId))).map((entry) => entry.action);

  it('a delivery audits each step it takes, once, in order', async () => {
    const { repository, auditTrail, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001', '2026-01-01'), { victim: ['v1'], victimPrimary: 'v1' });
    await run(ids[0]);
    repository.add(disclosing(ids[1], 'OR-AAAA-0002'), { victim: ['v1'], victimPrimary: 'v1' });
    const outcome = await run(ids[1]);
    expect([outcome.audited, await actionsOf(auditTrail, ids[1])]).toEqual([
      ['opened', 'dispatch-requested', 'repeat-alerted'],
      ['opened', 'dispatch-requested', 'repeat-alerted'],
    ]);
  });

  it('steps whose attempt failed before auditing them are audited by the retry, which took none itself', async () => {
    const { repository, auditTrail, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    auditTrail.refuse = 1;
    await expect(run(ids[0])).rejects.toThrow('refused');
    const retry = await run(ids[0]);
    expect([
      retry.kind === 'progressed' && retry.steps,
      retry.audited,
      await actionsOf(auditTrail, ids[0]),
    ]).toEqual([[], ['opened', 'dispatch-requested'], ['opened', 'dispatch-requested']]);
  });

  it('a step audited before a later audit failed is not audited again by the retry', async () => {
    const { repository, auditTrail, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    const failSecond = auditTrail.recordOnce.bind(auditTrail);
    let calls = 0;
    auditTrail.recordOnce = async (...args) => {
      calls += 1;
      if (calls === 2) throw new Error('The audit table refused the write');
      return failSecond(...args);
    };
    await expect(run(ids[0])).rejects.toThrow('refused');
    await run(ids[0]);
    await run(ids[0]);
    expect(await actionsOf(auditTrail, ids[0])).toEqual(['opened', 'dispatch-requested']);
  });

  it('a log taken out of domestic abuse before the retry still has its earlier steps audited', async () => {
    const { repository, auditTrail, run } = setup();
    repository.add(disclosing(ids[0], 'OR-AAAA-0001'), { victim: ['v1'], victimPrimary: 'v1' });
    auditTrail.refuse = 1;
    await expect(run(ids[0])).rejects.toThrow('refused');
    const log = repository.logs.get(ids[0]);
    if (!log) throw new Error('The log was not opened.');
    repository.logs.set(ids[0], { ...log, domesticAbuse: false, status: 'closed', version: log.version + 1 });
    const retry = await run(ids[0]);
    expect([retry, await actionsOf(auditTrail, ids[0])]).toEqual([
      { kind: 'not-domestic-abuse', audited: ['opened', 'dispatch-requested'] },
      ['opened', 'dispatch-requested'],
    ]);
  });
});
