import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient } from '../aws/clients.ts';
import { queryItems } from '../aws/query.ts';
import { MissingConfigurationError, readConfig, required } from '../config/env.ts';
import { tableEnvName } from '../manifest/names.ts';
import {
  type AuditLog,
  AuditLogContentionError,
  AuditLogCorruptError,
  parseRecordInput,
} from './audit-log.ts';
import {
  AuditEntry,
  type AuditRecordInput,
  type CaseRef,
  ChainHead,
  type ChainVerification,
  nextEntry,
  verifyChain,
} from './chain.ts';

/** Environment variable that carries the audit table's name. */
export const auditTableEnvName = tableEnvName('platform', 'audit');

const ENTRY_PREFIX = 'ENTRY#';
const ONCE_PREFIX = 'ONCE#';

export const casePartitionKey = (caseRef: CaseRef): string => `CASE#${caseRef.service}#${caseRef.caseId}`;
export const entrySortKey = (sequence: number): string =>
  `${ENTRY_PREFIX}${String(sequence).padStart(10, '0')}`;
export const headSortKey = 'HEAD';
/** Beside a case's entries: the mark that the entry for `key` is in the chain (see `recordOnce`). */
export const onceSortKey = (key: string): string => `${ONCE_PREFIX}${key}`;

/** An entry written once for its key: the key, the entry's action and, where known, its sequence. */
export interface OnceMark {
  readonly key: string;
  readonly action: string;
  readonly sequence?: number;
}

