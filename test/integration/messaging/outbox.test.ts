import { randomUUID } from 'node:crypto';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { queueEnvName } from '../../../shared/manifest/names.ts';
import { outboxPut, relayOutbox, sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { createTestQueue, drain } from './queue-driver.ts';

useLocalEnvironment();
const sqs = new SQSClient({});
const dynamoClient = new DynamoDBClient({});
const dynamo = DynamoDBDocumentClient.from(dynamoClient);
const tableName = `messaging-outbox-test-${randomUUID().slice(0, 8)}`;

let queue: Awaited<ReturnType<typeof createTestQueue>>;

beforeAll(async () => {
  await dynamoClient.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
    }),
  );
});

beforeEach(async () => {
  queue = await createTestQueue(sqs, 'outbox-test');
  process.env[queueEnvName(queue.name)] = queue.url;
});

const message = (now = new Date()) =>
  createMessage(
    StaffNotificationRequested,
    {
      audience: { kind: 'person', collarNumber: 'PC1' },
      title: 'Case C-1 updated',
      source: { service: 'outbox-test' },
    },
    { correlationId: 'corr-outbox', now },
  );

const recordPut = (caseId: string) => ({
  Put: {
    TableName: tableName,
    Item: { pk: `CASE#${caseId}`, sk: 'CASE', status: 'open' },
    ConditionExpression: 'attribute_not_exists(pk)',
  },
});

const outboxItem = async (write: ReturnType<typeof outboxPut>) =>
  (
    await dynamo.send(
      new GetCommand({ TableName: tableName, Key: { pk: write.Put.Item.pk, sk: write.Put.Item.sk } }),
    )
  ).Item;

describe('Messaging: the outbox (ARCHITECTURE "Messages": never emit before the write lands)', () => {
  it('a record and its message written in one transaction are relayed to the queue and leave the outbox', async () => {
    const sent = message();
    const outbox = outboxPut(tableName, sent, queue.name);

    await dynamo.send(new TransactWriteCommand({ TransactItems: [recordPut(randomUUID()), outbox] }));
    const result = await relayOutbox([outbox]);

    expect(result).toEqual({ relayed: 1, deferred: 0 });
    expect((await drain(sqs, queue.url)).map((m) => JSON.parse(m.Body ?? '{}'))).toEqual([sent]);
    expect(await outboxItem(outbox)).toBeUndefined();
  });

  it('when the record is refused, the message is never written, so there is nothing to send', async () => {
    const caseId = randomUUID();
    await dynamo.send(new PutCommand(recordPut(caseId).Put));
    const outbox = outboxPut(tableName, message(), queue.name);

    const write = dynamo.send(new TransactWriteCommand({ TransactItems: [recordPut(caseId), outbox] }));

    await expect(write).rejects.toThrow();
    expect(await outboxItem(outbox)).toBeUndefined();
  });

  it('a message the handler could not relay stays in the outbox and the sweep sends it', async () => {
    const writtenAt = new Date();
    const sent = message(writtenAt);
    const outbox = outboxPut(tableName, sent, queue.name);
    await dynamo.send(new TransactWriteCommand({ TransactItems: [recordPut(randomUUID()), outbox] }));
    const queueUrl = process.env[queueEnvName(queue.name)];
    delete process.env[queueEnvName(queue.name)];

    const relay = await relayOutbox([outbox]);
    process.env[queueEnvName(queue.name)] = queueUrl;
    const sweep = await sweepOutbox(tableName, { now: new Date(writtenAt.getTime() + 120_000) });

    expect(relay).toEqual({ relayed: 0, deferred: 1 });
    expect(sweep).toEqual({ relayed: 1, deferred: 0 });
    expect((await drain(sqs, queue.url)).map((m) => JSON.parse(m.Body ?? '{}').id)).toEqual([sent.id]);
    expect(await outboxItem(outbox)).toBeUndefined();
  });

  it('the sweep leaves a message younger than its minimum age to the handler relaying it', async () => {
    const writtenAt = new Date();
    const outbox = outboxPut(tableName, message(writtenAt), queue.name);
    await dynamo.send(new TransactWriteCommand({ TransactItems: [recordPut(randomUUID()), outbox] }));

    await sweepOutbox(tableName, { now: new Date(writtenAt.getTime() + 10_000), minimumAgeSeconds: 60 });

    expect(await outboxItem(outbox)).toBeDefined();
    await relayOutbox([outbox]);
  });
});
