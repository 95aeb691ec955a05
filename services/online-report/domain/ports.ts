import type { DispatchRequested } from '../contracts.ts';
import type { IncidentLog } from './incident-log.ts';
import type { EarlierIncident, MatchDecision, MatchView } from './patterns.ts';
import type { OnlineReport } from './report.ts';
import type { StepDone } from './step-audit.ts';

/** Storage of reports and their incident logs, as the workflows need it. */
export interface ReportRepository {
  getReport(reportId: string): Promise<OnlineReport | undefined>;
  getIncident(reportId: string): Promise<IncidentLog | undefined>;
  /** Stores a new log unless the report already has one (a redelivered message): then `exists`. */
  createIncident(log: IncidentLog): Promise<'created' | 'exists'>;
  /** Saves a changed log if it is still at `log.version - 1`; otherwise ConcurrentChangeError. */
  saveIncident(log: IncidentLog): Promise<void>;
  /**
   * Records the report against each of its identity keys and decides its matches with `decide`, against
   * every report recorded before it, in one step: of two reports recorded at once, the one recorded second
   * sees the first. The decision is kept; asked again for the same identification (a redelivered message),
   * it is returned unchanged, so a report never counts twice. A new identification (recorded as domestic
   * abuse again after being taken out) is decided afresh.
   */
  recordForMatching(
    identification: MatchIdentification,
    decide: (view: MatchView) => MatchDecision,
  ): Promise<MatchDecision>;
}

/** The report being matched and the message that identified it as domestic abuse. */
export interface MatchIdentification {
  readonly reportId: string;
  /** The id of the message: a redelivery carries the same one. */
  readonly identificationId: string;
}

export interface ReportIdentityKeys {
  /** Name and date of birth, email, phone: any may match an earlier report. */
  readonly victim: readonly string[];
  /** The victim's name-and-date-of-birth key: one person, one key, for counting victims. */
  readonly victimPrimary?: string;
  readonly suspect?: string;
}

/** The force's command and control system: asks for an officer to be dispatched. Idempotent by message id. */
export interface CommandAndControl {
  requestDispatch(request: DispatchRequested): Promise<void>;
}

/** Tells the duty sergeant (Force Response supervisor) about a repeat incident. Idempotent by log. */
export interface SupervisorAlerts {
  alertDutySergeant(log: IncidentLog, matches: readonly EarlierIncident[]): Promise<void>;
}

/** When and under which correlation a step's entry is written. */
export interface StepRecording {
  readonly now: Date;
  readonly correlationId: string;
}

/**
 * The report's audit trail as the domestic-abuse workflow writes it (`step-audit.ts`): each step's entry
 * written once, with a marker saying so, whichever attempt asks and however many ask at once.
 */
export interface StepAuditTrail {
  /** The report's steps whose entry the trail holds, each written with its marker. */
  marked(reportId: string): Promise<StepDone[]>;
  /** The action of every entry the workflow wrote on the report's trail, marked or not, in order. */
  workflowActions(reportId: string): Promise<string[]>;
  /** Marks a step whose entry was written before markers were kept; a step marked already stays as it is. */
  markAudited(reportId: string, step: StepDone, now: Date): Promise<void>;
  /**
   * Writes the step's entry and its marker together unless the step is marked: `already` when another
   * attempt wrote them first. A failure leaves neither.
   */
  recordOnce(reportId: string, step: StepDone, recording: StepRecording): Promise<'recorded' | 'already'>;
}
