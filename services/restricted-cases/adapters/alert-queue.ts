import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { outboxPut } from '../../../shared/messaging/outbox.ts';
import type { MessagePublisher } from '../../../shared/messaging/publish.ts';
import { logger } from '../../../shared/observability/logger.ts';
import type { AlertQueue } from '../domain/ports.ts';

/**
 * Sends each access alert straight to the queue (the audit entry it follows is already written). If the
 * queue refuses, the alert goes to the table's outbox for the sweep, so PSD still hears of it; only when
 * both fail does the request fail, after its audit entry is safe.
 */
export const alertQueue = (
  client: DynamoDBDocumentClient,
  tableName: string,
  publisher: MessagePublisher,
): AlertQueue => ({
  enqueue: async (messages) => {
    for (const { queue, message } of messages) {
      try {
        await publisher.publish(queue, message);
      } catch (error) {
        logger().warn('Access alert left for the outbox sweep', {
          messageId: message.id,
          queue,
          errorName: error instanceof Error ? error.name : 'unknown',
        });
        await client.send(new PutCommand(outboxPut(tableName, message, queue).Put));
      }
    }
  },
});
