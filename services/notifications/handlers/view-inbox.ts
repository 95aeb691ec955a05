import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { notificationRepository, notificationsAuditLog } from '../composition-root.ts';
import { audiencesOf } from '../domain/audience.ts';
import { buildInbox } from '../domain/notification.ts';
import { inboxCaseRef, inboxPageContext } from '../inbox-page.ts';

const repository = notificationRepository();
const auditLog = notificationsAuditLog();

/** Enough to reach back past any realistic backlog of unread items in one audience. */
const newestPerAudience = 100;

/** "Your notifications": the signed-in person's own and their groups', what needs attention first. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async ({ principal, now, correlationId }) => {
    const notifications = await repository.listFor(audiencesOf(principal), newestPerAudience);
    const readMarkers = await repository.readMarkers(
      principal.collarNumber,
      notifications.map((notification) => notification.id),
    );
    const entries = buildInbox(principal, notifications, readMarkers);
    await recordAccess(auditLog, {
      principal,
      caseRef: inboxCaseRef(principal),
      action: 'view-inbox',
      outcome: 'allowed',
      correlationId,
      now,
    });
    return view('notifications/inbox.njk', inboxPageContext(entries, now));
  },
});
