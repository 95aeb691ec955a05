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
import type { CommandAndControl, ReportRepository, SupervisorAlerts } from './ports.ts';
import { isDomesticAbuse, type OnlineReport, reportRef } from './report.ts';

/**
 * What happens once domestic abuse is apparent in an online report (000 §8.3.1): the incident log exists,
 * an officer is dispatched, a repeat reaches the duty sergeant, a suspect named by two victims is flagged.
 * Each step looks at the log first, so a message retried from the queue finishes the work without doing
 * any step twice.
 */

export interface WorkflowDependencies {
  readonly repository: ReportRepository;
  readonly commandAndControl: CommandAndControl;
  readonly alerts: SupervisorAlerts;
}

export interface WorkflowContext {
  readonly now: Date;
  readonly correlationId: string;
  /** The message that identified the domestic abuse: a redelivery of it is the same identification. */
  readonly identificationId: string;
}

export type WorkflowStep = 'opened' | 'dispatch-requested' | 'repeat-alerted' | 'serial-flagged';

export type WorkflowOutcome =
  | { readonly kind: 'progressed'; readonly log: IncidentLog; readonly steps: readonly WorkflowStep[] }
  | { readonly kind: 'not-domestic-abuse' };

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

export const progressDomesticAbuseReport = async (
  reportId: string,
  dependencies: WorkflowDependencies,
  context: WorkflowContext,
): Promise<WorkflowOutcome> => {
  const { repository, commandAndControl, alerts } = dependencies;
  const steps: WorkflowStep[] = [];
  const found = await ensureLog(reportId, repository, context.now, steps);
  if (!found?.log.domesticAbuse) return { kind: 'not-domestic-abuse' };
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
  return { kind: 'progressed', log, steps };
};
