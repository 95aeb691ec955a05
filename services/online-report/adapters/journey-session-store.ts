import { createHash, randomBytes } from 'node:crypto';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { type JourneyAnswers, JourneyAnswersSchema } from '../domain/journey/engine.ts';

/**
 * Journey state for the public form, server-side in the platform `sessions` table. The browser holds only
 * an unguessable id in a session cookie; the table holds the SHA-256 of that id, so reading the table gives
 * nobody a way into a journey. Items expire (`expiresAt`, epoch seconds: DynamoDB TTL), and a read checks
 * expiry itself because TTL deletion can lag.
 */

export const journeyCookieName = '__Host-report-journey';

/** Idle time after which a journey is forgotten; every saved answer starts it again. */
export const journeyLifetimeSeconds = 60 * 60;

/**
 * How long after sending the report its reference stays on the confirmation page for the same browser: long
 * enough for a reload or a page lost on the way to show it again, short enough that a shared phone soon
 * keeps nothing. The answers are gone from the moment it is sent.
 */
export const submittedLifetimeSeconds = 15 * 60;

const idPattern = /^[A-Za-z0-9_-]{43}$/;

const JourneyStateSchema = z.object({
  answers: JourneyAnswersSchema,
  reachedCheckAnswers: z.boolean(),
  /** The idempotency token of the check-your-answers form: one report per token. */
  submissionToken: z.string().optional(),
  /** After submit, only the reference is kept, for the confirmation page, for `submittedLifetimeSeconds`. */
  submitted: z.object({ reference: z.string() }).optional(),
});
export interface JourneyState {
  readonly answers: JourneyAnswers;
  readonly reachedCheckAnswers: boolean;
  readonly submissionToken?: string | undefined;
  readonly submitted?: { readonly reference: string } | undefined;
}

export const emptyJourney = (): JourneyState => ({ answers: {}, reachedCheckAnswers: false });

/** A sent report's journey: its reference and nothing else, none of the answers. */
export const submittedJourney = (reference: string): JourneyState => ({
  answers: {},
  reachedCheckAnswers: false,
  submitted: { reference },
});

const StoredJourney = z.object({ state: JourneyStateSchema, expiresAt: z.number() });

export const newJourneyId = (): string => randomBytes(32).toString('base64url');

export const isJourneyId = (value: unknown): value is string =>
  typeof value === 'string' && idPattern.test(value);

const partitionKey = (id: string): string =>
  `report-journey#${createHash('sha256').update(id).digest('base64url')}`;

export interface JourneySessionStore {
  load(id: string, now: Date): Promise<JourneyState | undefined>;
  /**
   * Keeps the state for `journeyLifetimeSeconds` from `now`; a sent report's state (`submitted`) is kept as its
   * reference alone, whatever else it was given, for `submittedLifetimeSeconds`.
   */
  save(id: string, state: JourneyState, now: Date): Promise<void>;
  forget(id: string): Promise<void>;
}

export const dynamoJourneySessionStore = (
  client: DynamoDBDocumentClient,
  tableName: string,
): JourneySessionStore => ({
  load: async (id, now) => {
    if (!isJourneyId(id)) return undefined;
    const result = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: partitionKey(id) }, ConsistentRead: true }),
    );
    if (!result.Item) return undefined;
    const stored = StoredJourney.safeParse(result.Item);
    if (!stored.success || stored.data.expiresAt * 1000 <= now.getTime()) return undefined;
    return stored.data.state;
  },
  save: async (id, state, now) => {
    const kept = state.submitted ? submittedJourney(state.submitted.reference) : state;
    const lifetime = state.submitted ? submittedLifetimeSeconds : journeyLifetimeSeconds;
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: partitionKey(id),
          state: JourneyStateSchema.parse(kept),
          expiresAt: Math.floor(now.getTime() / 1000) + lifetime,
        },
      }),
    );
  },
  forget: async (id) => {
    if (!isJourneyId(id)) return;
    await client.send(new DeleteCommand({ TableName: tableName, Key: { pk: partitionKey(id) } }));
  },
});
