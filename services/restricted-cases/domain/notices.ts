import type {
  NotificationAudience,
  StaffNotificationData,
} from '../../../shared/contracts/staff-notification.ts';

/**
 * A staff alert the workflows ask for; the service sends it to the notifications inbox. Titles carry case
 * references and collar numbers only, never a name.
 */
export interface Notice {
  readonly audience: NotificationAudience;
  readonly title: string;
  readonly body: string;
  readonly link?: string;
  readonly priority: 'routine' | 'urgent';
  readonly requiresAcknowledgement: boolean;
}

export const caseLink = (caseId: string): string => `/staff/restricted-cases/cases/${caseId}`;

/** The notice as the notifications inbox takes it, naming the service and case it concerns. */
export const notificationOf = (
  notice: Notice,
  source: StaffNotificationData['source'],
): StaffNotificationData => ({
  audience: notice.audience,
  title: notice.title,
  body: notice.body,
  ...(notice.link ? { link: notice.link } : {}),
  priority: notice.priority,
  requiresAcknowledgement: notice.requiresAcknowledgement,
  source,
});
