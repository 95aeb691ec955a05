import {
  ChangeMessageVisibilityBatchCommand,
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSEvent, SQSMessageAttributes, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { localRegion } from './emulators.ts';
import {
  describeError,
  errorStack,
  type HandlerLoader,
  type LocalFunction,
  type LocalService,
  lambdaContext,
  localFunction,
} from './handlers.ts';

/** A queue's consumer as the runtime polls for it. */
export interface ConsumerBinding {
  readonly queue: string;
  readonly queueUrl: string;
  readonly fn: LocalFunction;
  /** At most 10: one ReceiveMessage call is one batch. */
  readonly batchSize: number;
}

export const consumerBindings = (
  services: readonly LocalService[],
  queueUrl: (queue: string) => string,
): ConsumerBinding[] =>
  services.flatMap((service) =>
    service.manifest.consumers.map((consumer) => ({
      queue: consumer.queue,
      queueUrl: queueUrl(consumer.queue),
      fn: localFunction(service, consumer.handler),
      batchSize: Math.min(Math.max(consumer.batchSize ?? 10, 1), 10),
    })),
  );

const toLambdaAttributes = (
  attributes: Record<string, MessageAttributeValue> | undefined,
): SQSMessageAttributes => {
  const converted: SQSMessageAttributes = {};
  for (const [name, value] of Object.entries(attributes ?? {})) {
    converted[name] = {
      ...(value.StringValue !== undefined ? { stringValue: value.StringValue } : {}),
      ...(value.BinaryValue !== undefined
        ? { binaryValue: Buffer.from(value.BinaryValue).toString('base64') }
        : {}),
      stringListValues: value.StringListValues ?? [],
      binaryListValues: (value.BinaryListValues ?? []).map((item) => Buffer.from(item).toString('base64')),
      dataType: value.DataType ?? 'String',
    };
  }
  return converted;
};

/** The event Lambda's SQS event source mapping would deliver for these messages. */
export const toSqsEvent = (messages: readonly Message[], queueArn: string): SQSEvent => ({
  Records: messages.map((message): SQSRecord => {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: toLambdaAttributes(message.MessageAttributes),
      md5OfBody: message.MD5OfBody ?? '',
      ...(message.MD5OfMessageAttributes ? { md5OfMessageAttributes: message.MD5OfMessageAttributes } : {}),
      eventSource: 'aws:sqs',
      eventSourceARN: queueArn,
      awsRegion: localRegion,
    };
  }),
});

const BatchResponse = z.object({
  batchItemFailures: z.array(z.object({ itemIdentifier: z.string().min(1) })),
});

/**
 * The message ids Lambda would treat as failed, given what the handler did: a throw fails the whole batch; a
 * response naming an id that is not in the batch (or malformed) fails the whole batch too; no response at all
 * means every message succeeded.
 */
export const failedMessageIds = (
  outcome: { readonly threw: true } | { readonly threw: false; readonly result: unknown },
  messageIds: readonly string[],
): Set<string> => {
  if (outcome.threw) return new Set(messageIds);
  if (outcome.result === undefined || outcome.result === null) return new Set();
  const parsed = BatchResponse.safeParse(outcome.result);
  if (!parsed.success) return new Set(messageIds);
  const failures = parsed.data.batchItemFailures.map((failure) => failure.itemIdentifier);
  if (failures.some((id) => !messageIds.includes(id))) return new Set(messageIds);
  return new Set(failures);
};

export interface QueuePollerOptions {
  readonly endpoint: string;
  readonly consumers: readonly ConsumerBinding[];
  readonly loadHandler: HandlerLoader;
  readonly log: (line: string) => void;
  /**
   * Seconds before a failed message is received again. In AWS it waits out the queue's visibility timeout
   * (30–60 s); locally 1 s, so a message that keeps failing reaches its dead-letter queue in seconds.
   */
  readonly failedMessageDelaySeconds?: number;
  /** Long-poll wait of each ReceiveMessage call; short, so stopping is quick. */
  readonly waitTimeSeconds?: number;
  /** How long a consumer's Lambda may run, as its context reports. */
  readonly timeoutMs?: number;
}

