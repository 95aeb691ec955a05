import { createHash } from 'node:crypto';
import {
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../shared/contracts/staff-notification.ts';
import { createMessage, type MessagePublisher } from '../../shared/messaging/publish.ts';
import { serviceName } from './case-service.ts';
import type { AccessAttempted } from './contracts.ts';
import { noticesForAlert } from './domain/alerts.ts';
import { notificationOf } from './domain/notices.ts';
import type { AlertInbox } from './domain/ports.ts';

/**
 * The same alert and notice always make the same notification id, so a redelivered alert is absorbed by
 * the notifications inbox (a conditional put on the id) instead of reaching PSD twice.
 */
export const notificationIdFor = (alertId: string, index: number): string => {
  const hex = createHash('sha256').update(`${alertId}#${index}`).digest('hex');
  const variant = ((Number.parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};

export interface AlertDeliveryDependencies {
  readonly inbox: AlertInbox;
  readonly publisher: MessagePublisher;
}

/** Puts the alert in PSD's alerts inbox and sends the notices it causes; safe to run twice. */
export const deliverAccessAlert = async (
  deps: AlertDeliveryDependencies,
  message: AccessAttempted,
): Promise<void> => {
  const alert = message.data;
  await deps.inbox.add(alert);
  for (const [index, notice] of noticesForAlert(alert).entries()) {
    const notification = createMessage(
      StaffNotificationRequested,
      notificationOf(notice, { service: serviceName, ...(alert.caseKnown ? { caseId: alert.caseId } : {}) }),
      {
        correlationId: message.correlationId,
        now: new Date(alert.at),
        id: notificationIdFor(alert.id, index),
      },
    );
    await deps.publisher.publish(staffNotificationsQueue, notification);
  }
};
