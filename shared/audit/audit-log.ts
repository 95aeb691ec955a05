import type { Principal } from '../auth/principal.ts';
import {
  type AuditEntry,
  AuditRecordInput,
  type CaseRef,
  type ChainVerification,
  type Outcome,
  type StaffActor,
} from './chain.ts';

/** The port every handler writes through: one append-only chain of entries per case. */
export interface AuditLog {
  /** Appends the next entry of the case's chain; concurrent callers are serialised, never forked. */
  record(input: AuditRecordInput): Promise<AuditEntry>;
  /**
   * Appends the entry unless one was appended for `key` on the case already (`'already'`): for work that is
   * retried or delivered twice and must be audited exactly once.
   */
  recordOnce(input: AuditRecordInput, key: string): Promise<AuditEntry | 'already'>;
  /** The case's entries in chain order (empty for a case never audited). */
  entries(caseRef: CaseRef): Promise<AuditEntry[]>;
  /** Walks the case's chain and reports the first broken link. */
  verify(caseRef: CaseRef): Promise<ChainVerification>;
}

/** The input did not make a valid entry; names the fields only, never their values. */
export class InvalidAuditEntryError extends Error {
  constructor(readonly fields: readonly string[]) {
    super(`An audit entry could not be made: invalid ${fields.join(', ') || 'input'}.`);
    this.name = 'InvalidAuditEntryError';
  }
}

/** Too many writers kept winning the race for the same case; the entry was not written. */
export class AuditLogContentionError extends Error {
  constructor(
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`The audit entry could not be written after ${attempts} attempts: the case is busy.`, options);
    this.name = 'AuditLogContentionError';
  }
}

/** Stored audit data could not be read back as written: the chain has been altered. */
export class AuditLogCorruptError extends Error {
  constructor(what: string) {
    super(`The audit log of this case has been altered: ${what}. Run audit:verify for the case.`);
    this.name = 'AuditLogCorruptError';
  }
}

/** Parses what a caller passed, so a bad entry fails here with the field names rather than in storage. */
export const parseRecordInput = (input: unknown): AuditRecordInput => {
  const parsed = AuditRecordInput.safeParse(input);
  if (!parsed.success) {
    throw new InvalidAuditEntryError([...new Set(parsed.error.issues.map((issue) => issue.path.join('.')))]);
  }
  return parsed.data;
};

/** Who acted, as the log keeps it: collar number, rank and department, and not the person's name. */
export const staffActor = (principal: Principal): StaffActor => ({
  collarNumber: principal.collarNumber,
  rank: principal.rank,
  department: principal.department,
});

export interface Access {
  readonly principal: Principal;
  readonly caseRef: CaseRef;
  readonly action: string;
  /** What the member of staff typed as their reason; blank counts as none. */
  readonly reason?: string | undefined;
  readonly outcome: Outcome;
  readonly correlationId: string;
  readonly now: Date;
}

/** The entry for one view or change of a case by a member of staff, ready for the log. */
export const accessRecord = (access: Access): AuditRecordInput => {
  const reason = access.reason?.trim();
  return parseRecordInput({
    caseRef: access.caseRef,
    actor: staffActor(access.principal),
    action: access.action,
    ...(reason ? { reason } : {}),
    outcome: access.outcome,
    at: access.now.toISOString(),
    correlationId: access.correlationId,
  });
};

/**
 * Records one view or change of a case by a member of staff, allowed or denied (DPA 2018 s.62). Call it
 * before the case is shown or changed, and fail the request if it throws: an unlogged access must not
 * happen.
 */
export const recordAccess = async (log: AuditLog, access: Access): Promise<AuditEntry> =>
  log.record(accessRecord(access));
