import { randomUUID } from 'node:crypto';
import * as z from 'zod';
import { formFields } from '../../../shared/http/index.ts';
import { relayOutbox } from '../../../shared/messaging/outbox.ts';
import { DomesticAbuseIdentified } from '../contracts.ts';
import { openFromStaffMarking, reopenAsDomesticAbuse } from '../domain/incident-log.ts';
import { markReportAsDomesticAbuse, reportRef } from '../domain/report.ts';
import { manageReports } from '../manifest.ts';
import { staffAction } from '../web/staff-pages.ts';

const Form = z.object({
  markGrade: formFields.choice(['P1', 'P2'], 'Select the grade'),
  markReason: formFields.text('Enter why this report is domestic abuse', {
    maxLength: 1000,
    tooLong: 'The reason must be 1000 characters or fewer',
  }),
});

/**
 * A contact handler records domestic abuse the screen did not find (000 §8.2, §8.3.1): the report gets the
 * markers, a P1/P2 log is opened, and the queue takes it on to dispatch and the repeat check.
 */
export const handler = staffAction({
  policy: manageReports,
  schema: Form,
  action: 'mark-domestic-abuse',
  fields: { grade: 'markGrade', reason: 'markReason' },
  reason: (form) => form.markReason,
  decide: ({ loaded, form, principal, now, correlationId, store }) => {
    const marking = { grade: form.markGrade, reason: form.markReason };
    const report = markReportAsDomesticAbuse(loaded.report);
    const log = loaded.log
      ? reopenAsDomesticAbuse(loaded.log, marking, principal, now)
      : openFromStaffMarking(reportRef(report), marking, principal, now);
    const message = DomesticAbuseIdentified.parse({
      type: 'online-report-domestic-abuse-identified',
      version: 1,
      id: randomUUID(),
      occurredAt: now.toISOString(),
      correlationId,
      data: { reportId: report.id, identifiedBy: 'staff' },
    });
    return async () => {
      await relayOutbox(await store.saveReportAndIncident(report, log, loaded.log === undefined, message));
    };
  },
});
