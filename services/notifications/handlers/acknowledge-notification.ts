import * as z from 'zod';
import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { anyStaff } from '../../../shared/auth/policy.ts';
import { ConflictError, NotFoundError, pageHandler, redirect } from '../../../shared/http/index.ts';
import { notificationRepository, notificationsAuditLog } from '../composition-root.ts';
import { AcknowledgementNotRequiredError, NotificationNotFoundError } from '../domain/errors.ts';
import { acknowledge, markAsRead } from '../domain/notification.ts';
import { notificationCaseRef } from '../inbox-page.ts';

const repository = notificationRepository();
const auditLog = notificationsAuditLog();
const NotificationId = z.uuid();

/**
 * Acknowledges a notification that asks for it ("I have this"), for everyone it was sent to; the
 * acknowledger has read it too. Then back to the inbox (303).
 */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async ({ params, principal, now, correlationId }) => {
    const id = NotificationId.safeParse(params.id);
    if (!id.success) throw new NotFoundError();
    const access = {
      principal,
      caseRef: notificationCaseRef(id.data),
      action: 'acknowledge-notification',
      correlationId,
      now,
    };

    const notification = await repository.find(id.data);
    let acknowledgement: ReturnType<typeof acknowledge>;
    try {
      acknowledgement = acknowledge(notification, principal, now);
    } catch (error) {
      if (error instanceof NotificationNotFoundError) {
        await recordAccess(auditLog, { ...access, outcome: 'denied' });
        throw new NotFoundError(error.message);
      }
      if (error instanceof AcknowledgementNotRequiredError) throw new ConflictError(error.message);
      throw error;
    }
    await recordAccess(auditLog, { ...access, outcome: 'allowed' });
    if (acknowledgement) await repository.saveAcknowledgement(acknowledgement);
    const [existing] = await repository.readMarkers(principal.collarNumber, [id.data]);
    const marker = markAsRead(notification, principal, existing, now);
    if (marker) await repository.saveReadMarker(marker);
    return redirect('/staff/notifications');
  },
});
