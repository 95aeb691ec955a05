import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { services } from '../../services/index.ts';
import { queueEnvName, tableEnvName } from '../../shared/manifest/names.ts';
import { useLocalEnvironment } from '../support/use-local-environment.ts';

const environment = useLocalEnvironment();

describe('Local runtime provisioning from the manifests', () => {
  it('creates every table a manifest declares, with its indexes', async () => {
    const dynamo = new DynamoDBClient({});
    for (const manifest of services) {
      for (const [table, spec] of Object.entries(manifest.tables)) {
        const name = environment[tableEnvName(manifest.name, table)];
        const described = await dynamo.send(new DescribeTableCommand({ TableName: name }));
        expect(described.Table?.TableStatus).toBe('ACTIVE');
        expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort() ?? []).toEqual(
          Object.keys(spec.indexes ?? {}).sort(),
        );
      }
    }
  });

  it('gives every queue a dead-letter queue after five receives (ARCHITECTURE "Messages")', async () => {
    const sqs = new SQSClient({});
    for (const manifest of services) {
      for (const queue of Object.keys(manifest.queues)) {
        const attributes = await sqs.send(
          new GetQueueAttributesCommand({
            QueueUrl: environment[queueEnvName(queue)],
            AttributeNames: ['RedrivePolicy'],
          }),
        );
        const redrive = JSON.parse(attributes.Attributes?.RedrivePolicy ?? '{}');
        expect(redrive.deadLetterTargetArn).toMatch(new RegExp(`${queue}-dlq$`));
        expect(Number(redrive.maxReceiveCount)).toBe(5);
      }
    }
  });
});
