import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { auditLog, reportStore } from '../composition-root.ts';
import { viewReports } from '../manifest.ts';
import { auditedDeniedAccess, caseRefOf } from '../web/staff-pages.ts';
import { contactQueueContext } from '../web/staff-views.ts';

const store = reportStore();
const audit = auditLog();

/** The online contact handlers' queue: every submitted report until reviewed, domestic abuse first. */
export const handler = pageHandler({
  policy: viewReports,
  deniedAccess: auditedDeniedAccess,
  handle: async ({ principal, correlationId, now }) => {
    await recordAccess(audit, {
      principal,
      caseRef: caseRefOf('contact-queue'),
      action: 'view-contact-queue',
      outcome: 'allowed',
      correlationId,
      now,
    });
    return view('online-report/contact-queue.njk', contactQueueContext(await store.contactQueue(), now));
  },
});
