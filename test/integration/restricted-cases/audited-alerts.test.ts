import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, QueryCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { takeMessage } from './support.ts';

const environment = useLocalEnvironment();
const { auditTableEnvName, DynamoAuditLog } = await import('../../../shared/audit/dynamo-audit-log.ts');
const { memoryPublisher } = await import('../../../shared/messaging/memory-publisher.ts');
const { outboxPartition, sweepOutbox } = await import('../../../shared/messaging/outbox.ts');
const { createMessage, sqsPublisher } = await import('../../../shared/messaging/publish.ts');
const { auditedAlerts } = await import('../../../services/restricted-cases/adapters/audited-alerts.ts');
const { casesTableName } = await import('../../../services/restricted-cases/composition-root.ts');
const { AccessAttempted, accessAlertsQueue } = await import(
  '../../../services/restricted-cases/contracts.ts'
);

type Middleware = (
  next: (args: { input: object }) => Promise<unknown>,
) => (args: { input: object }) => Promise<unknown>;

const tableName = casesTableName();

/** A client of the real local DynamoDB, with `around` wrapped round each of its transactions. */
const clientWith = (around?: Middleware): DynamoDBDocumentClient => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  if (around)
    client.middlewareStack.add(
      (next) => async (args) =>
        (args.input as Partial<TransactWriteCommandInput>).TransactItems
          ? ((await around(next as never)(args as never)) as Awaited<ReturnType<typeof next>>)
          : next(args),
      { step: 'initialize' },
    );
  return client;
};

const auditLogOn = (client: DynamoDBDocumentClient) =>
  new DynamoAuditLog({ tableName: environment[auditTableEnvName] ?? '', client });

/**
 * One look at a case, as restricted-cases records it: the entry and PSD's alert. The alert's moment is
 * decades back, so this test's sweep (of items older than half a minute after it) leaves the outbox items
 * other tests are writing now alone.
 */
const look = () => {
  const caseId = `RC-${randomUUID().slice(0, 8).toUpperCase()}`;
  const at = new Date(Date.UTC(1980, 0, 1) + Math.floor(Math.random() * 1e11));
  const id = randomUUID();
  const caseRef = { service: 'restricted-cases', caseId };
  return {
    caseRef,
    at,
    entry: {
      caseRef,
      actor: { collarNumber: '2107', rank: 'sergeant' as const, department: 'FORCE_RESPONSE' as const },
      action: 'open-case',
      reason: 'not on the access list',
      outcome: 'denied' as const,
      at: at.toISOString(),
      correlationId: `req-${id}`,
    },
    alert: {
      queue: accessAlertsQueue,
      message: createMessage(
        AccessAttempted,
        {
          id,
          caseId,
          caseKnown: true,
          action: 'open' as const,
          outcome: 'denied' as const,
          decision: 'not on the access list',
          actor: { collarNumber: '2107', rank: 'sergeant' as const, department: 'FORCE_RESPONSE' as const },
          at: at.toISOString(),
        },
        { correlationId: `req-${id}`, now: at, id },
      ),
    },
  };
};

/** The alert's item in the service table's outbox, if it is there. */
const inOutbox = async (alertId: string): Promise<boolean> => {
  const page = await clientWith().send(
    new QueryCommand({
      TableName: tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': outboxPartition },
      ConsistentRead: true,
    }),
  );
  return (page.Items ?? []).some((item) => String(item.sk).endsWith(`#${alertId}`));
};

/** The scheduled sweep, as it would run a minute after the look. */
const sweepAfter = (at: Date) =>
  sweepOutbox(tableName, {
    now: new Date(at.getTime() + 60_000),
    minimumAgeSeconds: 30,
    publisher: sqsPublisher(),
  });

const alertOn = (alertId: string) =>
  takeMessage(accessAlertsQueue, (envelope) => envelope.id === alertId, 5_000);

