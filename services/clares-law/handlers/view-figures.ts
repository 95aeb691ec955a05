import { pageHandler, view } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { caseReaders } from '../manifest.ts';
import { figuresMonthCount, recentMonths } from '../web/figures-range.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

/** Applications by route and outcome, time to decision and missed clocks, by month (APP "Performance management"). */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, now, correlationId }) => {
    const rows = await claresLawService().figures(principal, recentMonths(now), { now, correlationId });
    return view('clares-law/figures.njk', {
      rows,
      monthCount: figuresMonthCount,
      backHref: '/staff/clares-law',
    });
  },
});
