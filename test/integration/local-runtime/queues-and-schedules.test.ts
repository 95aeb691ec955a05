import { createHash, randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand, SendMessageBatchCommand, SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localRegion } from '../../../infra/local/emulators.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { UnknownScheduleError } from '../../../infra/local/scheduler.ts';
import { runtimeFixtureService, startTestRuntime } from '../../support/runtime.ts';

let runtime: LocalRuntime;
let dynamo: DynamoDBDocumentClient;
let sqs: SQSClient;
let table: string;
let workQueue: string;
let deadLetterQueue: string;

beforeAll(async () => {
  runtime = await startTestRuntime({
    services: [],
    additionalServices: [runtimeFixtureService],
    // A failed message is visible again at once, so five receives take milliseconds, not seconds.
    failedMessageDelaySeconds: 0,
    // "Every minute" becomes every second.
    scheduleScale: 60,
  });
  const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint: runtime.environment.AWS_ENDPOINT_URL_DYNAMODB,
      region: localRegion,
      credentials,
    }),
  );
  sqs = new SQSClient({
    endpoint: runtime.environment.AWS_ENDPOINT_URL_SQS,
    region: localRegion,
    credentials,
  });
  table = runtime.environment.TABLE_RUNTIME_FIXTURE_RECORDS ?? '';
  workQueue = runtime.environment.QUEUE_URL_RUNTIME_FIXTURE_WORK ?? '';
  deadLetterQueue = runtime.environment.QUEUE_URL_RUNTIME_FIXTURE_WORK_DLQ ?? '';
});

afterAll(async () => {
  dynamo?.destroy();
  sqs?.destroy();
  await runtime?.stop();
});

interface Delivery {
  deliveries: number;
  batchSize: number;
  lastRecord: Record<string, unknown> & { attributes: Record<string, string> };
}

const record = async (pk: string): Promise<Record<string, unknown> | undefined> =>
  (await dynamo.send(new GetCommand({ TableName: table, Key: { pk }, ConsistentRead: true }))).Item;

const delivery = async (key: string): Promise<Delivery | undefined> =>
  (await record(`message#${key}`)) as Delivery | undefined;

const eventually = async <T>(probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('The condition was not met in time.');
};

const send = async (items: readonly { key: string; fail?: boolean; crash?: boolean }[]): Promise<void> => {
  await sqs.send(
    new SendMessageBatchCommand({
      QueueUrl: workQueue,
      Entries: items.map((item, index) => ({
        Id: String(index),
        MessageBody: JSON.stringify(item),
        MessageAttributes: { origin: { DataType: 'String', StringValue: 'runtime-test' } },
      })),
    }),
  );
};

/** Reads the dead-letter queue until the message with this key turns up. */
const inDeadLetterQueue = (key: string): Promise<true> =>
  eventually(async () => {
    const received = await sqs.send(
      // Looking must not hide the messages from the next look.
      new ReceiveMessageCommand({
        QueueUrl: deadLetterQueue,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 0,
      }),
    );
    return received.Messages?.some((message) => JSON.parse(message.Body ?? '{}').key === key)
      ? true
      : undefined;
  });

describe('Local runtime: queue consumers get what Lambda’s SQS event source mapping would give them', () => {
  it('delivers messages sent together as one batch in a real SQS event', async () => {
    const keys = [randomUUID(), randomUUID(), randomUUID()];

    await send(keys.map((key) => ({ key })));
    const deliveries = await Promise.all(keys.map((key) => eventually(() => delivery(key))));

    const first = deliveries[0];
    const body = JSON.stringify({ key: keys[0] });
    expect(deliveries.map((d) => d.batchSize)).toEqual([3, 3, 3]);
    expect(first?.lastRecord).toMatchObject({
      body,
      md5OfBody: createHash('md5').update(body).digest('hex'),
      eventSource: 'aws:sqs',
      eventSourceARN: 'arn:aws:sqs:eu-west-2:000000000000:runtime-fixture-work',
      awsRegion: 'eu-west-2',
      attributes: { ApproximateReceiveCount: '1' },
      messageAttributes: {
        origin: {
          stringValue: 'runtime-test',
          stringListValues: [],
          binaryListValues: [],
          dataType: 'String',
        },
      },
    });
    expect(Number(first?.lastRecord.attributes.SentTimestamp)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('deletes only the messages that succeeded when a batch partly fails (ReportBatchItemFailures)', async () => {
    const [good, alsoGood, bad] = [randomUUID(), randomUUID(), randomUUID()];

    await send([{ key: good }, { key: bad, fail: true }, { key: alsoGood }]);
    await eventually(async () => ((await delivery(bad))?.deliveries ?? 0) >= 3 || undefined);
    await inDeadLetterQueue(bad);

    expect((await delivery(good))?.deliveries).toBe(1);
    expect((await delivery(alsoGood))?.deliveries).toBe(1);
  });

  it('moves a message that always fails to the dead-letter queue after 5 receives (maxReceiveCount), and no sooner', async () => {
    const bad = randomUUID();

    await send([{ key: bad, fail: true }]);
    await inDeadLetterQueue(bad);

    expect((await delivery(bad))?.deliveries).toBe(5);
    expect((await delivery(bad))?.lastRecord.attributes.ApproximateReceiveCount).toBe('5');
  });

  it('treats every message of the batch as failed when the handler throws (Lambda semantics)', async () => {
    const [innocent, culprit] = [randomUUID(), randomUUID()];

    await send([{ key: innocent }, { key: culprit, crash: true }]);
    await inDeadLetterQueue(culprit);
    await inDeadLetterQueue(innocent);

    expect((await delivery(innocent))?.deliveries).toBe(5);
  });
});

describe('Local runtime: schedules (EventBridge rate rules in AWS)', () => {
  it('calls the scheduled handler on its timer with an EventBridge scheduled event', async () => {
    const tick = await eventually(async () => record('tick'));

    expect(tick.runs).toBeGreaterThanOrEqual(1);
    expect(tick.lastEvent).toMatchObject({
      version: '0',
      'detail-type': 'Scheduled Event',
      source: 'aws.events',
      account: '000000000000',
      region: 'eu-west-2',
      resources: ['arn:aws:events:eu-west-2:000000000000:rule/runtime-fixture-record-tick'],
      detail: {},
    });
  });

  it('lets a test fire a schedule once and get the handler’s result', async () => {
    const before = Number((await record('tick'))?.runs ?? 0);

    const result = (await runtime.schedules.trigger('runtime-fixture', 'record-tick')) as { runs: number };

    expect(result.runs).toBeGreaterThan(before);
  });

  it('refuses to fire a schedule no manifest declares', async () => {
    await expect(runtime.schedules.trigger('runtime-fixture', 'no-such-handler')).rejects.toBeInstanceOf(
      UnknownScheduleError,
    );
  });
});