export interface QueuePollers {
  stop(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });

/**
 * One loop per consumer, doing what Lambda's SQS event source mapping does: receive a batch, call the handler
 * with an SQS event, delete what succeeded, and let what failed be received again until the queue's redrive
 * policy moves it to the dead-letter queue. Logs counts, never message bodies.
 */
export const startQueuePollers = async (options: QueuePollerOptions): Promise<QueuePollers> => {
  const sqs = new SQSClient({
    endpoint: options.endpoint,
    region: localRegion,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const controller = new AbortController();
  const { signal } = controller;
  const delay = options.failedMessageDelaySeconds ?? 1;

  const processBatch = async (consumer: ConsumerBinding, queueArn: string, messages: Message[]) => {
    const event = toSqsEvent(messages, queueArn);
    const ids = event.Records.map((record) => record.messageId);
    let outcome: { threw: true } | { threw: false; result: unknown };
    try {
      const handler = await options.loadHandler(consumer.fn);
      outcome = {
        threw: false,
        result: await handler(event as never, lambdaContext(consumer.fn, options.timeoutMs ?? 30_000)),
      };
    } catch (error) {
      options.log(`[queue] ${consumer.fn.functionName} threw: ${describeError(error)}`);
      const stack = errorStack(error);
      if (stack) options.log(stack);
      outcome = { threw: true };
    }
    const failed = failedMessageIds(outcome, ids);
    const done = messages.filter((message) => !failed.has(message.MessageId ?? ''));
    const retry = messages.filter((message) => failed.has(message.MessageId ?? ''));
    if (done.length > 0) {
      await sqs.send(
        new DeleteMessageBatchCommand({
          QueueUrl: consumer.queueUrl,
          Entries: done.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
          })),
        }),
      );
    }
    if (retry.length > 0) {
      await sqs.send(
        new ChangeMessageVisibilityBatchCommand({
          QueueUrl: consumer.queueUrl,
          Entries: retry.map((message, index) => ({
            Id: String(index),
            ReceiptHandle: message.ReceiptHandle,
            VisibilityTimeout: delay,
          })),
        }),
      );
    }
    options.log(
      `[queue] ${consumer.queue} → ${consumer.fn.functionName}: ${messages.length} received, ${done.length} done, ${retry.length} to retry`,
    );
  };

  const poll = async (consumer: ConsumerBinding, queueArn: string): Promise<void> => {
    let reportedFailure = false;
    while (!signal.aborted) {
      let messages: Message[];
      try {
        const received = await sqs.send(
          new ReceiveMessageCommand({
            QueueUrl: consumer.queueUrl,
            MaxNumberOfMessages: consumer.batchSize,
            WaitTimeSeconds: options.waitTimeSeconds ?? 1,
            AttributeNames: ['All'],
            MessageAttributeNames: ['All'],
          }),
          { abortSignal: signal },
        );
        messages = received.Messages ?? [];
        reportedFailure = false;
      } catch (error) {
        if (signal.aborted) return;
        if (!reportedFailure)
          options.log(`[queue] polling ${consumer.queue} failed: ${describeError(error)}`);
        reportedFailure = true;
        await sleep(1000, signal);
        continue;
      }
      if (messages.length === 0) continue;
      try {
        await processBatch(consumer, queueArn, messages);
      } catch (error) {
        options.log(`[queue] settling a batch of ${consumer.queue} failed: ${describeError(error)}`);
      }
    }
  };

  const arns = await Promise.all(
    options.consumers.map(async (consumer) => {
      const attributes = await sqs.send(
        new GetQueueAttributesCommand({ QueueUrl: consumer.queueUrl, AttributeNames: ['QueueArn'] }),
      );
      return attributes.Attributes?.QueueArn ?? consumer.queue;
    }),
  );
  const loops = options.consumers.map((consumer, index) => poll(consumer, arns[index] ?? consumer.queue));

  return {
    stop: async () => {
      controller.abort();
      await Promise.allSettled(loops);
      sqs.destroy();
    },
  };
};
