import { randomUUID } from 'node:crypto';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Emulators } from '../../../infra/local/emulators.ts';
import { LocalRuntimeError } from '../../../infra/local/errors.ts';
import { provision } from '../../../infra/local/provision.ts';
import { defineService, type ServiceDefinition } from '../../../shared/manifest/define-service.ts';
import { localTableName, queueEnvName } from '../../../shared/manifest/names.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const environment = useLocalEnvironment();
const emulators: Emulators = {
  dynamoEndpoint: environment.AWS_ENDPOINT_URL_DYNAMODB ?? '',
  awsEndpoint: environment.AWS_ENDPOINT_URL_SQS ?? '',
  dynamoPid: undefined,
  stop: async () => {},
};
const dynamo = new DynamoDBClient({});
const sqs = new SQSClient({});

afterAll(() => {
  dynamo.destroy();
  sqs.destroy();
});

/** A service of its own per test, so tests sharing the emulators never see each other's tables and queues. */
const service = (name: string, definition: Omit<ServiceDefinition, 'name'>) =>
  defineService({ name, usesPlatform: [], ...definition });

const uniqueName = (): string => `provision-${randomUUID().slice(0, 8)}`;

describe('Local runtime provisioning: a restart with kept data meets a manifest that has moved on', () => {
  it('changes nothing and fails on nothing when run twice', async () => {
    const name = uniqueName();
    const manifest = service(name, {
      tables: { cases: { partitionKey: { name: 'pk', type: 'S' }, timeToLiveAttribute: 'expiresAt' } },
      queues: { [`${name}-work`]: {} },
      buckets: { files: {} },
    });

    const first = await provision(emulators, [manifest]);
    const second = await provision(emulators, [manifest]);

    expect(second).toEqual(first);
  });

  it('adds an index the manifest declared since the table was created', async () => {
    const name = uniqueName();
    const table = { partitionKey: { name: 'pk', type: 'S' } } as const;
    await provision(emulators, [service(name, { tables: { cases: table } })]);

    await provision(emulators, [
      service(name, {
        tables: {
          cases: { ...table, indexes: { byStatus: { partitionKey: { name: 'status', type: 'S' } } } },
        },
      }),
    ]);
    const described = await dynamo.send(
      new DescribeTableCommand({ TableName: localTableName(name, 'cases') }),
    );

    expect(described.Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byStatus']);
  });

  it('gives a kept queue the visibility timeout and receive count the manifest now says', async () => {
    const name = uniqueName();
    const queue = `${name}-work`;
    await provision(emulators, [service(name, { queues: { [queue]: { visibilityTimeoutSeconds: 30 } } })]);

    const provisioned = await provision(emulators, [
      service(name, { queues: { [queue]: { visibilityTimeoutSeconds: 45, maxReceiveCount: 3 } } }),
    ]);
    const attributes = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: provisioned[queueEnvName(queue)],
        AttributeNames: ['VisibilityTimeout', 'RedrivePolicy'],
      }),
    );

    expect(attributes.Attributes?.VisibilityTimeout).toBe('45');
    expect(JSON.parse(attributes.Attributes?.RedrivePolicy ?? '{}').maxReceiveCount).toBe('3');
  });

  it('stops with a one-line error naming the table when a kept table’s key has changed', async () => {
    const name = uniqueName();
    await provision(emulators, [
      service(name, { tables: { cases: { partitionKey: { name: 'pk', type: 'S' } } } }),
    ]);

    const changed = provision(emulators, [
      service(name, { tables: { cases: { partitionKey: { name: 'id', type: 'S' } } } }),
    ]);

    await expect(changed).rejects.toThrow(LocalRuntimeError);
    await expect(changed).rejects.toThrow(`table ${localTableName(name, 'cases')}`);
  });

  it('hands out queue URLs on the endpoint in use, not the one a queue was first created under', async () => {
    const name = uniqueName();
    const queue = `${name}-work`;
    const manifest = service(name, { queues: { [queue]: {} } });
    await provision(emulators, [manifest]);
    const sameServerOtherAddress = emulators.awsEndpoint.replace('127.0.0.1', 'localhost');

    const provisioned = await provision({ ...emulators, awsEndpoint: sameServerOtherAddress }, [manifest]);

    expect(provisioned[queueEnvName(queue)]).toBe(`${sameServerOtherAddress}/000000000000/${queue}`);
  });
});
