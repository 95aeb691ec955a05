import * as z from 'zod';
import { considerationKeys } from './domain/considerations.ts';
import { DraftDetails } from './domain/model.ts';
import { optionalConditions } from './domain/rules-packs.ts';

const Instant = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const Conditions = z.array(z.enum(optionalConditions));
const Distance = z.number().int().min(1).max(10_000).optional();

/** The JSON bodies of the API, one per action; the domain's rules apply to them exactly as to the pages. */
export const apiBodies = {
  draft: DraftDetails,
  submit: z.object({}),
  'retry-document': z.object({}),
  decision: z.discriminatedUnion('decision', [
    z.object({
      decision: z.literal('authorise'),
      affirmed: z.array(z.enum(considerationKeys)),
      reasonableGrounds: z.string().max(2000),
    }),
    z.object({ decision: z.literal('refuse'), reason: z.string().max(2000) }),
  ]),
  service: z.object({
    servedAt: Instant,
    place: z.string().trim().min(1).max(300),
    addressForHearingNotice: z.string().trim().max(300).nullable(),
  }),
  application: z.object({
    court: z.string().trim().min(1).max(200),
    conditionsSought: Conditions,
    stayAwayDistanceMetres: Distance,
    durationSoughtDays: z.number().int().min(1).max(3650).nullable(),
    summary: z.string().trim().min(1).max(1500),
  }),
  hearing: z.discriminatedUnion('outcome', [
    z.object({
      outcome: z.literal('granted'),
      heardAt: Instant,
      conditions: Conditions,
      stayAwayDistanceMetres: Distance,
      durationDays: z.number().int().min(1).max(3650).nullable(),
    }),
    z.object({ outcome: z.literal('refused'), heardAt: Instant, reason: z.string().trim().min(1).max(3000) }),
    z.object({
      outcome: z.literal('adjourned'),
      heardAt: Instant,
      adjournedTo: Instant,
      reason: z.string().trim().min(1).max(3000),
    }),
  ]),
  breaches: z.object({
    occurredAt: Instant,
    description: z.string().trim().min(1).max(3000),
    arrested: z.boolean(),
  }),
} as const;
