/**
 * The one place resource names and the environment variables that carry them are derived, so CDK,
 * the local runtime and the handlers agree without anything being written twice.
 */
const envPart = (value: string): string => value.replace(/[^A-Za-z0-9]+/g, '_').toUpperCase();

export const tableEnvName = (service: string, table: string): string =>
  `TABLE_${envPart(service)}_${envPart(table)}`;

export const queueEnvName = (queue: string): string => `QUEUE_URL_${envPart(queue)}`;

export const bucketEnvName = (service: string, bucket: string): string =>
  `BUCKET_${envPart(service)}_${envPart(bucket)}`;

/** Physical names used by the local runtime (CDK lets CloudFormation name things). */
export const localTableName = (service: string, table: string): string => `${service}-${table}`;
export const localBucketName = (service: string, bucket: string): string => `${service}-${bucket}`;
export const deadLetterQueueName = (queue: string): string => `${queue}-dlq`;

export const handlerEntry = (service: string, handler: string): string =>
  `services/${service}/handlers/${handler}.ts`;
