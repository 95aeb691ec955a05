import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { batchGetItems } from '../../../shared/aws/batch-get.ts';
import { NotificationAudience } from '../../../shared/contracts/staff-notification.ts';
import type { AudienceSelector } from '../domain/audience.ts';
import { selectorOf } from '../domain/audience.ts';
import type { Acknowledgement, Notification } from '../domain/notification.ts';
import type { NotificationRepository } from '../domain/ports.ts';

/**
 * Keys of the inbox table (pk/sk):
 * - a notification lives in its audience's partition, `AUDIENCE#PERSON#<collar>` or
 *   `AUDIENCE#GROUP#<department|*>#<minimum rank|*>`, sorted by `NOTIFICATION#<createdAt>#<id>`, so an
 *   inbox is one Query per audience, newest first;
 * - `NOTIFICATION#<id>` / `NOTIFICATION` points at it, so it can be found by id, and its conditional
 *   put is what makes storing a redelivered message a no-op;
 * - `READER#<collar>` / `READ#<id>` is one reader's read marker.
 */
const any = '*';

export const audiencePartitionKey = (audience: AudienceSelector): string =>
  audience.kind === 'person'
    ? `AUDIENCE#PERSON#${audience.collarNumber}`
    : `AUDIENCE#GROUP#${audience.department ?? any}#${audience.minimumRank ?? any}`;

const notificationSortKey = (notification: Notification): string =>
  `NOTIFICATION#${notification.createdAt}#${notification.id}`;
const lookupKey = (id: string) => ({ pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' });
const readMarkerKey = (readBy: string, notificationId: string) => ({
  pk: `READER#${readBy}`,
  sk: `READ#${notificationId}`,
});

const NotificationItem = z.object({
  pk: z.string(),
  sk: z.string(),
  id: z.uuid(),
  audience: NotificationAudience,
  title: z.string(),
  body: z.string(),
  link: z.string().optional(),
  priority: z.enum(['routine', 'urgent']),
  requiresAcknowledgement: z.boolean(),
  source: z.object({ service: z.string(), caseId: z.string().optional() }),
  correlationId: z.string(),
  createdAt: z.string(),
  acknowledgedAt: z.string().optional(),
  acknowledgedBy: z.string().optional(),
});

const LookupItem = z.object({ audiencePk: z.string(), audienceSk: z.string() });
const ReadMarkerItem = z.object({ notificationId: z.string(), readBy: z.string(), readAt: z.string() });

const toNotification = (item: unknown): Notification => {
  const { pk: _pk, sk: _sk, ...notification } = NotificationItem.parse(item);
  return notification;
};

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (error instanceof TransactionCanceledException &&
    (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed'));

export const dynamoNotificationRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
): NotificationRepository => ({
  add: async (notification) => {
    const audiencePk = audiencePartitionKey(selectorOf(notification.audience));
    const audienceSk = notificationSortKey(notification);
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: { ...lookupKey(notification.id), audiencePk, audienceSk },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: tableName,
                Item: { pk: audiencePk, sk: audienceSk, ...notification },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return 'stored';
    } catch (error) {
      if (isConditionFailure(error)) return 'duplicate';
      throw error;
    }
  },

  find: async (id) => {
    const lookup = await client.send(new GetCommand({ TableName: tableName, Key: lookupKey(id) }));
    if (!lookup.Item) return undefined;
    const { audiencePk, audienceSk } = LookupItem.parse(lookup.Item);
    const found = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: audiencePk, sk: audienceSk }, ConsistentRead: true }),
    );
    return found.Item ? toNotification(found.Item) : undefined;
  },

  listFor: async (audiences, limitPerAudience) => {
    const pages = await Promise.all(
      audiences.map((audience) =>
        client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': audiencePartitionKey(audience), ':prefix': 'NOTIFICATION#' },
            ScanIndexForward: false,
            Limit: limitPerAudience,
          }),
        ),
      ),
    );
    return pages.flatMap((page) => (page.Items ?? []).map(toNotification));
  },

  readMarkers: async (readBy, notificationIds) => {
    const keys = [...new Set(notificationIds)].map((id) => readMarkerKey(readBy, id));
    return (await batchGetItems(client, tableName, keys)).map((item) => ReadMarkerItem.parse(item));
  },

  saveReadMarker: async (marker) => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...readMarkerKey(marker.readBy, marker.notificationId), ...marker },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  saveAcknowledgement: async (acknowledgement: Acknowledgement) => {
    const lookup = await client.send(
      new GetCommand({ TableName: tableName, Key: lookupKey(acknowledgement.notificationId) }),
    );
    const { audiencePk, audienceSk } = LookupItem.parse(lookup.Item);
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: audiencePk, sk: audienceSk },
          UpdateExpression: 'SET acknowledgedAt = :at, acknowledgedBy = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(acknowledgedAt)',
          ExpressionAttributeValues: {
            ':at': acknowledgement.acknowledgedAt,
            ':by': acknowledgement.acknowledgedBy,
          },
        }),
      );
      return 'acknowledged';
    } catch (error) {
      if (isConditionFailure(error)) return 'already';
      throw error;
    }
  },
});
