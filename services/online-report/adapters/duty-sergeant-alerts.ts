import {
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../../shared/contracts/staff-notification.ts';
import type { MessagePublisher } from '../../../shared/messaging/publish.ts';
import { derivedUuid } from '../domain/ids.ts';
import type { SupervisorAlerts } from '../domain/ports.ts';

/**
 * The duty sergeant (Force Response sergeants) hears of every repeat incident through the staff inbox
 * (000 §8.3.1). The message id is derived from the log, so an alert sent again is stored once; it names
 * references only, never a person.
 */
export const dutySergeantAlerts = (
  publisher: MessagePublisher,
  context: () => { readonly now: Date; readonly correlationId: string },
): SupervisorAlerts => ({
  alertDutySergeant: async (log, matches) => {
    const { now, correlationId } = context();
    const earlier = matches.map((match) => match.reference).join(', ');
    const message = StaffNotificationRequested.parse({
      type: 'staff-notification-requested',
      version: 1,
      id: derivedUuid(`repeat-alert:${log.reportId}`),
      occurredAt: now.toISOString(),
      correlationId,
      data: {
        audience: {
          kind: 'group',
          department: 'FORCE_RESPONSE',
          minimumRank: 'sergeant',
          label: 'Duty sergeant, Force Response',
        },
        title: `Repeat domestic abuse incident ${log.reference} to supervise`,
        body: `Online report ${log.reference} (${log.grade}) is a repeat domestic abuse incident: earlier report${matches.length === 1 ? '' : 's'} ${earlier} within twelve months. Supervise it intrusively and attend whenever possible (000 §8.3.1). Acknowledge it on the incident log.`,
        link: `/staff/online-reports/${log.reportId}`,
        priority: 'urgent',
        requiresAcknowledgement: true,
        source: { service: 'online-report', caseId: log.reportId },
      },
    });
    await publisher.publish(staffNotificationsQueue, message);
  },
});
