import { type DynamoDBDocumentClient, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { RateCounter } from './rate-limit.ts';

const Counted = z.object({ count: z.number() });

/**
 * Counts in the platform `sessions` table (partition key `pk`, TTL on `expiresAt`): one item per client,
 * service, rule and window, `rate#<service>#<client hash>#<rule>#<window start>`, deleted by TTL once the
 * window has passed. One atomic update per counted request.
 */
export const dynamoRateCounter = (client: DynamoDBDocumentClient, sessionsTable: string): RateCounter => ({
  add: async (key, weight, expiresAt) => {
    const result = await client.send(
      new UpdateCommand({
        TableName: sessionsTable,
        Key: { pk: `rate#${key}` },
        UpdateExpression: 'ADD #count :weight SET expiresAt = if_not_exists(expiresAt, :expiresAt)',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':weight': weight, ':expiresAt': expiresAt },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Counted.parse(result.Attributes).count;
  },
});
