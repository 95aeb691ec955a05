import { DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { beforeEach, describe, expect, it } from 'vitest';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { queueEnvName, tableEnvName } from '../../../shared/manifest/names.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { createMessage, publish } from '../../../shared/messaging/publish.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { createTestQueue, deliverOnce, deliverUntilEmpty, drain } from './queue-driver.ts';

const environment = useLocalEnvironment();
const sqs = new SQSClient({});
const dynamo = new DynamoDBClient({});

const notification = (title: string) =>
  createMessage(
    StaffNotificationRequested,
    { audience: { kind: 'person', collarNumber: 'PC1' }, title, source: { service: 'messaging-test' } },
    { correlationId: 'corr-integration', now: new Date() },
  );

let queue: Awaited<ReturnType<typeof createTestQueue>>;

beforeEach(async () => {
  queue = await createTestQueue(sqs, 'messaging-test');
  process.env[queueEnvName(queue.name)] = queue.url;
});

const idempotencyRecords = async (consumerName: string) => {
  const result = await dynamo.send(
    new ScanCommand({ TableName: environment[tableEnvName('platform', 'idempotency')] }),
  );
  return (result.Items ?? [])
    .map((item) => unmarshall(item))
    .filter((item) => String(item.id).startsWith(`${consumerName}#`));
};

describe('Messaging: publish and consume through SQS', () => {
  it('a published message reaches its consumer as the real SQS event, with only type, version and correlation id as attributes', async () => {
    const handled: string[] = [];
    const consumer = sqsConsumer({
      name: 'test.publish-roundtrip',
      schemas: StaffNotificationRequested,
      handle: async (message) => {
        handled.push(message.id);
      },
    });
    const message = notification('round trip');

    await publish(queue.name, message);
    const delivery = await deliverOnce(sqs, queue.url, consumer);

    expect(handled).toEqual([message.id]);
    expect(Object.keys(delivery?.event.Records[0]?.messageAttributes ?? {}).sort()).toEqual([
      'correlationId',
      'type',
      'version',
    ]);
  });

  it('a correlation id that is not a plain token never becomes a queue attribute (no personal data in attributes)', async () => {
    const consumer = sqsConsumer({
      name: 'test.attributes',
      schemas: StaffNotificationRequested,
      handle: async () => {},
    });
    const message = createMessage(
      StaffNotificationRequested,
      {
        audience: { kind: 'person', collarNumber: 'PC1' },
        title: 't',
        source: { service: 'messaging-test' },
      },
      { correlationId: 'Jane Doe 01/02/1980', now: new Date() },
    );

    await publish(queue.name, message);
    const delivery = await deliverOnce(sqs, queue.url, consumer);

    expect(Object.keys(delivery?.event.Records[0]?.messageAttributes ?? {}).sort()).toEqual([
      'type',
      'version',
    ]);
  });

  it('the same message delivered twice has one effect (idempotency keyed on the envelope id)', async () => {
    const effects: string[] = [];
    const consumer = sqsConsumer({
      name: 'test.idempotent-twice',
      schemas: StaffNotificationRequested,
      idempotency: true,
      handle: async (message) => {
        effects.push(message.id);
      },
    });
    const message = notification('sent twice');

    await publish(queue.name, message);
    await publish(queue.name, message);
    await deliverUntilEmpty(sqs, queue.url, consumer);

    expect(effects).toEqual([message.id]);
    expect(await idempotencyRecords('test.idempotent-twice')).toEqual([
      expect.objectContaining({ status: 'COMPLETED' }),
    ]);
  });

  it('the same id carrying different data is refused, not silently dropped (a sender bug for the DLQ)', async () => {
    const effects: string[] = [];
    const consumer = sqsConsumer({
      name: 'test.idempotent-changed',
      schemas: StaffNotificationRequested,
      idempotency: true,
      handle: async (message) => {
        effects.push(message.data.title);
      },
    });
    const original = notification('original');
    await publish(queue.name, original);
    await deliverOnce(sqs, queue.url, consumer);

    await publish(queue.name, { ...original, data: { ...original.data, title: 'changed' } });
    const second = await deliverOnce(sqs, queue.url, consumer);

    expect(second?.response.batchItemFailures).toHaveLength(1);
    expect(effects).toEqual(['original']);
  });

  it('a handler that failed leaves no idempotency record behind, so the redelivery runs it again', async () => {
    let attempts = 0;
    const effects: string[] = [];
    const consumer = sqsConsumer({
      name: 'test.idempotent-retry',
      schemas: StaffNotificationRequested,
      idempotency: true,
      handle: async (message) => {
        attempts += 1;
        if (attempts === 1) throw new Error('store unavailable');
        effects.push(message.id);
      },
    });
    const message = notification('fails once');

    await publish(queue.name, message);
    const deliveries = await deliverUntilEmpty(sqs, queue.url, consumer);

    expect(deliveries.map((delivery) => delivery.response.batchItemFailures.length)).toEqual([1, 0]);
    expect(effects).toEqual([message.id]);
  });

  it('a batch with one malformed message reports exactly it as failed, and the others are handled', async () => {
    const handled: string[] = [];
    const consumer = sqsConsumer({
      name: 'test.malformed-batch',
      schemas: StaffNotificationRequested,
      handle: async (message) => {
        handled.push(message.data.title);
      },
    });
    await publish(queue.name, notification('first'));
    const poison = await sqs.send(new SendMessageCommand({ QueueUrl: queue.url, MessageBody: '{"type":' }));
    await publish(queue.name, notification('second'));

    let failures: string[] = [];
    while (handled.length < 2) {
      const delivery = await deliverOnce(sqs, queue.url, consumer);
      failures = failures.concat(delivery?.response.batchItemFailures.map((f) => f.itemIdentifier) ?? []);
    }

    expect(handled.sort()).toEqual(['first', 'second']);
    expect(new Set(failures)).toEqual(new Set([poison.MessageId]));
  });

  it('a message that keeps failing lands in the dead-letter queue after five receives, and nothing else stops', async () => {
    const received: Record<string, number> = {};
    const consumer = sqsConsumer({
      name: 'test.poison',
      schemas: StaffNotificationRequested,
      handle: async (message) => {
        received[message.data.title] = (received[message.data.title] ?? 0) + 1;
        if (message.data.title === 'poison') throw new Error('cannot be handled');
      },
    });
    const poison = notification('poison');
    await publish(queue.name, poison);
    await publish(queue.name, notification('healthy'));

    await deliverUntilEmpty(sqs, queue.url, consumer);
    const deadLetters = await drain(sqs, queue.deadLetterUrl);

    expect(received).toEqual({ poison: 5, healthy: 1 });
    expect(deadLetters.map((message) => JSON.parse(message.Body ?? '{}').id)).toEqual([poison.id]);
  });
});
