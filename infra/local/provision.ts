import {
  type AttributeDefinition,
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  type KeySchemaElement,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  SetQueueAttributesCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
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
import { LocalRuntimeError } from './errors.ts';

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

const sameKeys = (
  existing: readonly KeySchemaElement[] | undefined,
  wanted: readonly KeySchemaElement[],
): boolean =>
  existing?.length === wanted.length &&
  wanted.every(
    (key, i) => existing[i]?.AttributeName === key.AttributeName && existing[i]?.KeyType === key.KeyType,
  );

/**
 * A table kept from an earlier start may predate the manifest: indexes added since are created; a changed key
 * cannot be, and says so (the data would have to go).
 */
const reconcileTable = async (client: DynamoDBClient, name: string, spec: TableSpec): Promise<void> => {
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: name }));
  if (!sameKeys(table?.KeySchema, keySchema(spec.partitionKey, spec.sortKey))) {
    throw new LocalRuntimeError(
      `The key of table ${name} has changed since its data was stored: delete .local/ to start afresh.`,
    );
  }
  const present = new Set(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName));
  for (const [indexName, index] of Object.entries(spec.indexes ?? {})) {
    if (present.has(indexName)) continue;
    await client.send(
      new UpdateTableCommand({
        TableName: name,
        AttributeDefinitions: attributeDefinitions(spec),
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: indexName,
              KeySchema: keySchema(index.partitionKey, index.sortKey),
              Projection: { ProjectionType: 'ALL' },
            },
          },
        ],
      }),
    );
  }
};

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
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
    await reconcileTable(client, name, spec);
  }
  if (spec.timeToLiveAttribute) {
    const current = await client.send(new DescribeTimeToLiveCommand({ TableName: name }));
    if (current.TimeToLiveDescription?.AttributeName !== spec.timeToLiveAttribute) {
      await client.send(
        new UpdateTimeToLiveCommand({
          TableName: name,
          TimeToLiveSpecification: { AttributeName: spec.timeToLiveAttribute, Enabled: true },
        }),
      );
    }
  }
};

/** The JSON protocol reports the code with its namespace (`AWS.SimpleQueueService.QueueNameExists`). */
const isQueueNameConflict = (error: unknown): boolean =>
  /(^|\.)(QueueNameExists|QueueAlreadyExists)$/.test((error as { name?: string }).name ?? '');

/**
 * The emulator keeps the address a queue was first created under; a queue kept from a start on another port
 * would carry the old one. fauxqs finds a queue by the path alone, so the current endpoint is always right.
 */
const onEndpoint = (endpoint: string, queueUrl: string): string =>
  queueUrl.replace(/^https?:\/\/[^/]+/, endpoint);

const ensureQueue = async (
  client: SQSClient,
  endpoint: string,
  name: string,
  attributes?: Record<string, string>,
): Promise<string> => {
  let queueUrl: string | undefined;
  try {
    queueUrl = (await client.send(new CreateQueueCommand({ QueueName: name, Attributes: attributes })))
      .QueueUrl;
  } catch (error) {
    if (!attributes || !isQueueNameConflict(error)) throw error;
    // The manifest changed a queue kept from an earlier start: bring the queue in line with the manifest.
    queueUrl = (await client.send(new GetQueueUrlCommand({ QueueName: name }))).QueueUrl;
    await client.send(new SetQueueAttributesCommand({ QueueUrl: queueUrl, Attributes: attributes }));
  }
  if (!queueUrl) throw new Error(`Queue ${name} was not created.`);
  return onEndpoint(endpoint, queueUrl);
};

const createQueueWithDeadLetter = async (
  client: SQSClient,
  endpoint: string,
  name: string,
  visibilityTimeoutSeconds: number,
  maxReceiveCount: number,
): Promise<{ queueUrl: string; deadLetterQueueUrl: string }> => {
  const deadLetterQueueUrl = await ensureQueue(client, endpoint, deadLetterQueueName(name));
  const dlqAttributes = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: deadLetterQueueUrl, AttributeNames: ['QueueArn'] }),
  );
  const queueUrl = await ensureQueue(client, endpoint, name, {
    VisibilityTimeout: String(visibilityTimeoutSeconds),
    RedrivePolicy: JSON.stringify({
      deadLetterTargetArn: dlqAttributes.Attributes?.QueueArn,
      maxReceiveCount: String(maxReceiveCount),
    }),
  });
  return { queueUrl, deadLetterQueueUrl };
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
          emulators.awsEndpoint,
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
