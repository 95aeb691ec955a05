import { randomUUID } from 'node:crypto';
import { type MessageAttributeValue, SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type * as z from 'zod';
import { sqsClient } from '../aws/clients.ts';
import { AnyEnvelope, type EnvelopeSchema, messageKind } from '../contracts/envelope.ts';
import { queueEnvName } from '../manifest/names.ts';
import { isSafeCorrelationId } from '../observability/correlation.ts';
import { issuePaths, MessageContractError, UnknownQueueError } from './errors.ts';

export interface CreateMessageOptions {
  /** Follows the request through every message it causes; take it from the incoming request or message. */
  readonly correlationId: string;
  readonly now: Date;
  /** Defaults to a new UUID. Pass one to make a retried write produce the same message (and so one effect). */
  readonly id?: string;
}

/**
 * Builds a message of the schema's type and version and validates it, so a message that would be
 * refused by its consumer fails in the sender instead.
 */
export const createMessage = <Schema extends EnvelopeSchema>(
  schema: Schema,
  data: z.input<Schema['shape']['data']>,
  options: CreateMessageOptions,
): z.output<Schema> => {
  const type = schema.shape.type.value;
  const version = schema.shape.version.value;
  const parsed = schema.safeParse({
    type,
    version,
    id: options.id ?? randomUUID(),
    occurredAt: options.now.toISOString(),
    correlationId: options.correlationId,
    data,
  });
  if (!parsed.success) {
    throw new MessageContractError(messageKind(type, version), issuePaths(parsed.error.issues));
  }
  return parsed.data;
};

/** Sends messages to a queue by its manifest name. Domain code and handlers depend on this, not on SQS. */
export interface MessagePublisher {
  publish(queue: string, message: AnyEnvelope): Promise<void>;
}

/**
 * Message attributes are for routing and tracing only: type, version and correlation id. Nothing from
 * `data` goes here, because attributes are visible to anyone who can read queue metadata.
 */
const attributesOf = (message: AnyEnvelope): Record<string, MessageAttributeValue> => ({
  type: { DataType: 'String', StringValue: message.type },
  version: { DataType: 'Number', StringValue: String(message.version) },
  ...(isSafeCorrelationId(message.correlationId)
    ? { correlationId: { DataType: 'String', StringValue: message.correlationId } }
    : {}),
});

export const queueUrlOf = (queue: string, environment: NodeJS.ProcessEnv = process.env): string => {
  const variable = queueEnvName(queue);
  const url = environment[variable];
  if (!url) throw new UnknownQueueError(queue, variable);
  return url;
};

/** The real publisher: SQS SendMessage to the URL the environment gives for the queue. */
export const sqsPublisher = (
  client: SQSClient = sqsClient(),
  environment: NodeJS.ProcessEnv = process.env,
): MessagePublisher => ({
  publish: async (queue, message) => {
    const envelope = AnyEnvelope.parse(message);
    await client.send(
      new SendMessageCommand({
        QueueUrl: queueUrlOf(queue, environment),
        MessageBody: JSON.stringify(envelope),
        MessageAttributes: attributesOf(envelope),
      }),
    );
  },
});

let defaultPublisher: MessagePublisher | undefined;

/** Publishes through the process-wide SQS publisher. Handlers that want a seam take a `MessagePublisher`. */
export const publish = (queue: string, message: AnyEnvelope): Promise<void> => {
  defaultPublisher ??= sqsPublisher();
  return defaultPublisher.publish(queue, message);
};
