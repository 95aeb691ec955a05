import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoDocumentClient } from '../aws/clients.ts';
import { readConfig, required } from '../config/env.ts';
import { tableEnvName } from '../manifest/names.ts';
import { revokedSessionKey, type SessionRevocations } from './session-revocations.ts';

/** The platform sessions table's variable; every service with staff routes lists `sessions` in `usesPlatform`. */
export const sessionsTableEnv = tableEnvName('platform', 'sessions');

const itemKey = (token: string) => ({ pk: `revoked-session#${revokedSessionKey(token)}` });

/**
 * Revoked sessions in the platform `sessions` table: `revoked-session#<SHA-256 of the token>`, with TTL
 * (`expiresAt`) at the token's own expiry, after which the token is refused anyway. A check is one strongly
 * consistent GetItem of the key alone, so a token replayed straight after sign-out is already refused.
 */
export const dynamoSessionRevocations = (
  client: DynamoDBDocumentClient,
  tableName: string,
): SessionRevocations => ({
  revoke: async (token, expiresAt) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { ...itemKey(token), expiresAt: Math.ceil(expiresAt.getTime() / 1000) },
      }),
    );
  },
  isRevoked: async (token) => {
    const result = await client.send(
      new GetCommand({
        TableName: tableName,
        Key: itemKey(token),
        ConsistentRead: true,
        ProjectionExpression: 'pk',
      }),
    );
    return result.Item !== undefined;
  },
});

let shared: SessionRevocations | undefined;

/**
 * The process's revocations, on the table named by TABLE_PLATFORM_SESSIONS. Called when a staff handler is
 * built, so a missing variable fails the cold start, naming it.
 */
export const sessionRevocationsFromEnvironment = (): SessionRevocations => {
  if (!shared) {
    const config = readConfig({ [sessionsTableEnv]: required() });
    shared = dynamoSessionRevocations(dynamoDocumentClient(), config[sessionsTableEnv] as string);
  }
  return shared;
};
