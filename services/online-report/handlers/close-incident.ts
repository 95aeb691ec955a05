import * as z from 'zod';
import { closeLog, finalClassifications } from '../domain/incident-log.ts';
import { manageReports } from '../manifest.ts';
import { requireLog, staffAction } from '../web/staff-pages.ts';

const Form = z.object({
  closeClassification: z.string().optional().default(''),
  closeNote: z.string().max(1000, { error: 'The closing note must be 1000 characters or fewer' }).optional(),
});

/** Closes the log with a domestic-abuse final classification (000 §8.2). */
export const handler = staffAction({
  policy: manageReports,
  schema: Form,
  action: 'close-incident',
  fields: { classification: 'closeClassification' },
  reason: (form) =>
    (finalClassifications as readonly string[]).includes(form.closeClassification)
      ? form.closeNote
      : undefined,
  decide: ({ loaded, form, principal, now, store }) => {
    const log = closeLog(
      requireLog(loaded),
      { classification: form.closeClassification, note: form.closeNote ?? '' },
      principal,
      now,
    );
    return () => store.saveIncident(log);
  },
});
