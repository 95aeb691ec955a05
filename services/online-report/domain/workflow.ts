import { DispatchRequested } from '../contracts.ts';
import { RecordNotFoundError, WrongStageError } from './errors.ts';
import { derivedUuid } from './ids.ts';
import {
  flagPossibleSerialPerpetrator,
  type IncidentLog,
  openFromScreening,
  raiseRepeatAlert,
  recordDispatchRequested,
} from './incident-log.ts';
import { decideMatches } from './patterns.ts';
import type { CommandAndControl, ReportRepository, StepAuditTrail, SupervisorAlerts } from './ports.ts';
import { isDomesticAbuse, type OnlineReport, reportRef } from './report.ts';
import { planStepAudit, stepsDoneOn, type WorkflowStep } from './step-audit.ts';

export type { WorkflowStep } from './step-audit.ts';

/**
 * What happens once domestic abuse is apparent in an online report (000 §8.3.1): the incident log exists,
 * an officer is dispatched, a repeat reaches the duty sergeant, a suspect named by two victims is flagged.
 * Each step looks at the log first, so a message retried from the queue finishes the work without doing
 * any step twice; and each step is audited once, by whichever attempt gets there (`step-audit.ts`).
 */

export interface WorkflowDependencies {
  readonly repository: ReportRepository;
  readonly commandAndControl: CommandAndControl;
  readonly alerts: SupervisorAlerts;
  readonly auditTrail: StepAuditTrail;
}

export interface WorkflowContext {
  readonly now: Date;
  readonly correlationId: string;
  /** The message that identified the domestic abuse: a redelivery of it is the same identification. */
  readonly identificationId: string;
}

/** `steps`: what this attempt did; `audited`: the entries it wrote, for its steps or an earlier attempt's. */
export type WorkflowOutcome =
  | {
      readonly kind: 'progressed';
      readonly log: IncidentLog;
      readonly steps: readonly WorkflowStep[];
      readonly audited: readonly WorkflowStep[];
    }
  | { readonly kind: 'not-domestic-abuse'; readonly audited: readonly WorkflowStep[] };

export const dispatchPurpose =
  'Domestic abuse reported online: face-to-face contact for a victim statement, DASH risk assessment and safeguarding';

/** The dispatch request of a log; its id is derived from the log, so asking twice asks once. */
export const dispatchRequestFor = (log: IncidentLog, context: WorkflowContext): DispatchRequested =>
  DispatchRequested.parse({
    type: 'dispatch-requested',
    version: 1,
    id: derivedUuid(`dispatch:${log.reportId}`),
    occurredAt: context.now.toISOString(),
    correlationId: context.correlationId,
    data: {
      incidentId: log.reportId,
      reference: log.reference,
      grade: log.grade,
      purpose: dispatchPurpose,
      link: `/staff/online-reports/${log.reportId}`,
      requestedBy: 'online-report',
    },
  });

const ensureLog = async (
  reportId: string,
  repository: ReportRepository,
  now: Date,
  steps: WorkflowStep[],
): Promise<{ report: OnlineReport; log: IncidentLog } | undefined> => {
  const report = await repository.getReport(reportId);
  if (!report) throw new RecordNotFoundError();
  if (!isDomesticAbuse(report)) return undefined;
  const existing = await repository.getIncident(reportId);
  if (existing) return { report, log: existing };
  if (report.domesticAbuse !== 'flagged-by-screen') {
    throw new WrongStageError('A report marked by staff has its log opened with the marking.');
  }
  const opened = openFromScreening(reportRef(report), report.screening, now);
  if ((await repository.createIncident(opened)) === 'created') {
    steps.push('opened');
    return { report, log: opened };
  }
  const raced = await repository.getIncident(reportId);
  if (!raced) throw new WrongStageError('The incident log could not be read back.');
  return { report, log: raced };
};

/** Takes the steps not yet taken, noting each in `steps`; undefined when the report is not domestic abuse. */
const takeSteps = async (
  reportId: string,
  dependencies: WorkflowDependencies,
  context: WorkflowContext,
  steps: WorkflowStep[],
): Promise<IncidentLog | undefined> => {
  const { repository, commandAndControl, alerts } = dependencies;
  const found = await ensureLog(reportId, repository, context.now, steps);
  if (!found?.log.domesticAbuse) return undefined;
  let { log } = found;

  if (!log.dispatch) {
    const request = dispatchRequestFor(log, context);
    await commandAndControl.requestDispatch(request);
    log = recordDispatchRequested(log, request.id, context.now);
    await repository.saveIncident(log);
    steps.push('dispatch-requested');
  }

  // Recorded for matching whether or not this log already has a repeat: later reports must see this one.
  const matches = await repository.recordForMatching(
    { reportId, identificationId: context.identificationId },
    decideMatches,
  );
  if (!log.repeat && matches.repeatOf.length > 0) {
    // Alert first, then record: a crash in between alerts again (absorbed by the alert's id), never not at all.
    await alerts.alertDutySergeant(log, matches.repeatOf);
    log = raiseRepeatAlert(
      log,
      matches.repeatOf.map((match) => match.reference),
      context.now,
    );
    await repository.saveIncident(log);
    steps.push('repeat-alerted');
  }

  const flagged = flagPossibleSerialPerpetrator(log, matches.suspectVictims, context.now);
  if (flagged !== log) {
    log = flagged;
    await repository.saveIncident(log);
    steps.push('serial-flagged');
  }
  return log;
};

/**
 * Audits every step the log shows done and the trail does not yet hold, whichever attempt took it: one that
 * failed before auditing leaves its steps to the next. Returns the steps audited here.
 */
const auditOutstandingSteps = async (
  log: IncidentLog,
  takenNow: readonly WorkflowStep[],
  trail: StepAuditTrail,
  context: WorkflowContext,
): Promise<WorkflowStep[]> => {
  const done = stepsDoneOn(log);
  const marked = await trail.marked(log.reportId);
  const unmarked = done.filter((step) => !marked.some((each) => each.key === step.key));
  if (unmarked.length === 0) return [];
  // An entry without a marker stands only for a step an earlier attempt took: none if this one took them all.
  const trailActions = unmarked.every((step) => takenNow.includes(step.step))
    ? []
    : await trail.workflowActions(log.reportId);
  const plan = planStepAudit(done, takenNow, marked, trailActions);
  for (const step of plan.auditedWithoutMarker) await trail.markAudited(log.reportId, step, context.now);
  const audited: WorkflowStep[] = [];
  for (const step of plan.toAudit) {
    const outcome = await trail.recordOnce(log.reportId, step, context);
    if (outcome === 'recorded') audited.push(step.step);
  }
  return audited;
};

export const progressDomesticAbuseReport = async (
  reportId: string,
  dependencies: WorkflowDependencies,
  context: WorkflowContext,
): Promise<WorkflowOutcome> => {
  const steps: WorkflowStep[] = [];
  const progressed = await takeSteps(reportId, dependencies, context, steps);
  // A log taken out of domestic abuse since still has its earlier steps to audit.
  const log = progressed ?? (await dependencies.repository.getIncident(reportId));
  const audited = log ? await auditOutstandingSteps(log, steps, dependencies.auditTrail, context) : [];
  return progressed
    ? { kind: 'progressed', log: progressed, steps, audited }
    : { kind: 'not-domestic-abuse', audited };
};
