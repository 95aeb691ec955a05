import { createHash } from 'node:crypto';
import * as z from 'zod';
import { Department, Rank, StaffGrade } from '../auth/principal.ts';

/**
 * The access log of one case is a hash chain: every entry holds the SHA-256 of the entry before it, so an
 * entry edited, removed, inserted or moved after it was written shows up when the chain is walked
 * (Data Protection Act 2018 s.62). Pure: no I/O and no clock; the time of an entry is passed in.
 */

/** The `previousHash` of the first entry of every chain. */
export const GENESIS_HASH = '0'.repeat(64);

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** Which case an entry is about. Both parts go into storage keys, so neither may hold `#`, `/` or spaces. */
export const CaseRef = z.strictObject({
  service: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
  caseId: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/),
});
export type CaseRef = z.infer<typeof CaseRef>;

/** A member of staff, identified by collar number; their name is deliberately left out. */
export const StaffActor = z.strictObject({
  collarNumber: z.string().min(1).max(32),
  rank: z.union([Rank, StaffGrade]),
  department: Department,
});
export type StaffActor = z.infer<typeof StaffActor>;

/** Automated work (a queue consumer, a scheduled sweep), named by the service or job that did it. */
export const SystemActor = z.strictObject({
  system: z.string().regex(/^[a-z][a-z0-9-]{0,62}$/),
});
export type SystemActor = z.infer<typeof SystemActor>;

export const Actor = z.union([StaffActor, SystemActor]);
export type Actor = z.infer<typeof Actor>;

export const Outcome = z.enum(['allowed', 'denied']);
export type Outcome = z.infer<typeof Outcome>;

/** A short verb phrase in kebab case: `view-case`, `authorise-notice`, `search`. */
export const Action = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/)
  .max(64);

/** What a caller supplies; the chain adds the sequence and the hashes. */
export const AuditRecordInput = z.strictObject({
  caseRef: CaseRef,
  actor: Actor,
  action: Action,
  /** The reason the member of staff typed, when the action asks for one. */
  reason: z.string().min(1).max(1000).optional(),
  outcome: Outcome,
  /** ISO-8601 in UTC (`Z`). */
  at: z.iso.datetime(),
  correlationId: z.string().min(1).max(100),
});
export type AuditRecordInput = z.infer<typeof AuditRecordInput>;

