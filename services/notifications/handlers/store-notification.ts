import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { notificationRepository } from '../composition-root.ts';
import { notificationFromMessage } from '../domain/notification.ts';

const repository = notificationRepository();

/**
 * Stores each staff notification requested on the queue. Idempotent without the idempotency table: the
 * store is a conditional put on the message id, so a redelivered message finds its notification there.
 */
export const handler = sqsConsumer({
  name: 'notifications.store-notification',
  schemas: StaffNotificationRequested,
  handle: async (message, { logger }) => {
    const outcome = await repository.add(notificationFromMessage(message));
    if (outcome === 'duplicate') logger.info('Notification already stored', { messageId: message.id });
  },
});
