import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  DynamoDBDocumentClient,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { AuditLogContentionError, AuditLogCorruptError } from '../../../shared/audit/audit-log.ts';
import { type AuditRecordInput, type CaseRef, hashEntry } from '../../../shared/audit/chain.ts';
import {
  auditLogFromEnvironment,
  auditTableEnvName,
  casePartitionKey,
  DynamoAuditLog,
  entrySortKey,
} from '../../../shared/audit/dynamo-audit-log.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

// The shared clients are created on first use, so setting the environment here is early enough.
const environment = useLocalEnvironment();

const tableName = environment[auditTableEnvName] ?? '';
const documentClient = (): DynamoDBDocumentClient =>
  DynamoDBDocumentClient.from(new DynamoDBClient({}), { marshallOptions: { removeUndefinedValues: true } });
const raw = documentClient();

const newCase = (): CaseRef => ({ service: 'dvpn', caseId: `DVPN-${randomUUID()}` });

const access = (
  caseRef: CaseRef,
  n: number,
  overrides: Partial<AuditRecordInput> = {},
): AuditRecordInput => ({
  caseRef,
  actor: { collarNumber: `PC${n}`, rank: 'sergeant', department: 'FORCE_RESPONSE' },
  action: 'view-case',
  reason: 'Checking bail conditions',
  outcome: 'allowed',
  at: new Date(Date.UTC(2025, 3, 1, 8, 0, n)).toISOString(),
  correlationId: `req-${n}`,
  ...overrides,
});

const appendEntries = async (caseRef: CaseRef, count: number): Promise<void> => {
  const log = auditLogFromEnvironment();
  for (let n = 1; n <= count; n += 1) await log.record(access(caseRef, n));
};

describe('Audit log on DynamoDB (DPA 2018 s.62)', () => {
  it('Audit: appended entries come back in order and verify as one chain', async () => {
    const caseRef = newCase();
    const log = auditLogFromEnvironment();

    await log.record(access(caseRef, 1));
    await log.record(
      access(caseRef, 2, { action: 'authorise-notice', outcome: 'denied', reason: undefined }),
    );
    await log.record(access(caseRef, 3));

    const entries = await log.entries(caseRef);
    expect(entries.map((e) => [e.sequence, e.action, e.outcome])).toEqual([
      [1, 'view-case', 'allowed'],
      [2, 'authorise-notice', 'denied'],
      [3, 'view-case', 'allowed'],
    ]);
    expect(await log.verify(caseRef)).toEqual({ ok: true, length: 3 });
  });

  it('Audit: chains of different cases are independent', async () => {
    const [first, second] = [newCase(), newCase()];
    const log = auditLogFromEnvironment();

    await log.record(access(first, 1));
    const other = await log.record(access(second, 1));

    expect(other.sequence).toBe(1);
    expect(await log.verify(first)).toEqual({ ok: true, length: 1 });
  });

  it('Audit: 20 concurrent writers to one case make one unbroken chain of 20 with distinct sequences', async () => {
    const caseRef = newCase();
    const writers = Array.from(
      { length: 20 },
      () => new DynamoAuditLog({ tableName, client: documentClient() }),
    );

    const written = await Promise.all(writers.map((log, n) => log.record(access(caseRef, n + 1))));

    const log = auditLogFromEnvironment();
    const stored = await log.entries(caseRef);
    expect(written.map((e) => e.sequence).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i + 1),
    );
    expect(stored.map((e) => e.correlationId).sort()).toEqual(written.map((e) => e.correlationId).sort());
    expect(await log.verify(caseRef)).toEqual({ ok: true, length: 20 });
  });

  it('Audit: a writer that loses the race re-reads the head and appends after the winner', async () => {
    const caseRef = newCase();
    const rival = auditLogFromEnvironment();
    const racing = documentClient();
    let raced = false;
    racing.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as Partial<TransactWriteCommandInput>;
        if (input.TransactItems && !raced) {
          raced = true;
          await rival.record(access(caseRef, 1));
        }
        return next(args);
      },
      { step: 'initialize' },
    );
    const pauses: number[] = [];
    const log = new DynamoAuditLog({
      tableName,
      client: racing,
      random: () => 0.5,
      sleep: async (ms) => {
        pauses.push(ms);
      },
    });

    const entry = await log.record(access(caseRef, 2));

    expect(entry.sequence).toBe(2);
    expect(pauses).toHaveLength(1);
    expect(await log.verify(caseRef)).toEqual({ ok: true, length: 2 });
  });

  it('Audit: when every attempt loses the race the entry is refused, and the chain stays whole', async () => {
    const caseRef = newCase();
    const rival = auditLogFromEnvironment();
    const racing = documentClient();
    racing.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as Partial<TransactWriteCommandInput>;
        if (input.TransactItems) await rival.record(access(caseRef, 1));
        return next(args);
      },
      { step: 'initialize' },
    );
    const log = new DynamoAuditLog({
      tableName,
      client: racing,
      retry: { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 1 },
    });

    const attempt = log.record(access(caseRef, 2));

    await expect(attempt).rejects.toBeInstanceOf(AuditLogContentionError);
    expect(await rival.verify(caseRef)).toEqual({ ok: true, length: 3 });
  });

  it('Audit: a long chain is read across pages', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 25);
    const log = new DynamoAuditLog({ tableName, pageSize: 4 });

    const entries = await log.entries(caseRef);

    expect(entries.map((e) => e.sequence)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(await log.verify(caseRef)).toEqual({ ok: true, length: 25 });
  });
});

