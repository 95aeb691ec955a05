import * as z from 'zod';

/**
 * Every queue message: `{ type, version, id, occurredAt, correlationId, data }`. `id` is the idempotency
 * key; `correlationId` follows a request through every message it causes. Parsed on both sides.
 */
export const envelopeOf = <Type extends string, Data extends z.ZodType>(
  type: Type,
  version: number,
  data: Data,
) =>
  z.object({
    type: z.literal(type),
    version: z.literal(version),
    id: z.uuid(),
    occurredAt: z.iso.datetime({ offset: true }),
    correlationId: z.string().min(1).max(100),
    data,
  });

export const AnyEnvelope = z.object({
  type: z.string().min(1),
  version: z.number().int().positive(),
  id: z.uuid(),
  occurredAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(100),
  data: z.unknown(),
});
export type AnyEnvelope = z.infer<typeof AnyEnvelope>;

/** The schema of one message type, as `envelopeOf` builds it; publish and consume accept any of these. */
export type EnvelopeSchema<Type extends string = string, Data extends z.ZodType = z.ZodType> = ReturnType<
  typeof envelopeOf<Type, Data>
>;

/** The `type@version` a schema accepts, e.g. `staff-notification-requested@1`. */
export const messageKind = (type: string, version: number): string => `${type}@${version}`;
