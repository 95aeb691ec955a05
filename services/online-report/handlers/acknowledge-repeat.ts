import * as z from 'zod';
import { acknowledgeRepeat } from '../domain/incident-log.ts';
import { superviseRepeats } from '../manifest.ts';
import { requireLog, staffAction } from '../web/staff-pages.ts';

const Form = z.object({
  supervisionNote: z
    .string()
    .max(1000, { error: 'How you will supervise it must be 1000 characters or fewer' })
    .optional(),
});

/** The duty sergeant takes on a repeat incident and says how they will supervise it (000 §8.3, §8.3.1). */
export const handler = staffAction({
  policy: superviseRepeats,
  schema: Form,
  action: 'acknowledge-repeat',
  reason: (form) => form.supervisionNote,
  decide: ({ loaded, form, principal, now, store }) => {
    const log = acknowledgeRepeat(requireLog(loaded), form.supervisionNote ?? '', principal, now);
    return () => store.saveIncident(log);
  },
});
