import * as z from 'zod';
import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { anyStaff } from '../../../shared/auth/policy.ts';
import { NotFoundError, pageHandler, redirect } from '../../../shared/http/index.ts';
import { notificationRepository, notificationsAuditLog } from '../composition-root.ts';
import { NotificationNotFoundError } from '../domain/errors.ts';
import { markAsRead } from '../domain/notification.ts';
import { notificationCaseRef } from '../inbox-page.ts';

const repository = notificationRepository();
const auditLog = notificationsAuditLog();
const NotificationId = z.uuid();

/** Marks one notification read for the signed-in reader only, then back to the inbox (303). */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async ({ params, principal, now, correlationId }) => {
    const id = NotificationId.safeParse(params.id);
    if (!id.success) throw new NotFoundError();
    const access = {
      principal,
      caseRef: notificationCaseRef(id.data),
      action: 'mark-notification-read',
      correlationId,
      now,
    };

    const notification = await repository.find(id.data);
    const [existing] = await repository.readMarkers(principal.collarNumber, [id.data]);
    let marker: ReturnType<typeof markAsRead>;
    try {
      marker = markAsRead(notification, principal, existing, now);
    } catch (error) {
      if (!(error instanceof NotificationNotFoundError)) throw error;
      await recordAccess(auditLog, { ...access, outcome: 'denied' });
      throw new NotFoundError(error.message);
    }
    await recordAccess(auditLog, { ...access, outcome: 'allowed' });
    if (marker) await repository.saveReadMarker(marker);
    return redirect('/staff/notifications');
  },
});
