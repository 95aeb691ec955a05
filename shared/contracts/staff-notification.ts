import * as z from 'zod';
import { Department, Rank } from '../auth/principal.ts';
import { envelopeOf } from './envelope.ts';

/**
 * Who a staff notification is for: one person by collar number, or everyone holding a duty role
 * (e.g. the duty sergeant, the duty superintendents, PSD). The inbox shows a person their own and
 * those of every group they belong to.
 */
export const NotificationAudience = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('person'), collarNumber: z.string().min(1).max(20) }),
  z.object({
    kind: z.literal('group'),
    department: Department.optional(),
    minimumRank: Rank.optional(),
    label: z.string().min(1).max(80),
  }),
]);
export type NotificationAudience = z.infer<typeof NotificationAudience>;

export const StaffNotificationData = z.object({
  audience: NotificationAudience,
  /** Short summary. Never a victim's, applicant's or suspect's name: a case reference is enough. */
  title: z.string().min(1).max(200),
  body: z.string().max(2000).default(''),
  /** Relative link into the staff pages, e.g. `/staff/dvpn/123`. */
  link: z
    .string()
    .regex(/^\/[A-Za-z0-9/_\-?=&.]*$/)
    .optional(),
  priority: z.enum(['routine', 'urgent']).default('routine'),
  /** The notification stays flagged until someone acknowledges it (e.g. a repeat-victim alert). */
  requiresAcknowledgement: z.boolean().default(false),
  /** The service and case it concerns, for grouping and audit. */
  source: z.object({ service: z.string().min(1), caseId: z.string().min(1).optional() }),
});
export type StaffNotificationData = z.infer<typeof StaffNotificationData>;

export const StaffNotificationRequested = envelopeOf(
  'staff-notification-requested',
  1,
  StaffNotificationData,
);
export type StaffNotificationRequested = z.infer<typeof StaffNotificationRequested>;

/** The queue every service sends staff alerts to (declare it in the sender's manifest `sendsTo`). */
export const staffNotificationsQueue = 'staff-notifications';
