import { type DynamoDBDocumentClient, paginatedBatchGet } from '@aws-sdk/lib-dynamodb';

/** BatchGetItem takes at most 100 keys a call. */
const keysPerCall = 100;

/** DynamoDB kept handing keys back unprocessed (it was throttling) after every call allowed. */
export class BatchGetIncompleteError extends Error {
  constructor(readonly unprocessed: number) {
    super(`${unprocessed} items could not be read; try again.`);
    this.name = 'BatchGetIncompleteError';
  }
}

export interface BatchGetOptions {
  readonly consistentRead?: boolean;
  /** Calls for each hundred keys before giving up on keys still unprocessed; defaults to 5. */
  readonly maxCalls?: number;
}

/**
 * The items stored under `keys` in one table, in no particular order, skipping keys that have none. A hundred
 * keys a call; the keys DynamoDB hands back unprocessed are asked for again by the SDK's `paginatedBatchGet`.
 * All or an error: a decision taken on part of what it needs would be wrong, and an endless retry would
 * hold the request.
 */
export const batchGetItems = async (
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: readonly Record<string, unknown>[],
  options: BatchGetOptions = {},
): Promise<Record<string, unknown>[]> => {
  const maxCalls = options.maxCalls ?? 5;
  const items: Record<string, unknown>[] = [];
  for (let start = 0; start < keys.length; start += keysPerCall) {
    const request = {
      Keys: keys.slice(start, start + keysPerCall),
      ...(options.consistentRead ? { ConsistentRead: true } : {}),
    };
    let calls = 0;
    for await (const page of paginatedBatchGet({ client }, { RequestItems: { [tableName]: request } })) {
      items.push(...(page.Responses?.[tableName] ?? []));
      calls += 1;
      const unprocessed = page.UnprocessedKeys?.[tableName]?.Keys?.length ?? 0;
      if (unprocessed > 0 && calls >= maxCalls) throw new BatchGetIncompleteError(unprocessed);
    }
  }
  return items;
};
