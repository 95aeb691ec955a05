import {
  type AttributeDefinition,
  CreateTableCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { KeyAttribute, ServiceManifest, TableSpec } from '../../shared/manifest/define-service.ts';
import {
  bucketEnvName,
  deadLetterQueueName,
  localBucketName,
  localTableName,
  queueEnvName,
  tableEnvName,
} from '../../shared/manifest/names.ts';
import { type Emulators, localRegion } from './emulators.ts';

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

export const defaultMaxReceiveCount = 5;
export const defaultVisibilityTimeoutSeconds = 60;

const attributeDefinitions = (spec: TableSpec): AttributeDefinition[] => {
  const keys = new Map<string, KeyAttribute>();
  const add = (key: KeyAttribute | undefined) => {
    if (key) keys.set(key.name, key);
  };
  add(spec.partitionKey);
  add(spec.sortKey);
  for (const index of Object.values(spec.indexes ?? {})) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return [...keys.values()].map((key) => ({ AttributeName: key.name, AttributeType: key.type }));
};

const keySchema = (partitionKey: KeyAttribute, sortKey: KeyAttribute | undefined) => [
  { AttributeName: partitionKey.name, KeyType: 'HASH' as const },
  ...(sortKey ? [{ AttributeName: sortKey.name, KeyType: 'RANGE' as const }] : []),
];

const createTable = async (client: DynamoDBClient, name: string, spec: TableSpec): Promise<void> => {
  const indexes = Object.entries(spec.indexes ?? {});
  try {
    await client.send(
      new CreateTableCommand({
        TableName: name,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: attributeDefinitions(spec),
        KeySchema: keySchema(spec.partitionKey, spec.sortKey),
        ...(indexes.length > 0
          ? {
              GlobalSecondaryIndexes: indexes.map(([indexName, index]) => ({
                IndexName: indexName,
                KeySchema: keySchema(index.partitionKey, index.sortKey),
                Projection: { ProjectionType: 'ALL' },
              })),
            }
          : {}),
      }),
    );
    if (spec.timeToLiveAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: spec.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
};

const createQueueWithDeadLetter = async (
  client: SQSClient,
  name: string,
  visibilityTimeoutSeconds: number,
  maxReceiveCount: number,
): Promise<{ queueUrl: string; deadLetterQueueUrl: string }> => {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: deadLetterQueueName(name) }));
  const dlqAttributes = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeoutSeconds),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn,
          maxReceiveCount: String(maxReceiveCount),
        }),
      },
    }),
  );
  if (!queue.QueueUrl || !dlq.QueueUrl) throw new Error(`Queue ${name} was not created.`);
  return { queueUrl: queue.QueueUrl, deadLetterQueueUrl: dlq.QueueUrl };
};

/**
 * Creates every table, queue (with its dead-letter queue) and bucket the manifests declare, skipping
 * what already exists, and returns the environment that tells handlers their names.
 */
export const provision = async (
  emulators: Emulators,
  manifests: readonly ServiceManifest[],
  options: { visibilityTimeoutSeconds?: number } = {},
): Promise<Record<string, string>> => {
  const environment: Record<string, string> = {};
  const dynamo = new DynamoDBClient({
    endpoint: emulators.dynamoEndpoint,
    region: localRegion,
    credentials,
  });
  const sqs = new SQSClient({ endpoint: emulators.awsEndpoint, region: localRegion, credentials });
  const s3 = new S3Client({
    endpoint: emulators.awsEndpoint,
    region: localRegion,
    credentials,
    forcePathStyle: true,
  });
  try {
    for (const manifest of manifests) {
      for (const [table, spec] of Object.entries(manifest.tables)) {
        const name = localTableName(manifest.name, table);
        await createTable(dynamo, name, spec);
        environment[tableEnvName(manifest.name, table)] = name;
      }
      for (const [queue, spec] of Object.entries(manifest.queues)) {
        const { queueUrl, deadLetterQueueUrl } = await createQueueWithDeadLetter(
          sqs,
          queue,
          options.visibilityTimeoutSeconds ??
            spec.visibilityTimeoutSeconds ??
            defaultVisibilityTimeoutSeconds,
          spec.maxReceiveCount ?? defaultMaxReceiveCount,
        );
        environment[queueEnvName(queue)] = queueUrl;
        environment[queueEnvName(deadLetterQueueName(queue))] = deadLetterQueueUrl;
      }
      for (const bucket of Object.keys(manifest.buckets)) {
        const name = localBucketName(manifest.name, bucket);
        try {
          await s3.send(new CreateBucketCommand({ Bucket: name }));
        } catch (error) {
          const code = (error as { name?: string }).name;
          if (code !== 'BucketAlreadyOwnedByYou' && code !== 'BucketAlreadyExists') throw error;
        }
        environment[bucketEnvName(manifest.name, bucket)] = name;
      }
    }
  } finally {
    dynamo.destroy();
    sqs.destroy();
    s3.destroy();
  }
  return environment;
};
