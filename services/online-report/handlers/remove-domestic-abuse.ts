import * as z from 'zod';
import { removeDomesticAbuseClassification } from '../domain/incident-log.ts';
import { markReportDomesticAbuseRemoved } from '../domain/report.ts';
import { declassifyReports } from '../manifest.ts';
import { requireLog, staffAction } from '../web/staff-pages.ts';

const Form = z.object({
  removeReason: z.string().max(1000, { error: 'The reason must be 1000 characters or fewer' }).optional(),
});

/** Takes a report out of domestic abuse: a sergeant or above, with a reason; the log's history stays. */
export const handler = staffAction({
  policy: declassifyReports,
  schema: Form,
  action: 'remove-domestic-abuse',
  fields: { reason: 'removeReason' },
  reason: (form) => form.removeReason,
  decide: ({ loaded, form, principal, now, store }) => {
    const log = removeDomesticAbuseClassification(
      requireLog(loaded),
      form.removeReason ?? '',
      principal,
      now,
    );
    const report = markReportDomesticAbuseRemoved(loaded.report);
    return async () => {
      await store.saveReportAndIncident(report, log, false);
    };
  },
});
