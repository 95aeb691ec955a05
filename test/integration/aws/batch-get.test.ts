import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { type BatchGetCommandOutput, BatchWriteCommand, DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const environment = useLocalEnvironment();
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
const { BatchGetIncompleteError, batchGetItems } = await import('../../../shared/aws/batch-get.ts');
const { auditTableEnvName } = await import('../../../shared/audit/dynamo-audit-log.ts');

const tableName = environment[auditTableEnvName] ?? '';

/** `count` items of a partition of their own, and the keys of those and of `missing` more that have none. */
const stored = async (count: number, missing = 0) => {
  const pk = `BATCH-GET-TEST#${randomUUID()}`;
  const keyOf = (n: number) => ({ pk, sk: `ITEM#${String(n).padStart(4, '0')}` });
  const items = Array.from({ length: count }, (_, n) => ({ ...keyOf(n), n }));
  for (let start = 0; start < items.length; start += 25) {
    await dynamoDocumentClient().send(
      new BatchWriteCommand({
        RequestItems: {
          [tableName]: items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })),
        },
      }),
    );
  }
  return { keys: Array.from({ length: count + missing }, (_, n) => keyOf(n)) };
};

/**
 * A client of the real local DynamoDB whose BatchGet answers hand back the last `held` keys of each call
 * unprocessed, as DynamoDB does when it throttles part of a batch; `calls` counts the calls.
 */
const throttlingClient = (held: (call: number) => number) => {
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
  let calls = 0;
  client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      const input = args.input as { RequestItems?: Record<string, { Keys: Record<string, unknown>[] }> };
      const request = input.RequestItems?.[tableName];
      if (!request) return result;
      calls += 1;
      const hold = Math.min(held(calls), request.Keys.length);
      if (hold === 0) return result;
      const heldKeys = request.Keys.slice(-hold);
      const isHeld = (item: Record<string, unknown>) => heldKeys.some((key) => key.sk === item.sk);
      const output = result.output as BatchGetCommandOutput;
      output.Responses = {
        [tableName]: (output.Responses?.[tableName] ?? []).filter((item) => !isHeld(item)),
      };
      output.UnprocessedKeys = { [tableName]: { ...request, Keys: heldKeys } };
      return result;
    },
    { step: 'initialize' },
  );
  return { client, calls: () => calls };
};

describe('Reading items by key, a hundred keys a call (DynamoDB Local)', () => {
  it('every stored item comes back, across three calls, and keys with no item are skipped', async () => {
    const { keys } = await stored(230, 20);

    const items = await batchGetItems(dynamoDocumentClient(), tableName, keys, { consistentRead: true });

    expect(items.map((item) => item.n).sort((a, b) => Number(a) - Number(b))).toEqual(
      Array.from({ length: 230 }, (_, n) => n),
    );
  });

  it('keys DynamoDB hands back unprocessed are asked for again until every item is read', async () => {
    const { keys } = await stored(40);
    const throttled = throttlingClient((call) => (call <= 2 ? 15 : 0));

    const items = await batchGetItems(throttled.client, tableName, keys);

    expect(items).toHaveLength(40);
    expect(throttled.calls()).toBe(3);
  });

  it('keys still unprocessed after the calls allowed are an error, never a partial answer', async () => {
    const { keys } = await stored(10);
    const throttled = throttlingClient(() => 3);

    await expect(batchGetItems(throttled.client, tableName, keys, { maxCalls: 4 })).rejects.toThrow(
      BatchGetIncompleteError,
    );
    expect(throttled.calls()).toBe(4);
  });
});
