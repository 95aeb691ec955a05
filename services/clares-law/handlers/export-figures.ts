import { londonDateOf } from '../../../shared/calendar/index.ts';
import { download, pageHandler } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { figuresCsv } from '../domain/figures.ts';
import { caseReaders } from '../manifest.ts';
import { recentMonths } from '../web/figures-range.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

/** The same figures as CSV, for the force's performance reporting (003 §19). Counts only: no personal data. */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, now, correlationId }) => {
    const rows = await claresLawService().figures(principal, recentMonths(now), { now, correlationId });
    return download(figuresCsv(rows), {
      contentType: 'text/csv; charset=utf-8',
      filename: `dvds-figures-${londonDateOf(now)}.csv`,
    });
  },
});
