import type { IdentityKey, IdentityMatch } from './identity.ts';
import type { DvdsCase, Subject } from './model.ts';
import type { CheckKind, CheckResult } from './vocabulary.ts';

/**
 * What the rules need from the world, as the domain names it. Adapters (adapters/) implement these on
 * DynamoDB, the police systems and the keyed hash.
 */

/** A message to send when the write it belongs to lands (the outbox). */
export interface OutgoingMessage {
  readonly queue: string;
  readonly message: { readonly id: string; readonly type: string } & Record<string, unknown>;
}

export interface CaseListPage {
  readonly cases: readonly DvdsCase[];
  /** Opaque cursor for the next page, when there is one. */
  readonly next?: string;
}

export interface NewCaseWrite {
  readonly dvdsCase: DvdsCase;
  readonly identityKeys: readonly IdentityKey[];
  readonly messages: readonly OutgoingMessage[];
  /** A submission written once: a second create with the same key finds the first case instead. */
  readonly submissionKey?: string;
}

export type CreateOutcome =
  | { readonly created: true }
  | { readonly created: false; readonly existingCaseId: string };

export interface CaseRepository {
  get(id: string): Promise<DvdsCase | undefined>;
  /** Writes a new case with its identity keys and messages, once; throws on an id already taken. */
  create(write: NewCaseWrite): Promise<CreateOutcome>;
  /** Writes the next version if the stored one is still `expectedVersion` (else ConcurrentChangeError). */
  save(next: DvdsCase, expectedVersion: number, messages: readonly OutgoingMessage[]): Promise<void>;
  /** Earlier cases holding any of these identity keys: a Query per key, never a scan. */
  findIdentityMatches(keys: readonly string[]): Promise<IdentityMatch[]>;
  /** Open cases, the soonest clock first. */
  listOpen(limit: number, cursor?: string): Promise<CaseListPage>;
  /** Open cases whose soonest clock falls due by `dueBy`: what the sweep looks at. */
  openDueBy(dueBy: Date): Promise<DvdsCase[]>;
  /** Every case that started in the London month `YYYY-MM`. */
  startedIn(month: string): Promise<DvdsCase[]>;
  /** Sends an alert once: records its key and writes its messages together; false when already sent. */
  recordAlertOnce(
    caseId: string,
    alertKey: string,
    messages: readonly OutgoingMessage[],
    now: Date,
  ): Promise<boolean>;
}

/** What a police system said about the subject, when the system can be asked directly. */
export interface AutomaticCheck {
  readonly result: CheckResult;
  readonly summary: string;
  readonly visorMarker?: boolean;
}

/**
 * The police systems behind the minimum checks (PNC, PND, ViSOR, local intelligence). Where a force has
 * no interface to a system, the adapter answers `undefined` and the officer enters the result by hand.
 */
export interface PoliceSystems {
  readonly mode: 'manual' | 'automatic';
  check(kind: CheckKind, subject: Subject): Promise<AutomaticCheck | undefined>;
}
