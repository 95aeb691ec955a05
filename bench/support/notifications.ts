import { SendMessageBatchCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type * as z from 'zod';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { queryCount } from '../../shared/aws/query.ts';
import {
  type StaffNotificationData,
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../shared/contracts/staff-notification.ts';
import { createMessage, queueUrlOf } from '../../shared/messaging/publish.ts';
import { BenchSetupError, environmentValue, type LocalClients } from './local-clients.ts';

export type NotificationInput = z.input<typeof StaffNotificationData>;

export const inboxTable = (runtime: LocalRuntime): string =>
  environmentValue(runtime, 'TABLE_NOTIFICATIONS_INBOX');

export const notificationMessage = (data: NotificationInput, now = new Date()): StaffNotificationRequested =>
  createMessage(StaffNotificationRequested, data, { correlationId: `bench-${now.getTime()}`, now });

/** Sends messages ten at a time (SendMessageBatch), as a service relaying its outbox would. */
export const sendInBatches = async (
  runtime: LocalRuntime,
  clients: LocalClients,
  messages: readonly StaffNotificationRequested[],
): Promise<void> => {
  const queueUrl = queueUrlOf(staffNotificationsQueue, runtime.environment);
  for (let start = 0; start < messages.length; start += 10) {
    const batch = messages.slice(start, start + 10);
    const result = await clients.sqs.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: batch.map((message, index) => ({
          Id: String(index),
          MessageBody: JSON.stringify(message),
          MessageAttributes: {
            type: { DataType: 'String', StringValue: message.type },
            version: { DataType: 'Number', StringValue: String(message.version) },
          },
        })),
      }),
    );
    if (result.Failed && result.Failed.length > 0)
      throw new BenchSetupError('SendMessageBatch refused messages.');
  }
};

/** Whether the consumer has stored the notification with this message id (its lookup item exists). */
export const isStored = async (
  runtime: LocalRuntime,
  clients: LocalClients,
  id: string,
): Promise<boolean> => {
  const { Item } = await clients.dynamo.send(
    new GetCommand({
      TableName: inboxTable(runtime),
      Key: { pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' },
      ConsistentRead: true,
    }),
  );
  return Item !== undefined;
};

/** How many notifications an audience partition holds (notifications/README.md, "Storage"). */
export const storedInPartition = async (
  runtime: LocalRuntime,
  clients: LocalClients,
  pk: string,
): Promise<number> =>
  queryCount(clients.dynamo, {
    TableName: inboxTable(runtime),
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': pk, ':prefix': 'NOTIFICATION#' },
    ConsistentRead: true,
  });

/** Polls `probe` every `intervalMs` until it holds; fails after `timeoutMs`. */
export const until = async (
  what: string,
  probe: () => Promise<boolean>,
  { intervalMs = 5, timeoutMs = 30_000 }: { intervalMs?: number; timeoutMs?: number } = {},
): Promise<void> => {
  const deadline = performance.now() + timeoutMs;
  while (!(await probe())) {
    if (performance.now() > deadline)
      throw new BenchSetupError(`Gave up waiting for ${what} after ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
};
