import * as z from 'zod';
import { recordThriveAssessment, thriveElements } from '../domain/incident-log.ts';
import { manageReports } from '../manifest.ts';
import { requireLog, staffAction } from '../web/staff-pages.ts';

const Optional = z.string().optional().default('');

const Form = z.object({
  ...(Object.fromEntries(thriveElements.map((element) => [element, Optional])) as Record<
    (typeof thriveElements)[number],
    typeof Optional
  >),
  newInformation: z.string().optional(),
});

/** Records a THRIVE+ assessment, each element with its rationale; a reassessment says what is new (000 §6.1). */
export const handler = staffAction({
  policy: manageReports,
  schema: Form,
  action: 'record-thrive-assessment',
  reason: (form) => form.newInformation,
  decide: ({ loaded, form, principal, now, store }) => {
    const log = recordThriveAssessment(requireLog(loaded), form, principal, now);
    return () => store.saveIncident(log);
  },
});
