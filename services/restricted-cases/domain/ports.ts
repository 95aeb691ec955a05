import type { AuditRecordInput } from '../../../shared/audit/chain.ts';
import type { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import type { AccessAlert } from './alerts.ts';
import type { CaseFile, Grant, RestrictedCase } from './model.ts';

/** A message to send once the write it belongs to has landed (the outbox). */
export interface Outgoing {
  readonly queue: string;
  readonly message: AnyEnvelope;
}

/** The service's own table (encrypted with its own key). Every list is a Query on an index, never a Scan. */
export interface CaseRepository {
  load(caseId: string): Promise<CaseFile | undefined>;
  /** Writes a new case with its messages in one transaction; refuses an id already taken. */
  create(file: CaseFile, messages: readonly Outgoing[]): Promise<void>;
  /**
   * Writes what changed between `previous` and `next` (whose case version is one more) with its messages,
   * in one transaction conditional on the stored version still being `previous`'s; otherwise
   * ConcurrentChangeError.
   */
  save(previous: CaseFile, next: CaseFile, messages: readonly Outgoing[]): Promise<void>;
  idsByCrimeNumber(crimeNumber: string): Promise<string[]>;
  idsBySuspect(collarNumber: string): Promise<string[]>;
  /** Cases where the person is on the access list (any role). */
  idsByMember(collarNumber: string): Promise<string[]>;
  /** Newest first. */
  listCases(state: 'open' | 'closed', limit: number): Promise<RestrictedCase[]>;
  /** Safeguarding requests awaiting a decision and break-glass access awaiting review, oldest first. */
  grantsAwaitingAction(): Promise<{ readonly caseId: string; readonly grant: Grant }[]>;
}

/**
 * Keeps an access attempt: its audit entry and PSD's alert are written together, so an entry is never
 * without its alert on the way (sent at once, or by the outbox sweep), and a write that fails leaves
 * neither. `alert.message.id` is the attempt's own: a retried write keeps one entry and one alert.
 */
export interface AttemptLog {
  record(entry: AuditRecordInput, alert: Outgoing): Promise<void>;
}

/** PSD's alerts inbox. */
export interface AlertInbox {
  /** Stores the alert once; false when it was already stored (a redelivered message). */
  add(alert: AccessAlert): Promise<boolean>;
  /** Newest first. */
  recent(limit: number): Promise<AccessAlert[]>;
}
