import * as z from 'zod';
import { markReviewed } from '../domain/report.ts';
import { manageReports } from '../manifest.ts';
import { staffAction } from '../web/staff-pages.ts';

/** The contact handler has dealt with the report: it leaves the queue and is kept. */
export const handler = staffAction({
  policy: manageReports,
  schema: z.object({}),
  action: 'mark-reviewed',
  decide: ({ loaded, principal, now, store }) => {
    const report = markReviewed(loaded.report, principal, now);
    return () => store.saveReport(report);
  },
});
