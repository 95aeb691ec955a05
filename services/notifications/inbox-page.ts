import type { CaseRef } from '../../shared/audit/chain.ts';
import type { Principal } from '../../shared/auth/principal.ts';
import {
  describeAge,
  type InboxEntry,
  isAwaitingAcknowledgement,
  needsAttention,
} from './domain/notification.ts';

/** One notification as the inbox page shows it. */
export interface InboxItem {
  readonly id: string;
  readonly title: string;
  readonly body: string;
  readonly link?: string;
  readonly urgent: boolean;
  readonly unread: boolean;
  readonly audienceLabel: string;
  readonly createdAt: string;
  readonly age: string;
  readonly awaitingAcknowledgement: boolean;
  readonly acknowledgedBy?: string;
  readonly acknowledgedAt?: string;
}

export const toInboxItem = (entry: InboxEntry, now: Date): InboxItem => {
  const { notification } = entry;
  return {
    id: notification.id,
    title: notification.title,
    body: notification.body,
    ...(notification.link ? { link: notification.link } : {}),
    urgent: notification.priority === 'urgent',
    unread: entry.readAt === undefined,
    audienceLabel: notification.audience.kind === 'person' ? 'you' : notification.audience.label,
    createdAt: notification.createdAt,
    age: describeAge(notification.createdAt, now),
    awaitingAcknowledgement: isAwaitingAcknowledgement(notification),
    ...(notification.acknowledgedBy ? { acknowledgedBy: notification.acknowledgedBy } : {}),
    ...(notification.acknowledgedAt ? { acknowledgedAt: notification.acknowledgedAt } : {}),
  };
};

/** The page's two lists: what needs the reader's attention (unread or awaiting acknowledgement), then the rest. */
export const inboxPageContext = (entries: readonly InboxEntry[], now: Date) => ({
  needingAttention: entries.filter(needsAttention).map((entry) => toInboxItem(entry, now)),
  read: entries.filter((entry) => !needsAttention(entry)).map((entry) => toInboxItem(entry, now)),
});

/**
 * The audit trail keeps one chain per staff inbox for views (whose inbox, seen when), and one per
 * notification for what was done to it.
 */
export const inboxCaseRef = (principal: Principal): CaseRef => ({
  service: 'notifications',
  // The audit case id admits a narrow alphabet; the actor field keeps the collar number exactly.
  caseId: `inbox:${principal.collarNumber.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 128),
});

export const notificationCaseRef = (notificationId: string): CaseRef => ({
  service: 'notifications',
  caseId: notificationId,
});