describe('A look at a restricted case is audited with PSD\'s alert, both or neither (APP "Access to records"; DPA 2018 s.62; SR-10)', () => {
  it('the entry goes on the chain and the alert to the queue, leaving nothing in the outbox', async () => {
    const { caseRef, entry, alert } = look();
    const auditLog = auditLogOn(clientWith());

    await auditedAlerts(auditLog, tableName, { publisher: sqsPublisher() }).record(entry, alert);

    expect((await auditLog.entries(caseRef)).map((stored) => stored.correlationId)).toEqual([
      entry.correlationId,
    ]);
    expect((await alertOn(alert.message.id)).envelope).toEqual(alert.message);
    expect(await inOutbox(alert.message.id)).toBe(false);
  });

  it('when the queue refuses, the alert waits in the outbox beside its entry and the sweep sends it', async () => {
    const { caseRef, at, entry, alert } = look();
    const auditLog = auditLogOn(clientWith());
    const refusing = {
      publish: async () => {
        throw Object.assign(new Error('Service unavailable'), { name: 'ServiceUnavailable' });
      },
    };

    await auditedAlerts(auditLog, tableName, { publisher: refusing }).record(entry, alert);

    expect(await auditLog.entries(caseRef)).toHaveLength(1);
    expect(await inOutbox(alert.message.id)).toBe(true);
    expect(await sweepAfter(at)).toMatchObject({ deferred: 0 });
    expect((await alertOn(alert.message.id)).envelope.id).toBe(alert.message.id);
    expect(await inOutbox(alert.message.id)).toBe(false);
  });

  it('a write the table refuses leaves neither the entry nor the alert, and the caller hears of it', async () => {
    const { caseRef, entry, alert } = look();
    const refused = clientWith(() => async () => {
      throw Object.assign(new Error('Throughput exceeds the current capacity'), {
        name: 'ProvisionedThroughputExceededException',
      });
    });
    const publisher = memoryPublisher();

    await expect(
      auditedAlerts(auditLogOn(refused), tableName, { publisher }).record(entry, alert),
    ).rejects.toThrow('Throughput exceeds');

    expect(await auditLogOn(clientWith()).entries(caseRef)).toEqual([]);
    expect(await inOutbox(alert.message.id)).toBe(false);
    expect(publisher.sent).toEqual([]);
  });

  it('when the answer is lost after the write, the request fails but the sweep still sends the alert', async () => {
    const { caseRef, at, entry, alert } = look();
    const answerLost = clientWith((next) => async (args) => {
      await next(args);
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError' });
    });

    await expect(
      auditedAlerts(auditLogOn(answerLost), tableName, { publisher: memoryPublisher() }).record(entry, alert),
    ).rejects.toThrow('socket hang up');

    expect(await auditLogOn(clientWith()).entries(caseRef)).toHaveLength(1);
    expect(await sweepAfter(at)).toMatchObject({ deferred: 0 });
    expect((await alertOn(alert.message.id)).envelope.id).toBe(alert.message.id);
    expect(await inOutbox(alert.message.id)).toBe(false);
  });

  it('a transaction sent again after its answer was lost keeps one entry and sends one alert', async () => {
    const { caseRef, entry, alert } = look();
    let sentAgain = false;
    const resent = clientWith((next) => async (args) => {
      if (sentAgain) return next(args);
      sentAgain = true;
      await next(args);
      return next(args);
    });
    const publisher = memoryPublisher();
    const auditLog = auditLogOn(resent);

    await auditedAlerts(auditLog, tableName, { publisher }).record(entry, alert);

    expect(sentAgain).toBe(true);
    expect(await auditLog.entries(caseRef)).toHaveLength(1);
    expect(await auditLog.verify(caseRef)).toMatchObject({ ok: true, length: 1 });
    expect(publisher.sent.map((sent) => sent.message.id)).toEqual([alert.message.id]);
    expect(await inOutbox(alert.message.id)).toBe(false);
  });
});