export const AuditEntry = z.strictObject({
  ...AuditRecordInput.shape,
  /** 1 for the first entry of a case, then one more for each entry. */
  sequence: z.number().int().positive(),
  previousHash: Sha256Hex,
  hash: Sha256Hex,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

/** The latest entry of a case, kept beside the chain so that removing the last entry is noticed too. */
export const ChainHead = z.strictObject({
  sequence: z.number().int().positive(),
  hash: Sha256Hex,
});
export type ChainHead = z.infer<typeof ChainHead>;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * JSON with object keys sorted at every level and absent values left out, so the same entry always
 * serialises to the same bytes whatever order its fields were built or stored in.
 */
export const canonicalJson = (value: Json | undefined): string => {
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item ?? null)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const fields = Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
};

/** SHA-256 (hex) of the canonical JSON of everything in the entry except its own hash. */
export const hashEntry = (entry: Omit<AuditEntry, 'hash'> & { hash?: string }): string => {
  const { hash: _ignored, ...content } = entry;
  return createHash('sha256').update(canonicalJson(content), 'utf8').digest('hex');
};

/** The entry that follows `head` (or starts the chain when there is none). */
export const nextEntry = (head: ChainHead | undefined, input: AuditRecordInput): AuditEntry => {
  const unsealed = {
    ...input,
    sequence: (head?.sequence ?? 0) + 1,
    previousHash: head?.hash ?? GENESIS_HASH,
  };
  return { ...unsealed, hash: hashEntry(unsealed) };
};

export const chainProblems = [
  'malformed',
  'edited',
  'bad-genesis',
  'unlinked',
  'missing',
  'reordered',
  'duplicate',
  'wrong-case',
  'head-mismatch',
] as const;
export type ChainProblem = (typeof chainProblems)[number];

export type ChainVerification =
  | { readonly ok: true; readonly length: number }
  | {
      readonly ok: false;
      /** Sequence number of the first entry that does not hold. */
      readonly brokenAt: number;
      readonly problem: ChainProblem;
      /** One plain sentence for whoever reads the report; it names sequence numbers only. */
      readonly explanation: string;
    };

export interface ChainExpectations {
  /** The case every entry must belong to; defaults to the case of the first entry. */
  readonly caseRef?: CaseRef;
  /**
   * The stored head: `null` when the store has none, omitted to skip the check. Untrusted, so parsed here.
   */
  readonly head?: unknown;
}

const broken = (brokenAt: number, problem: ChainProblem, explanation: string): ChainVerification => ({
  ok: false,
  brokenAt,
  problem,
  explanation,
});

const sameCase = (a: CaseRef, b: CaseRef): boolean => a.service === b.service && a.caseId === b.caseId;

const claimedSequence = (raw: unknown, fallback: number): number => {
  if (raw !== null && typeof raw === 'object' && 'sequence' in raw) {
    const { sequence } = raw;
    if (typeof sequence === 'number' && Number.isInteger(sequence) && sequence > 0) return sequence;
  }
  return fallback;
};

const verifyHead = (head: unknown, tip: AuditEntry | undefined, length: number): ChainVerification => {
  const intact: ChainVerification = { ok: true, length };
  if (head === undefined) return intact;
  if (head === null) {
    return tip
      ? broken(
          tip.sequence,
          'head-mismatch',
          `The record of the latest entry is missing, although the chain holds ${length} entries.`,
        )
      : intact;
  }
  const parsed = ChainHead.safeParse(head);
  if (!parsed.success) {
    return broken(
      tip?.sequence ?? 1,
      'head-mismatch',
      'The record of the latest entry has been altered: it is unreadable.',
    );
  }
  const recorded = parsed.data;
  const tipSequence = tip?.sequence ?? 0;
  if (recorded.sequence > tipSequence) {
    const first = tipSequence + 1;
    const span =
      recorded.sequence === first ? `Entry ${first} is` : `Entries ${first} to ${recorded.sequence} are`;
    return broken(first, 'missing', `${span} missing from the end of the chain.`);
  }
  if (recorded.sequence < tipSequence) {
    return broken(
      recorded.sequence + 1,
      'head-mismatch',
      `Entry ${recorded.sequence + 1} was added after the chain's recorded end, outside the audit log.`,
    );
  }
  if (tip && recorded.hash !== tip.hash) {
    return broken(
      tip.sequence,
      'head-mismatch',
      `Entry ${tip.sequence} is not the latest entry that was recorded: it has been replaced.`,
    );
  }
  return intact;
};

/**
 * Walks a chain in stored order and reports the first link that does not hold. `entries` are untrusted
 * (read back from storage), so each is parsed here rather than assumed to be an `AuditEntry`.
 */
export const verifyChain = (
  entries: readonly unknown[],
  expectations: ChainExpectations = {},
): ChainVerification => {
  const parsed = entries.map((raw) => AuditEntry.safeParse(raw));
  let expectedCase = expectations.caseRef;
  let expectedSequence = 1;
  let previousHash = GENESIS_HASH;
  let tip: AuditEntry | undefined;

  for (const [index, result] of parsed.entries()) {
    if (!result.success) {
      const at = claimedSequence(entries[index], expectedSequence);
      return broken(
        at,
        'malformed',
        `Entry ${at} has been altered: it no longer has the shape of an audit entry.`,
      );
    }
    const entry = result.data;
    if (hashEntry(entry) !== entry.hash) {
      return broken(
        entry.sequence,
        'edited',
        `Entry ${entry.sequence} has been altered since it was written: its contents no longer match its hash.`,
      );
    }
    expectedCase ??= entry.caseRef;
    if (!sameCase(entry.caseRef, expectedCase)) {
      return broken(entry.sequence, 'wrong-case', `Entry ${entry.sequence} belongs to a different case.`);
    }
    if (entry.sequence > expectedSequence) {
      const appearsLater = parsed
        .slice(index + 1)
        .some((later) => later.success && later.data.sequence === expectedSequence);
      return appearsLater
        ? broken(
            expectedSequence,
            'reordered',
            `Entry ${expectedSequence} is out of order: entry ${entry.sequence} is stored before it.`,
          )
        : broken(
            expectedSequence,
            'missing',
            `Entry ${expectedSequence} is missing: the chain jumps to entry ${entry.sequence}.`,
          );
    }
    if (entry.sequence < expectedSequence) {
      return broken(
        entry.sequence,
        'duplicate',
        `Two entries claim to be entry ${entry.sequence}: one of them was inserted.`,
      );
    }
    if (entry.previousHash !== previousHash) {
      return entry.sequence === 1
        ? broken(1, 'bad-genesis', 'Entry 1 does not start a chain: it refers to an earlier entry.')
        : broken(
            entry.sequence,
            'unlinked',
            `Entry ${entry.sequence} does not follow entry ${entry.sequence - 1}: one of them was replaced or inserted.`,
          );
    }
    tip = entry;
    previousHash = entry.hash;
    expectedSequence += 1;
  }

  return verifyHead(expectations.head, tip, parsed.length);
};
