import * as z from 'zod';
import { CategoryIdSchema } from './categories.ts';
import { AgeBand, ContactMethod, Relationship, SafeTimeChoice } from './vocabulary.ts';

const LondonDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** What the person told us, as check your answers sends it: every field already validated. */
export const ReportAnswersSchema = z.object({
  category: CategoryIdSchema,
  incidentDate: LondonDateSchema,
  location: z.string().min(1).max(500),
  description: z.string().min(1).max(5000),
  suspect: z
    .object({
      name: z.string().min(1).max(200),
      dateOfBirth: LondonDateSchema.optional(),
      ageBand: AgeBand.optional(),
      relationship: Relationship,
    })
    .optional(),
  reporter: z.object({ name: z.string().min(1).max(200), dateOfBirth: LondonDateSchema }),
  contact: z.object({
    methods: z.array(ContactMethod).min(1),
    phone: z.string().max(30).optional(),
    email: z.string().max(254).optional(),
    meetingPlace: z.string().max(300).optional(),
    safeTimes: SafeTimeChoice,
    safeTimesDetail: z.string().max(200).optional(),
    messagesAllowed: z.boolean(),
    safeWord: z.string().max(50).optional(),
  }),
});
export type ReportAnswers = z.infer<typeof ReportAnswersSchema>;
