import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';

/**
 * Journey state of an online application, server-side in the platform `sessions` table (shared/http offers
 * no journey helper, so the service keeps its own). The browser holds only an unguessable id in a session
 * cookie; the table is keyed by the SHA-256 of that id, so reading the table opens no journey. Items expire
 * through DynamoDB TTL (`expiresAt`, epoch seconds) and a read checks expiry itself, because TTL deletion
 * can lag by hours.
 */

export const journeyCookieName = '__Host-clares-law-journey';

/** Idle time after which the answers are forgotten: short, because the device may not be the applicant's own. */
export const journeyLifetimeSeconds = 60 * 60;

const idPattern = /^[A-Za-z0-9_-]{43}$/;

const RawAnswers = z.record(
  z.string(),
  z.union([z.string().max(30_000), z.array(z.string().max(30_000)).max(20)]),
);

export const JourneyState = z.object({
  answers: RawAnswers,
  /** Set once check your answers has been reached: change links come back to it. */
  reachedCheckAnswers: z.boolean().default(false),
  /** After submission only the reference is kept, for the confirmation page and a repeated submit. */
  submittedReference: z.string().optional(),
});
export type JourneyState = z.infer<typeof JourneyState>;

const StoredJourney = z.object({ state: JourneyState, expiresAt: z.number() });

export const newJourneyId = (): string => randomBytes(32).toString('base64url');
export const isJourneyId = (value: unknown): value is string =>
  typeof value === 'string' && idPattern.test(value);

const partitionKey = (id: string): string =>
  `clares-law-journey#${createHash('sha256').update(id).digest('base64url')}`;

/** A key for the submission that does not reveal the journey id either. */
export const submissionKeyOf = (id: string): string =>
  createHash('sha256').update(`clares-law-submission#${id}`).digest('base64url');

export interface JourneyStore {
  load(id: string, now: Date): Promise<JourneyState | undefined>;
  save(id: string, state: JourneyState, now: Date): Promise<void>;
  forget(id: string): Promise<void>;
}

export const dynamoJourneyStore = (client: DynamoDBDocumentClient, tableName: string): JourneyStore => ({
  load: async (id, now) => {
    if (!isJourneyId(id)) return undefined;
    const result = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: partitionKey(id) }, ConsistentRead: true }),
    );
    const stored = StoredJourney.safeParse(result.Item);
    if (!stored.success || stored.data.expiresAt * 1000 <= now.getTime()) return undefined;
    return stored.data.state;
  },
  save: async (id, state, now) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: partitionKey(id),
          state: JourneyState.parse(state),
          expiresAt: Math.floor(now.getTime() / 1000) + journeyLifetimeSeconds,
        },
      }),
    );
  },
  forget: async (id) => {
    if (!isJourneyId(id)) return;
    await client.send(new DeleteCommand({ TableName: tableName, Key: { pk: partitionKey(id) } }));
  },
});
