import { type DynamoDBDocumentClient, paginateQuery, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';

/**
 * The items a Query matches, read page after page with the SDK's paginator (DynamoDB ends a page at 1 MB,
 * or at the input's `Limit`), stopping once `limit` items are in hand. With a `limit` and no `Limit` of its
 * own, each page asks for no more than `limit`; a filter may leave fewer, and the next page is read.
 */
export const queryItems = async (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
  limit = Number.POSITIVE_INFINITY,
): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  const pageSize = Number.isFinite(limit) ? { pageSize: Math.max(limit, 1) } : {};
  // The paginator writes each page's start key into the input it is given, so it gets a copy.
  for await (const page of paginateQuery({ client, ...pageSize }, { ...input })) {
    items.push(...(page.Items ?? []));
    if (items.length >= limit) return items.slice(0, limit);
  }
  return items;
};

/** How many items a Query matches, counted page by page without reading them out. */
export const queryCount = async (
  client: DynamoDBDocumentClient,
  input: QueryCommandInput,
): Promise<number> => {
  let count = 0;
  for await (const page of paginateQuery({ client }, { ...input, Select: 'COUNT' })) count += page.Count ?? 0;
  return count;
};