export interface RetryPolicy {
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Fifty writers racing on one case need under ten attempts each; a real case sees a handful. Twenty keeps
 * the worst case (about eight seconds of waiting) inside an API request's time limit.
 */
export const defaultRetryPolicy: RetryPolicy = { maxAttempts: 20, baseDelayMs: 10, maxDelayMs: 500 };

export interface DynamoAuditLogOptions {
  readonly tableName: string;
  readonly client?: DynamoDBDocumentClient;
  readonly retry?: RetryPolicy;
  /** Items per Query page; DynamoDB's 1 MB page limit applies when omitted. */
  readonly pageSize?: number;
  readonly random?: () => number;
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Everything stored for one case, unparsed, as verification needs it. */
export interface StoredChain {
  /** Entry items in sort-key order, storage keys removed. */
  readonly entries: readonly unknown[];
  /** The head item with its storage keys removed, or `null` when there is none. */
  readonly head: unknown;
}

/** A write (lib-dynamodb shape) committed in the same transaction as an entry: see `recordOnce`. */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const retryableReasons = new Set(['None', 'ConditionalCheckFailed', 'TransactionConflict']);

/** A lost race: another writer appended first (condition failed) or was appending at the same moment. */
const isLostRace = (error: unknown): boolean => {
  if (!(error instanceof Error)) return false;
  if (error.name === 'TransactionConflictException') return true;
  if (error.name !== 'TransactionCanceledException') return false;
  const reasons = (error as Error & { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.length > 0 && reasons.every((reason) => retryableReasons.has(reason.Code ?? 'None'));
};

const withoutKeys = (item: Record<string, unknown>): Record<string, unknown> => {
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest;
};

const snapshotRounds = 5;

const sameHead = (a: Record<string, unknown> | null, b: Record<string, unknown> | null): boolean =>
  a === null || b === null ? a === b : a.sequence === b.sequence && a.hash === b.hash;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The audit log on the platform audit table. Per case: one item per entry (`ENTRY#<sequence>`) and a head
 * item (`HEAD`) holding the latest sequence and hash. Entry and head are written in one transaction,
 * conditional on the head being what was read, so racing writers take turns and never fork the chain.
 */
export class DynamoAuditLog implements AuditLog {
  readonly #tableName: string;
  readonly #client: DynamoDBDocumentClient;
  readonly #retry: RetryPolicy;
  readonly #pageSize: number | undefined;
  readonly #random: () => number;
  readonly #sleep: (ms: number) => Promise<void>;

  constructor(options: DynamoAuditLogOptions) {
    this.#tableName = options.tableName;
    this.#client = options.client ?? dynamoDocumentClient();
    this.#retry = options.retry ?? defaultRetryPolicy;
    this.#pageSize = options.pageSize;
    this.#random = options.random ?? Math.random;
    this.#sleep = options.sleep ?? pause;
  }

  async record(input: AuditRecordInput): Promise<AuditEntry> {
    const valid = parseRecordInput(input);
    let lastConflict: unknown;
    for (let attempt = 1; attempt <= this.#retry.maxAttempts; attempt += 1) {
      const head = await this.#readHead(valid.caseRef);
      const entry = nextEntry(head, valid);
      try {
        await this.#append(entry, head);
        return entry;
      } catch (error) {
        if (!isLostRace(error)) throw error;
        lastConflict = error;
        if (attempt < this.#retry.maxAttempts) await this.#sleep(this.#backoff(attempt));
      }
    }
    throw new AuditLogContentionError(this.#retry.maxAttempts, { cause: lastConflict });
  }

  /**
   * Appends the entry unless one was appended for `key` on this case already: the entry, the chain's new
   * head and a mark for the key are written in one transaction, the mark only where there is none. Of two
   * writers recording the same key, one commits and the other reads the mark and answers `already`; a
   * refused or lost write leaves neither entry nor mark. For work that is retried or delivered twice and
   * must be audited exactly once.
   *
   * `alongside` are writes that belong to the entry (a message for the outbox, say): they commit in the same
   * transaction, so they exist exactly when the entry does. A write alongside that meets a condition it
   * cannot pass fails the transaction like a lost race; the mark, read again, then tells whether it was this
   * call's own write, committed before its answer was lost.
   */
  async recordOnce(
    input: AuditRecordInput,
    key: string,
    alongside: readonly TransactItem[] = [],
  ): Promise<AuditEntry | 'already'> {
    const valid = parseRecordInput(input);
    const pk = casePartitionKey(valid.caseRef);
    let lastConflict: unknown;
    for (let attempt = 1; attempt <= this.#retry.maxAttempts; attempt += 1) {
      const head = await this.#readHead(valid.caseRef);
      const entry = nextEntry(head, valid);
      const mark: OnceMark = { key, action: entry.action, sequence: entry.sequence };
      try {
        await this.#append(entry, head, [
          {
            Put: {
              TableName: this.#tableName,
              Item: { pk, sk: onceSortKey(key), ...mark },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...alongside,
        ]);
        return entry;
      } catch (error) {
        if (!isLostRace(error)) throw error;
        // Which condition failed is not trusted: the mark, read again, says whether the entry is in.
        if (await this.#isMarked(valid.caseRef, key)) return 'already';
        lastConflict = error;
        if (attempt < this.#retry.maxAttempts) await this.#sleep(this.#backoff(attempt));
      }
    }
    throw new AuditLogContentionError(this.#retry.maxAttempts, { cause: lastConflict });
  }

  /** The keys recorded once on the case (`recordOnce`, `markOnce`). */
  async onceMarks(caseRef: CaseRef): Promise<OnceMark[]> {
    const items = await this.#query(caseRef, ONCE_PREFIX);
    return items.map((item) => {
      const { key, action, sequence } = item;
      if (typeof key !== 'string' || typeof action !== 'string')
        throw new AuditLogCorruptError('a mark is unreadable');
      return { key, action, ...(typeof sequence === 'number' ? { sequence } : {}) };
    });
  }

  /** Marks `key` as recorded where its entry was written without a mark; a key marked already is left. */
  async markOnce(caseRef: CaseRef, key: string, action: string): Promise<void> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: { pk: casePartitionKey(caseRef), sk: onceSortKey(key), key, action },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!(error instanceof Error && error.name === 'ConditionalCheckFailedException')) throw error;
    }
  }

  async entries(caseRef: CaseRef): Promise<AuditEntry[]> {
    const stored = await this.#readEntries(caseRef);
    return stored.map((item) => {
      const parsed = AuditEntry.safeParse(item);
      if (!parsed.success) throw new AuditLogCorruptError('an entry is unreadable');
      return parsed.data;
    });
  }

  async verify(caseRef: CaseRef): Promise<ChainVerification> {
    const chain = await this.read(caseRef);
    return verifyChain(chain.entries, { caseRef, head: chain.head });
  }

  /**
   * The raw stored chain of a case, for verification and for investigating a broken one. The head is read
   * before and after the entries: a writer appending in between would otherwise look like tampering, so
   * the read is repeated until both head reads agree (sequences only grow, so agreement means no append).
   */
  async read(caseRef: CaseRef): Promise<StoredChain> {
    let head = await this.#readHeadItem(caseRef);
    let entries: Record<string, unknown>[] = [];
    for (let round = 0; round < snapshotRounds; round += 1) {
      entries = await this.#readEntries(caseRef);
      const after = await this.#readHeadItem(caseRef);
      const settled = sameHead(after, head);
      head = after;
      if (settled) break;
    }
    return { entries, head };
  }

  #backoff(attempt: number): number {
    const ceiling = Math.min(this.#retry.maxDelayMs, this.#retry.baseDelayMs * 2 ** (attempt - 1));
    return Math.round(this.#random() * ceiling);
  }

  async #readHeadItem(caseRef: CaseRef): Promise<Record<string, unknown> | null> {
    const result = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: { pk: casePartitionKey(caseRef), sk: headSortKey },
        ConsistentRead: true,
      }),
    );
    return result.Item ? withoutKeys(result.Item) : null;
  }

  async #readHead(caseRef: CaseRef): Promise<ChainHead | undefined> {
    const item = await this.#readHeadItem(caseRef);
    if (item === null) return undefined;
    const parsed = ChainHead.safeParse(item);
    if (!parsed.success) throw new AuditLogCorruptError('the record of the latest entry is unreadable');
    return parsed.data;
  }

  async #isMarked(caseRef: CaseRef, key: string): Promise<boolean> {
    const result = await this.#client.send(
      new GetCommand({
        TableName: this.#tableName,
        Key: { pk: casePartitionKey(caseRef), sk: onceSortKey(key) },
        ConsistentRead: true,
      }),
    );
    return result.Item !== undefined;
  }

