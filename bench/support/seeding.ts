import { BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Runs `task` for every index below `count`, `concurrency` at a time: how the benches store thousands of
 * cases quickly without opening thousands of connections to DynamoDB Local at once.
 */
export const inParallel = async (
  count: number,
  concurrency: number,
  task: (index: number) => Promise<unknown>,
): Promise<void> => {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

/** BatchWriteItem's limit on the items of one request. */
const batchSize = 25;

/**
 * Puts every item into `table`, 25 to a BatchWriteItem and `concurrency` batches at a time, sending again
 * whatever DynamoDB leaves unprocessed until nothing is.
 */
export const batchWriteAll = async (
  client: DynamoDBDocumentClient,
  table: string,
  items: readonly Record<string, unknown>[],
  concurrency: number,
): Promise<void> =>
  inParallel(Math.ceil(items.length / batchSize), concurrency, async (batch) => {
    let pending: Record<string, unknown>[] = items
      .slice(batch * batchSize, (batch + 1) * batchSize)
      .map((Item) => ({ PutRequest: { Item } }));
    while (pending.length > 0) {
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [table]: pending } }));
      pending = (result.UnprocessedItems?.[table] ?? []) as Record<string, unknown>[];
    }
  });
