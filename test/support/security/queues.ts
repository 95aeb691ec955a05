import {
  CreateQueueCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { services } from '../../../services/index.ts';
import { sqsClient } from '../../../shared/aws/clients.ts';
import { deadLetterQueueName, queueEnvName } from '../../../shared/manifest/names.ts';

/** Every queue some manifest consumes, with the consuming service and handler. */
export const consumedQueues = (): { queue: string; service: string; handler: string }[] =>
  services.flatMap((manifest) =>
    manifest.consumers.map((consumer) => ({
      queue: consumer.queue,
      service: manifest.name,
      handler: consumer.handler,
    })),
  );

export const queueUrlOf = (queue: string): string => {
  const url = process.env[queueEnvName(queue)];
  if (!url) throw new Error(`${queueEnvName(queue)} is not set: start the runtime first`);
  return url;
};

export const deadLetterUrlOf = (queue: string): string => queueUrlOf(deadLetterQueueName(queue));

/** SQS takes only these characters in a body (its XML heritage); anything else is replaced. */
const allowedInSqs = (codePoint: number): boolean =>
  codePoint === 0x9 ||
  codePoint === 0xa ||
  codePoint === 0xd ||
  (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
  (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
  (codePoint >= 0x10000 && codePoint <= 0x10ffff);

export const sqsSafe = (body: string): string =>
  [...body]
    .map((character) => (allowedInSqs(character.codePointAt(0) ?? 0) ? character : '\uFFFD'))
    .join('') || ' ';

/**
 * A client of the test's own, outside the process-wide one the handlers share (and the fault injector wraps),
 * for what the test itself sends and reads.
 */
export const testSqsClient = (): SQSClient => new SQSClient({});

export const sendBodies = async (
  queueUrl: string,
  bodies: readonly string[],
  client: SQSClient = sqsClient(),
): Promise<void> => {
  for (let start = 0; start < bodies.length; start += 10) {
    const batch = bodies.slice(start, start + 10);
    const result = await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((body, index) => ({ Id: String(index), MessageBody: body })),
      }),
    );
    if ((result.Failed ?? []).length > 0)
      throw new Error(`SendMessageBatch refused ${result.Failed?.length} messages`);
  }
};

/** Receives and deletes whatever the queue holds now; returns the messages. */
export const drain = async (queueUrl: string, client: SQSClient = sqsClient()): Promise<Message[]> => {
  const taken: Message[] = [];
  for (;;) {
    const received = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: queueUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 30,
        MessageSystemAttributeNames: ['All'],
      }),
    );
    const messages = received.Messages ?? [];
    if (messages.length === 0) return taken;
    taken.push(...messages);
    await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: messages.map((message, index) => ({
          Id: String(index),
          ReceiptHandle: message.ReceiptHandle,
        })),
      }),
    );
  }
};

/** Messages waiting or in flight on a queue, as SQS counts them. */
export const depthOf = async (queueUrl: string, client: SQSClient = sqsClient()): Promise<number> => {
  const attributes = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(attributes.Attributes?.ApproximateNumberOfMessages ?? 0) +
    Number(attributes.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0)
  );
};

/**
 * A queue of the test's own for replies (as a requesting service declares one), reachable by name through
 * `QUEUE_URL_<NAME>` like any manifest queue.
 */
export const createReplyQueue = async (name: string): Promise<string> => {
  const created = await sqsClient().send(new CreateQueueCommand({ QueueName: name }));
  const endpoint = process.env.AWS_ENDPOINT_URL_SQS ?? '';
  const url = (created.QueueUrl ?? '').replace(/^https?:\/\/[^/]+/, endpoint);
  process.env[queueEnvName(name)] = url;
  return url;
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it answers true or the time is up; returns its last answer. */
export const eventually = async (
  check: () => Promise<boolean>,
  timeoutMs: number,
  everyMs = 500,
): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await sleep(everyMs);
  }
};
