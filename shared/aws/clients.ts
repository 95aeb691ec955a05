import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * One client of each kind per process, created on first use (Lambda reuses them across invocations).
 * Endpoints come from the standard AWS_ENDPOINT_URL_* variables, so the same code talks to AWS or to the
 * local emulators.
 */
let dynamo: DynamoDBDocumentClient | undefined;
let sqs: SQSClient | undefined;
let s3: S3Client | undefined;

export const dynamoDocumentClient = (): DynamoDBDocumentClient => {
  dynamo ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return dynamo;
};

export const sqsClient = (): SQSClient => {
  sqs ??= new SQSClient({});
  return sqs;
};

export const s3Client = (): S3Client => {
  s3 ??= new S3Client({ forcePathStyle: Boolean(process.env.AWS_ENDPOINT_URL_S3) });
  return s3;
};
