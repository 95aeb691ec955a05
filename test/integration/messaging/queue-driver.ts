import { randomUUID } from 'node:crypto';
import {
  ChangeMessageVisibilityCommand,
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { queueEnvName } from '../../../shared/manifest/names.ts';
import type { SqsConsumer } from '../../../shared/messaging/consumer.ts';
import { toSqsEvent } from '../../../shared/messaging/sqs-event.ts';

export const lambdaContext = (): Context => ({
  callbackWaitsForEmptyEventLoop: false,
  functionName: 'integration-consumer',
  functionVersion: '$LATEST',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-2:000000000000:function:integration-consumer',
  memoryLimitInMB: '256',
  awsRequestId: randomUUID(),
  logGroupName: '/aws/lambda/integration-consumer',
  logStreamName: 'stream',
  getRemainingTimeInMillis: () => 30_000,
  done: () => undefined,
  fail: () => undefined,
  succeed: () => undefined,
});

export const queueArn = async (sqs: SQSClient, queueUrl: string): Promise<string> => {
  const attributes = await sqs.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }),
  );
  const arn = attributes.Attributes?.QueueArn;
  if (!arn) throw new Error(`Queue ${queueUrl} has no ARN`);
  return arn;
};

/** The URL of one of the manifest's queues, from the environment the integration run sets up. */
export const queueUrl = (queue: string): string => {
  const url = process.env[queueEnvName(queue)];
  if (!url) throw new Error(`No queue ${queue} in the environment`);
  return url;
};

/**
 * Receives from a real queue until a message satisfies `matches` (deleting it) and hands the others straight
 * back for their owners. Fails after `timeoutMs`.
 */
export const takeMessage = async (
  queue: string,
  matches: (envelope: AnyEnvelope) => boolean,
  timeoutMs = 10_000,
): Promise<{ envelope: AnyEnvelope; message: Message }> => {
  const client = new SQSClient({});
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl(queue),
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 30,
        MessageSystemAttributeNames: ['All'],
        MessageAttributeNames: ['All'],
      }),
    );
    let found: { envelope: AnyEnvelope; message: Message } | undefined;
    for (const message of received.Messages ?? []) {
      const envelope = AnyEnvelope.safeParse(JSON.parse(message.Body ?? '{}'));
      if (!found && envelope.success && matches(envelope.data)) {
        await client.send(
          new DeleteMessageCommand({ QueueUrl: queueUrl(queue), ReceiptHandle: message.ReceiptHandle }),
        );
        found = { envelope: envelope.data, message };
      } else {
        await client.send(
          new ChangeMessageVisibilityCommand({
            QueueUrl: queueUrl(queue),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: 0,
          }),
        );
      }
    }
    if (found) return found;
  }
  throw new Error(`No matching message on ${queue} within ${timeoutMs} ms`);
};

/** Delivers one received message to a consumer as Lambda's SQS event source would, with the queue's ARN. */
export const deliver = async (
  queue: string,
  message: Message,
  consumer: SqsConsumer,
): Promise<SQSBatchResponse> => {
  const arn = await queueArn(new SQSClient({}), queueUrl(queue));
  return consumer(toSqsEvent([message], arn), lambdaContext());
};

export interface Delivery {
  readonly event: SQSEvent;
  readonly response: SQSBatchResponse;
}

/**
 * Does what Lambda's SQS event source does, once: receives up to `maxMessages`, calls the consumer with
 * the real SQS event, deletes the records it did not report as failed, and (to keep tests fast) makes the
 * failed ones visible again at once instead of waiting out the visibility timeout.
 */
export const deliverOnce = async (
  sqs: SQSClient,
  queueUrl: string,
  consumer: SqsConsumer,
  maxMessages = 10,
): Promise<Delivery | undefined> => {
  const received = await sqs.send(
    new ReceiveMessageCommand({
      QueueUrl: queueUrl,
      MaxNumberOfMessages: maxMessages,
      WaitTimeSeconds: 1,
      MessageSystemAttributeNames: ['All'],
      MessageAttributeNames: ['All'],
    }),
  );
  const messages = received.Messages ?? [];
  if (messages.length === 0) return undefined;
  const event = toSqsEvent(messages, await queueArn(sqs, queueUrl));
  const response = await consumer(event, lambdaContext());
  const failed = new Set(response.batchItemFailures.map((failure) => failure.itemIdentifier));
  for (const message of messages) {
    if (failed.has(message.MessageId ?? '')) {
      await sqs.send(
        new ChangeMessageVisibilityCommand({
          QueueUrl: queueUrl,
          ReceiptHandle: message.ReceiptHandle,
          VisibilityTimeout: 0,
        }),
      );
    } else {
      await sqs.send(new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: message.ReceiptHandle }));
    }
  }
  return { event, response };
};

/** Receives everything on a queue without handling it (to look at a dead-letter queue), batch after batch. */
export const drain = async (sqs: SQSClient, queueUrl: string) => {
  const all: Message[] = [];
  for (;;) {
    const received = await sqs.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    if (!received.Messages?.length) return all;
    all.push(...received.Messages);
  }
};

/** The emulator names queues on a host of its own; the same path on the configured endpoint reaches them. */
const onEndpoint = (queueUrl: string): string =>
  queueUrl.replace(/^https?:\/\/[^/]+/, process.env.AWS_ENDPOINT_URL_SQS ?? '');

/** A fresh queue with a dead-letter queue after five receives, like every queue of the manifests. */
export const createTestQueue = async (
  sqs: SQSClient,
  prefix: string,
): Promise<{ name: string; url: string; deadLetterUrl: string }> => {
  const name = `${prefix}-${randomUUID().slice(0, 8)}`;
  const dlq = await sqs.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  if (!dlq.QueueUrl) throw new Error('no DLQ URL');
  const deadLetterUrl = onEndpoint(dlq.QueueUrl);
  const queue = await sqs.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: '30',
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: await queueArn(sqs, deadLetterUrl),
          maxReceiveCount: '5',
        }),
      },
    }),
  );
  if (!queue.QueueUrl) throw new Error('no queue URL');
  return { name, url: onEndpoint(queue.QueueUrl), deadLetterUrl };
};

/** Delivers until the queue has nothing visible left (failed records come round again, as in SQS). */
export const deliverUntilEmpty = async (
  sqs: SQSClient,
  queueUrl: string,
  consumer: SqsConsumer,
  maxRounds = 20,
): Promise<Delivery[]> => {
  const deliveries: Delivery[] = [];
  for (let round = 0; round < maxRounds; round += 1) {
    const delivery = await deliverOnce(sqs, queueUrl, consumer);
    if (!delivery) return deliveries;
    deliveries.push(delivery);
  }
  throw new Error(`Queue ${queueUrl} still had messages after ${maxRounds} deliveries`);
};