describe('Audit log on DynamoDB: tampering is detected (DPA 2018 s.62)', () => {
  const key = (caseRef: CaseRef, sequence: number) => ({
    pk: casePartitionKey(caseRef),
    sk: entrySortKey(sequence),
  });

  it('Audit: an entry edited in the table breaks the chain at that entry', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 4);

    await raw.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(caseRef, 2),
        UpdateExpression: 'SET outcome = :denied, #reason = :reason',
        ExpressionAttributeNames: { '#reason': 'reason' },
        ExpressionAttributeValues: { ':denied': 'denied', ':reason': 'Nothing to see' },
      }),
    );

    expect(await auditLogFromEnvironment().verify(caseRef)).toMatchObject({
      ok: false,
      brokenAt: 2,
      problem: 'edited',
    });
  });

  it('Audit: an entry edited with its hash recomputed breaks the link to the next entry', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 4);
    const [, second] = await auditLogFromEnvironment().entries(caseRef);
    if (!second) throw new Error('the chain should hold a second entry');
    const forged = { ...second, action: 'view-summary' };

    await raw.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(caseRef, 2),
        UpdateExpression: 'SET #action = :action, #hash = :hash',
        ExpressionAttributeNames: { '#action': 'action', '#hash': 'hash' },
        ExpressionAttributeValues: { ':action': forged.action, ':hash': hashEntry(forged) },
      }),
    );

    expect(await auditLogFromEnvironment().verify(caseRef)).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'unlinked',
    });
  });

  it('Audit: an entry deleted from the middle is reported missing', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 4);

    await raw.send(new DeleteCommand({ TableName: tableName, Key: key(caseRef, 3) }));

    expect(await auditLogFromEnvironment().verify(caseRef)).toMatchObject({
      ok: false,
      brokenAt: 3,
      problem: 'missing',
    });
  });

  it('Audit: the last entry deleted is reported missing, by the head record', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 4);

    await raw.send(new DeleteCommand({ TableName: tableName, Key: key(caseRef, 4) }));

    expect(await auditLogFromEnvironment().verify(caseRef)).toMatchObject({
      ok: false,
      brokenAt: 4,
      problem: 'missing',
    });
  });

  it('Audit: an attribute added to an entry makes it unreadable as an entry', async () => {
    const caseRef = newCase();
    await appendEntries(caseRef, 2);
    const log = auditLogFromEnvironment();

    await raw.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key(caseRef, 1),
        UpdateExpression: 'SET note = :note',
        ExpressionAttributeValues: { ':note': 'added later' },
      }),
    );

    await expect(log.entries(caseRef)).rejects.toBeInstanceOf(AuditLogCorruptError);
    expect(await log.verify(caseRef)).toMatchObject({ ok: false, brokenAt: 1, problem: 'malformed' });
  });
});

describe('Audit once per key: retried or twice-delivered work is audited exactly once (DPA 2018 s.62)', () => {
  it('Audit: a key recorded again answers "already" and adds no entry', async () => {
    const caseRef = newCase();
    const log = auditLogFromEnvironment();

    const first = await log.recordOnce(access(caseRef, 1, { action: 'dispatch-requested' }), 'dispatch');
    const again = await log.recordOnce(access(caseRef, 2, { action: 'dispatch-requested' }), 'dispatch');

    expect(first).not.toBe('already');
    expect(again).toBe('already');
    expect((await log.entries(caseRef)).map((entry) => entry.action)).toEqual(['dispatch-requested']);
    expect(await log.onceMarks(caseRef)).toEqual([
      { key: 'dispatch', action: 'dispatch-requested', sequence: 1 },
    ]);
  });

  it('Audit: twenty writers recording one key at once leave one entry, and the chain verifies', async () => {
    const caseRef = newCase();
    const log = auditLogFromEnvironment();
    await log.record(access(caseRef, 1));

    const results = await Promise.all(
      Array.from({ length: 20 }, (_, n) =>
        log.recordOnce(access(caseRef, n + 2, { action: 'opened' }), 'opened'),
      ),
    );

    expect(results.filter((result) => result !== 'already')).toHaveLength(1);
    expect((await log.entries(caseRef)).map((entry) => entry.action)).toEqual(['view-case', 'opened']);
    expect(await log.verify(caseRef)).toMatchObject({ ok: true });
  });

  it('Audit: other keys and plain entries interleave with once-keyed ones in one chain', async () => {
    const caseRef = newCase();
    const log = auditLogFromEnvironment();

    await Promise.all([
      log.recordOnce(access(caseRef, 1, { action: 'opened' }), 'opened'),
      log.recordOnce(access(caseRef, 2, { action: 'repeat-alerted' }), 'repeat'),
      log.record(access(caseRef, 3)),
      log.recordOnce(access(caseRef, 4, { action: 'opened' }), 'opened'),
    ]);

    expect((await log.entries(caseRef)).map((entry) => entry.action).sort()).toEqual([
      'opened',
      'repeat-alerted',
      'view-case',
    ]);
    expect((await log.onceMarks(caseRef)).map((mark) => mark.key).sort()).toEqual(['opened', 'repeat']);
    expect(await log.verify(caseRef)).toMatchObject({ ok: true });
  });

  it('Audit: marking a key whose entry was written without a mark stops it being recorded again', async () => {
    const caseRef = newCase();
    const log = auditLogFromEnvironment();
    await log.record(access(caseRef, 1, { action: 'opened' }));

    await log.markOnce(caseRef, 'opened', 'opened');
    await log.markOnce(caseRef, 'opened', 'opened');

    expect(await log.recordOnce(access(caseRef, 2, { action: 'opened' }), 'opened')).toBe('already');
    expect(await log.entries(caseRef)).toHaveLength(1);
    expect(await log.onceMarks(caseRef)).toEqual([{ key: 'opened', action: 'opened' }]);
  });
});
