import { pageHandler } from '../../../shared/http/index.ts';
import { viewReports } from '../manifest.ts';
import { auditedDeniedAccess, auditedReportPage } from '../web/staff-pages.ts';

/** One online report with its screen, incident log, THRIVE+ history, dispatch requests and actions. */
export const handler = pageHandler({
  policy: viewReports,
  deniedAccess: auditedDeniedAccess,
  handle: (request) => auditedReportPage(request),
});
