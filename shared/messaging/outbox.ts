import { DeleteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamoDocumentClient } from '../aws/clients.ts';
import { queryItems } from '../aws/query.ts';
import { AnyEnvelope } from '../contracts/envelope.ts';
import { defaultMessagingLogger, describeError, type MessagingLogger } from './log.ts';
import { type MessagePublisher, sqsPublisher } from './publish.ts';

/**
 * The outbox: a message written in the same transaction as the record that causes it, so the message
 * exists exactly when the record does. Pending items live in one partition of the service's own table
 * (keys `pk`/`sk`), sorted oldest first, so the sweep is a Query. Sending deletes the item; a crash
 * between send and delete sends the message again, which the idempotent consumer absorbs.
 */
export const outboxPartition = 'OUTBOX';

const OutboxItem = z.object({
  pk: z.literal(outboxPartition),
  sk: z.string().min(1),
  queue: z.string().min(1),
  /** The envelope exactly as it will be sent. */
  body: z.string().min(1),
});
type OutboxItem = z.infer<typeof OutboxItem>;

/** A TransactWriteItems entry (lib-dynamodb shape) that adds a message to a table's outbox. */
export interface OutboxWrite {
  readonly Put: {
    readonly TableName: string;
    readonly Item: OutboxItem;
    readonly ConditionExpression: string;
  };
}

export interface OutboxDependencies {
  readonly publisher?: MessagePublisher;
  readonly dynamo?: DynamoDBDocumentClient;
  readonly logger?: MessagingLogger;
}

export interface OutboxResult {
  /** Sent and removed from the outbox. */
  readonly relayed: number;
  /** Left in the outbox for the next sweep. */
  readonly deferred: number;
}

const sortKeyOf = (message: AnyEnvelope): string =>
  `${new Date(message.occurredAt).toISOString()}#${message.id}`;

/** Put this in the same TransactWriteItems as the record the message is about. */
export const outboxPut = (tableName: string, message: AnyEnvelope, destinationQueue: string): OutboxWrite => {
  const envelope = AnyEnvelope.parse(message);
  return {
    Put: {
      TableName: tableName,
      Item: {
        pk: outboxPartition,
        sk: sortKeyOf(envelope),
        queue: destinationQueue,
        body: JSON.stringify(envelope),
      },
      // The same message written twice would be sent twice; refusing it makes the retried transaction fail loudly.
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
};

const relayItems = async (
  tableName: string,
  items: readonly OutboxItem[],
  dependencies: OutboxDependencies,
): Promise<OutboxResult> => {
  const publisher = dependencies.publisher ?? sqsPublisher();
  const dynamo = dependencies.dynamo ?? dynamoDocumentClient();
  const logger = dependencies.logger ?? defaultMessagingLogger();
  let relayed = 0;
  let deferred = 0;
  for (const item of items) {
    const message = AnyEnvelope.parse(JSON.parse(item.body));
    try {
      await publisher.publish(item.queue, message);
      await dynamo.send(new DeleteCommand({ TableName: tableName, Key: { pk: item.pk, sk: item.sk } }));
      relayed += 1;
    } catch (error) {
      deferred += 1;
      logger.warn('Outbox message left for the sweep', {
        messageId: message.id,
        type: message.type,
        queue: item.queue,
        ...describeError(error),
      });
    }
  }
  return { relayed, deferred };
};

/**
 * Sends the outbox messages a handler has just committed, and removes them from the outbox. Call it
 * after the transaction succeeds; a send that fails is left for `sweepOutbox`, never thrown, because
 * the record the person asked for is already safely written.
 */
export const relayOutbox = async (
  writes: readonly OutboxWrite[],
  dependencies: OutboxDependencies = {},
): Promise<OutboxResult> => {
  let relayed = 0;
  let deferred = 0;
  for (const write of writes) {
    const result = await relayItems(write.Put.TableName, [write.Put.Item], dependencies);
    relayed += result.relayed;
    deferred += result.deferred;
  }
  return { relayed, deferred };
};

export interface SweepOptions extends OutboxDependencies {
  readonly now: Date;
  /** Items younger than this are probably being relayed by the handler that wrote them; defaults to 60. */
  readonly minimumAgeSeconds?: number;
  /** At most this many items per sweep; defaults to 100. The next run takes the rest. */
  readonly limit?: number;
}

/** Sends outbox messages a handler wrote but did not relay (it crashed, or SQS refused). Run on a schedule. */
export const sweepOutbox = async (tableName: string, options: SweepOptions): Promise<OutboxResult> => {
  const dynamo = options.dynamo ?? dynamoDocumentClient();
  const cutoff = new Date(options.now.getTime() - (options.minimumAgeSeconds ?? 60) * 1000).toISOString();
  const limit = options.limit ?? 100;
  const items = (
    await queryItems(
      dynamo,
      {
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk < :cutoff',
        ExpressionAttributeValues: { ':pk': outboxPartition, ':cutoff': cutoff },
        ConsistentRead: true,
      },
      limit,
    )
  ).map((item) => OutboxItem.parse(item));
  return relayItems(tableName, items, { ...options, dynamo });
};
