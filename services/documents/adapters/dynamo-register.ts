import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { DocumentId, DocumentReply, DocumentType } from '../../../shared/contracts/documents.ts';
import type { IssuedDocument } from '../domain/issued-document.ts';
import type { DocumentRegister, RequestClaim } from '../domain/ports.ts';

/** Index of the register by the SHA-256 of the signed bytes: finds a file's record from the file alone. */
export const bySha256Index = 'bySha256';

const StoredDocument = z.object({
  documentId: DocumentId,
  documentType: DocumentType,
  requestingService: z.string(),
  caseId: z.string(),
  requestId: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  certificateFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  createdAt: z.string(),
  pageCount: z.number().int(),
  byteLength: z.number().int(),
  storageVersionId: z.string().optional(),
  revoked: z.object({ at: z.string(), reason: z.string(), byCollarNumber: z.string() }).optional(),
});

const StoredClaim = z.object({
  documentId: DocumentId,
  createdAt: z.string(),
  reply: DocumentReply.optional(),
});

const requestKey = (key: { requestingService: string; requestId: string }): string =>
  `REQUEST#${key.requestingService}#${key.requestId}`;

const documentKey = (documentId: string): string => `DOCUMENT#${documentId}`;

const toDocument = (item: Record<string, unknown> | undefined): IssuedDocument | undefined => {
  if (!item) return undefined;
  const { pk: _pk, ...fields } = item;
  return StoredDocument.parse(fields);
};

/**
 * The register on DynamoDB (one table, key `pk`): `DOCUMENT#<id>` items for issued documents and
 * `REQUEST#<service>#<request id>` items that make requests idempotent.
 */
export const dynamoDocumentRegister = (
  client: DynamoDBDocumentClient,
  tableName: string,
): DocumentRegister => ({
  claimRequest: async (key, proposed): Promise<RequestClaim> => {
    try {
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { pk: requestKey(key), ...proposed },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return proposed;
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
    const existing = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: requestKey(key) }, ConsistentRead: true }),
    );
    const claim = StoredClaim.parse(existing.Item);
    return claim.reply
      ? { ...claim, reply: claim.reply }
      : { documentId: claim.documentId, createdAt: claim.createdAt };
  },

  completeRequest: async (key, reply) => {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: requestKey(key) },
        UpdateExpression: 'SET reply = :reply',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':reply': reply },
      }),
    );
  },

  recordIssued: async (document) => {
    await client.send(
      new PutCommand({
        TableName: tableName,
        Item: { pk: documentKey(document.documentId), ...document },
        // A retry of the same request may record again; nothing may overwrite another request's document.
        ConditionExpression: 'attribute_not_exists(pk) OR requestId = :requestId',
        ExpressionAttributeValues: { ':requestId': document.requestId },
      }),
    );
  },

  findById: async (documentId) => {
    const result = await client.send(
      new GetCommand({ TableName: tableName, Key: { pk: documentKey(documentId) } }),
    );
    return toDocument(result.Item);
  },

  findBySha256: async (sha256) => {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: bySha256Index,
        KeyConditionExpression: 'sha256 = :sha256',
        ExpressionAttributeValues: { ':sha256': sha256 },
        Limit: 1,
      }),
    );
    return toDocument(result.Items?.[0]);
  },

  revoke: async (documentId, revocation) => {
    await client.send(
      new UpdateCommand({
        TableName: tableName,
        Key: { pk: documentKey(documentId) },
        UpdateExpression: 'SET revoked = :revoked',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':revoked': revocation },
      }),
    );
  },
});
