import * as z from 'zod';
import { formFields } from '../../../shared/http/index.ts';
import { regrade } from '../domain/incident-log.ts';
import { manageReports } from '../manifest.ts';
import { requireLog, staffAction } from '../web/staff-pages.ts';

const Form = z.object({
  regradeGrade: formFields.choice(['P1', 'P2', 'P3'], 'Select the new grade'),
  regradeReason: z.string().max(1000, { error: 'The reason must be 1000 characters or fewer' }).optional(),
  immediateSafetyConfirmed: formFields.choices(
    ['yes'],
    'Select if the victim’s immediate safety is confirmed',
  ),
  perpetratorNextWithVictim: z
    .string()
    .max(300, { error: 'When the perpetrator is next with the victim must be 300 characters or fewer' })
    .optional(),
});

/** Regrades the log with a reason; P3 only with immediate safety confirmed and when the perpetrator is next with the victim (000 §8.3). */
export const handler = staffAction({
  policy: manageReports,
  schema: Form,
  action: 'regrade-incident',
  fields: { grade: 'regradeGrade', reason: 'regradeReason' },
  reason: (form) => form.regradeReason,
  decide: ({ loaded, form, principal, now, store }) => {
    const log = regrade(
      requireLog(loaded),
      {
        grade: form.regradeGrade,
        reason: form.regradeReason ?? '',
        immediateSafetyConfirmed: form.immediateSafetyConfirmed.includes('yes'),
        perpetratorNextWithVictim: form.perpetratorNextWithVictim ?? '',
      },
      principal,
      now,
    );
    return () => store.saveIncident(log);
  },
});
