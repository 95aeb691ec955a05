import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { auditLog, reportStore } from '../composition-root.ts';
import { viewReports } from '../manifest.ts';
import { auditedDeniedAccess, caseRefOf } from '../web/staff-pages.ts';
import { incidentListContext } from '../web/staff-views.ts';

const store = reportStore();
const audit = auditLog();

/**
 * The Force Response incident list: open domestic-abuse logs from online reports, repeats waiting for the
 * duty sergeant first, then by grade and the longest waiting, each with its age since submission.
 */
export const handler = pageHandler({
  policy: viewReports,
  deniedAccess: auditedDeniedAccess,
  handle: async ({ principal, correlationId, now }) => {
    await recordAccess(audit, {
      principal,
      caseRef: caseRefOf('incident-list'),
      action: 'view-incident-list',
      outcome: 'allowed',
      correlationId,
      now,
    });
    return view('online-report/incident-list.njk', incidentListContext(await store.openIncidents(), now));
  },
});