  #readEntries(caseRef: CaseRef): Promise<Record<string, unknown>[]> {
    return this.#query(caseRef, ENTRY_PREFIX);
  }

  async #query(caseRef: CaseRef, prefix: string): Promise<Record<string, unknown>[]> {
    const items = await queryItems(this.#client, {
      TableName: this.#tableName,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': casePartitionKey(caseRef), ':prefix': prefix },
      ConsistentRead: true,
      Limit: this.#pageSize,
    });
    return items.map(withoutKeys);
  }

  async #append(
    entry: AuditEntry,
    head: ChainHead | undefined,
    alongside: readonly TransactItem[] = [],
  ): Promise<void> {
    const pk = casePartitionKey(entry.caseRef);
    const newHead: ChainHead = { sequence: entry.sequence, hash: entry.hash };
    await this.#client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.#tableName,
              Item: { pk, sk: entrySortKey(entry.sequence), ...entry },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Put: {
              TableName: this.#tableName,
              Item: { pk, sk: headSortKey, ...newHead },
              ...(head
                ? {
                    ConditionExpression: '#sequence = :sequence AND #hash = :hash',
                    ExpressionAttributeNames: { '#sequence': 'sequence', '#hash': 'hash' },
                    ExpressionAttributeValues: { ':sequence': head.sequence, ':hash': head.hash },
                  }
                : { ConditionExpression: 'attribute_not_exists(pk)' }),
            },
          },
          ...alongside,
        ],
      }),
    );
  }
}

/** The audit log on the table named by the environment; read when called, so CLIs can load it first. */
export const auditLogFromEnvironment = (
  options: Omit<DynamoAuditLogOptions, 'tableName'> = {},
  source: NodeJS.ProcessEnv = process.env,
): DynamoAuditLog => {
  const tableName = readConfig({ [auditTableEnvName]: required() }, source)[auditTableEnvName];
  if (!tableName) throw new MissingConfigurationError([auditTableEnvName]);
  return new DynamoAuditLog({ ...options, tableName });
};
