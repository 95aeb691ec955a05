import * as z from 'zod';
import { envelopeOf } from '../../shared/contracts/envelope.ts';

/**
 * Messages of the online-report service. The domestic-abuse message goes to the service's own queue, so
 * the log, the dispatch and the duty-sergeant alert are retried from the queue until done (or dead-
 * lettered, which alarms). The dispatch request is what the command-and-control port sends.
 */

/** The service's own work queue: every report in which domestic abuse is apparent passes through it. */
export const domesticAbuseQueue = 'online-report-domestic-abuse';

export const DomesticAbuseIdentified = envelopeOf(
  'online-report-domestic-abuse-identified',
  1,
  z.object({
    reportId: z.uuid(),
    /** The screen found it at submission, or a member of staff recorded it later. */
    identifiedBy: z.enum(['screening', 'staff']),
  }),
);
export type DomesticAbuseIdentified = z.infer<typeof DomesticAbuseIdentified>;

/**
 * An officer to be dispatched for face-to-face contact (000 §8.3.1). It carries the log reference and the
 * grade only; the dispatcher opens the log for the rest.
 */
export const DispatchRequested = envelopeOf(
  'dispatch-requested',
  1,
  z.object({
    incidentId: z.uuid(),
    reference: z.string().min(1).max(20),
    grade: z.enum(['P1', 'P2', 'P3']),
    purpose: z.string().min(1).max(300),
    link: z.string().regex(/^\/staff\/[A-Za-z0-9/_-]+$/),
    requestedBy: z.literal('online-report'),
  }),
);
export type DispatchRequested = z.infer<typeof DispatchRequested>;
