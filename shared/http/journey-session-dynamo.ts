import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import {
  expiresAtOf,
  isAlive,
  isJourneyId,
  type JourneySession,
  type JourneySessionStore,
  journeyKeyOf,
} from './journey-session.ts';

export interface DynamoJourneySessionOptions<State> {
  readonly client: DynamoDBDocumentClient;
  /** The platform `sessions` table (partition key `pk`, TTL on `expiresAt`). */
  readonly tableName: string;
  /** Starts every key, e.g. `report-journey`: one service's journeys never meet another's. */
  readonly scope: string;
  /** The service's answers: checked before they are written and again when they are read. */
  readonly schema: z.ZodType<State>;
}

/**
 * Journeys in the platform `sessions` table, one item each: `<scope>#<SHA-256 of the id>`, holding either
 * `{ status: 'in-progress', state }` or `{ status: 'sent', reference }` and its `expiresAt` (epoch seconds,
 * DynamoDB TTL). Every write replaces the whole item, so a sent journey's item holds nothing of its answers.
 * A read checks expiry itself, because TTL deletion can lag by hours, and reads strongly consistent, so the
 * page after a save sees it. An item that does not read as a journey of this service is no journey.
 */
export const dynamoJourneySessionStore = <State>(
  options: DynamoJourneySessionOptions<State>,
): JourneySessionStore<State> => {
  const { client, tableName, scope, schema } = options;
  const Stored = z.object({
    journey: z.discriminatedUnion('status', [
      z.object({ status: z.literal('in-progress'), state: schema }),
      z.object({ status: z.literal('sent'), reference: z.string().min(1) }),
    ]),
    expiresAt: z.number(),
  });
  const key = (id: string) => ({ pk: journeyKeyOf(scope, id) });
  const put = async (id: string, journey: JourneySession<State>, now: Date): Promise<void> => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...key(id), journey, expiresAt: expiresAtOf(journey.status, now) },
      }),
    );
  };

  return {
    load: async (id, now) => {
      if (!isJourneyId(id)) return undefined;
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: key(id), ConsistentRead: true }),
      );
      const stored = Stored.safeParse(result.Item);
      if (!stored.success || !isAlive(stored.data.expiresAt, now)) return undefined;
      return stored.data.journey;
    },
    save: async (id, state, now) => {
      if (!isJourneyId(id)) throw new TypeError('Not a journey id');
      await put(id, { status: 'in-progress', state: schema.parse(state) }, now);
    },
    markSent: async (id, reference, now) => {
      if (!isJourneyId(id)) throw new TypeError('Not a journey id');
      await put(id, { status: 'sent', reference }, now);
    },
    forget: async (id) => {
      if (!isJourneyId(id)) return;
      await client.send(new DeleteCommand({ TableName: tableName, Key: key(id) }));
    },
  };
};
