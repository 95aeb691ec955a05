import { randomUUID } from 'node:crypto';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const environment = useLocalEnvironment();
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
const { queryCount, queryItems } = await import('../../../shared/aws/query.ts');
const { auditTableEnvName } = await import('../../../shared/audit/dynamo-audit-log.ts');

const tableName = environment[auditTableEnvName] ?? '';

/** A partition of its own holding `count` items, `ITEM#0000` upwards. */
const partitionOf = async (count: number): Promise<string> => {
  const pk = `QUERY-TEST#${randomUUID()}`;
  const items = Array.from({ length: count }, (_, n) => ({
    pk,
    sk: `ITEM#${String(n).padStart(4, '0')}`,
    n,
  }));
  for (let start = 0; start < items.length; start += 25) {
    await dynamoDocumentClient().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
  return pk;
};

const inPartition = (pk: string, pageLimit?: number) => ({
  TableName: tableName,
  KeyConditionExpression: 'pk = :pk',
  ExpressionAttributeValues: { ':pk': pk },
  ConsistentRead: true,
  ...(pageLimit ? { Limit: pageLimit } : {}),
});

describe('Reading a Query to the end, page by page (DynamoDB Local)', () => {
  it('every item comes back, in order, when the answer spans many pages', async () => {
    const pk = await partitionOf(57);

    const items = await queryItems(dynamoDocumentClient(), inPartition(pk, 10));

    expect(items.map((item) => item.n)).toEqual(Array.from({ length: 57 }, (_, n) => n));
  });

  it('stops at the limit asked for, across pages, and never returns more', async () => {
    const pk = await partitionOf(40);

    const first = await queryItems(dynamoDocumentClient(), inPartition(pk, 7), 25);
    const fewerThanOnePage = await queryItems(dynamoDocumentClient(), inPartition(pk), 3);

    expect(first.map((item) => item.n)).toEqual(Array.from({ length: 25 }, (_, n) => n));
    expect(fewerThanOnePage.map((item) => item.n)).toEqual([0, 1, 2]);
  });

  it('a filter that leaves some pages empty still reads on to the limit', async () => {
    const pk = await partitionOf(30);

    const fromTwenty = await queryItems(
      dynamoDocumentClient(),
      {
        ...inPartition(pk, 4),
        FilterExpression: 'n >= :from',
        ExpressionAttributeValues: { ':pk': pk, ':from': 20 },
      },
      5,
    );

    expect(fromTwenty.map((item) => item.n)).toEqual([20, 21, 22, 23, 24]);
  });

  it('counts every match across pages without reading the items, and leaves the input as it was', async () => {
    const pk = await partitionOf(33);
    const input = inPartition(pk, 5);

    expect(await queryCount(dynamoDocumentClient(), input)).toBe(33);
    expect(await queryItems(dynamoDocumentClient(), input)).toHaveLength(33);
    expect(input).toEqual(inPartition(pk, 5));
  });
});
