import type { DispatchRequested } from '../contracts.ts';
import type { IncidentLog } from './incident-log.ts';
import type { EarlierIncident, SuspectReport } from './patterns.ts';
import type { OnlineReport } from './report.ts';

/** Storage of reports and their incident logs, as the workflows need it. */
export interface ReportRepository {
  getReport(reportId: string): Promise<OnlineReport | undefined>;
  getIncident(reportId: string): Promise<IncidentLog | undefined>;
  /** Stores a new log unless the report already has one (a redelivered message): then `exists`. */
  createIncident(log: IncidentLog): Promise<'created' | 'exists'>;
  /** Saves a changed log if it is still at `log.version - 1`; otherwise ConcurrentChangeError. */
  saveIncident(log: IncidentLog): Promise<void>;
  /** The report's identity keys (keyed HMACs): the victim's, and the suspect's when known. */
  identityKeysOf(reportId: string): Promise<ReportIdentityKeys>;
  /** Other reports sharing any of the victim's keys, with what they are now. */
  reportsOfVictim(victimKeys: readonly string[]): Promise<EarlierIncident[]>;
  /** Reports naming the suspect, with each one's victim key. */
  reportsOfSuspect(suspectKey: string): Promise<SuspectReport[]>;
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
