import type { Principal } from '../../../shared/auth/principal.ts';
import type {
  NotificationAudience,
  StaffNotificationRequested,
} from '../../../shared/contracts/staff-notification.ts';
import { isAddressedTo } from './audience.ts';
import { AcknowledgementNotRequiredError, NotificationNotFoundError } from './errors.ts';

export type Priority = 'routine' | 'urgent';

/** A staff notification as stored: one per message, keyed by the message id. */
export interface Notification {
  readonly id: string;
  readonly audience: NotificationAudience;
  readonly title: string;
  readonly body: string;
  readonly link?: string;
  readonly priority: Priority;
  readonly requiresAcknowledgement: boolean;
  readonly source: { readonly service: string; readonly caseId?: string };
  readonly correlationId: string;
  readonly createdAt: string;
  /**
   * Acknowledgement is shared: one member of the audience acknowledging settles it for everyone,
   * because it means "someone has taken this on".
   */
  readonly acknowledgedAt?: string;
  readonly acknowledgedBy?: string;
}

/**
 * Reading is personal: each reader has their own read marker, so one sergeant opening a message to
 * all duty sergeants leaves it unread for the others.
 */
export interface ReadMarker {
  readonly notificationId: string;
  readonly readBy: string;
  readonly readAt: string;
}

/** A notification as one reader sees it. */
export interface InboxEntry {
  readonly notification: Notification;
  readonly readAt?: string;
}

export const notificationFromMessage = (message: StaffNotificationRequested): Notification => ({
  id: message.id,
  audience: message.data.audience,
  title: message.data.title,
  body: message.data.body,
  ...(message.data.link ? { link: message.data.link } : {}),
  priority: message.data.priority,
  requiresAcknowledgement: message.data.requiresAcknowledgement,
  source: message.data.source,
  correlationId: message.correlationId,
  createdAt: new Date(message.occurredAt).toISOString(),
});

export const isAwaitingAcknowledgement = (notification: Notification): boolean =>
  notification.requiresAcknowledgement && notification.acknowledgedAt === undefined;

/** Unread, or read but still waiting for someone to acknowledge it: either way it wants the reader's attention. */
export const needsAttention = (entry: InboxEntry): boolean =>
  entry.readAt === undefined || isAwaitingAcknowledgement(entry.notification);

const priorityRank: Record<Priority, number> = { urgent: 0, routine: 1 };

/** Inbox order: what needs attention first, then urgent before routine, then newest first. */
export const compareInboxEntries = (a: InboxEntry, b: InboxEntry): number =>
  Number(!needsAttention(a)) - Number(!needsAttention(b)) ||
  priorityRank[a.notification.priority] - priorityRank[b.notification.priority] ||
  b.notification.createdAt.localeCompare(a.notification.createdAt) ||
  a.notification.id.localeCompare(b.notification.id);

/**
 * The principal's inbox from the notifications of their audiences and their read markers: only what
 * is addressed to them, each once, in inbox order, at most `limit` entries.
 */
export const buildInbox = (
  principal: Principal,
  notifications: readonly Notification[],
  readMarkers: readonly ReadMarker[],
  limit = 100,
): InboxEntry[] => {
  const readAt = new Map(
    readMarkers
      .filter((marker) => marker.readBy === principal.collarNumber)
      .map((marker) => [marker.notificationId, marker.readAt]),
  );
  const unique = new Map(notifications.map((notification) => [notification.id, notification]));
  return [...unique.values()]
    .filter((notification) => isAddressedTo(notification.audience, principal))
    .map((notification): InboxEntry => {
      const at = readAt.get(notification.id);
      return at === undefined ? { notification } : { notification, readAt: at };
    })
    .sort(compareInboxEntries)
    .slice(0, limit);
};

export const countNeedingAttention = (entries: readonly InboxEntry[]): number =>
  entries.filter(needsAttention).length;

/**
 * Marking as read: only someone the notification is addressed to may, and a second mark keeps the first
 * time (returns `undefined`: nothing to write).
 */
export const markAsRead = (
  notification: Notification | undefined,
  reader: Principal,
  existing: ReadMarker | undefined,
  now: Date,
): ReadMarker | undefined => {
  if (!notification || !isAddressedTo(notification.audience, reader)) throw new NotificationNotFoundError();
  if (existing) return undefined;
  return { notificationId: notification.id, readBy: reader.collarNumber, readAt: now.toISOString() };
};

export interface Acknowledgement {
  readonly notificationId: string;
  readonly acknowledgedBy: string;
  readonly acknowledgedAt: string;
}

/**
 * Acknowledging: only for a notification that asks for it, only by someone it is addressed to; the
 * first acknowledgement stands (returns `undefined` when it is already acknowledged).
 */
export const acknowledge = (
  notification: Notification | undefined,
  principal: Principal,
  now: Date,
): Acknowledgement | undefined => {
  if (!notification || !isAddressedTo(notification.audience, principal))
    throw new NotificationNotFoundError();
  if (!notification.requiresAcknowledgement) throw new AcknowledgementNotRequiredError();
  if (notification.acknowledgedAt !== undefined) return undefined;
  return {
    notificationId: notification.id,
    acknowledgedBy: principal.collarNumber,
    acknowledgedAt: now.toISOString(),
  };
};

const plural = (count: number, unit: string): string => `${count} ${unit}${count === 1 ? '' : 's'}`;

/** "received 5 minutes ago": the age of a notification in words, to the coarsest unit that fits. */
export const describeAge = (createdAt: string, now: Date): string => {
  const seconds = Math.max(0, Math.floor((now.getTime() - new Date(createdAt).getTime()) / 1000));
  const minutes = Math.floor(seconds / 60);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (minutes < 1) return 'received just now';
  if (hours < 1) return `received ${plural(minutes, 'minute')} ago`;
  if (days < 1) return `received ${plural(hours, 'hour')} ago`;
  if (days < 7) return `received ${plural(days, 'day')} ago`;
  return `received ${plural(Math.floor(days / 7), 'week')} ago`;
};
