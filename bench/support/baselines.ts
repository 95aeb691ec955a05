import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { distributionOf, timeRepeatedly } from '../stats.ts';
import type { Measurement } from '../types.ts';
import type { LocalClients } from './local-clients.ts';

/**
 * A plain PutItem of an item of `bytes` into a partition of the bench's own (`BENCH#PUT`) in a table keyed
 * `pk`/`sk`: the obvious alternative to a handler that stores one record, to divide by.
 */
export const timePlainPut = async (
  clients: LocalClients,
  table: string,
  runs: number,
  bytes = 1024,
): Promise<number[]> => {
  const payload = 'x'.repeat(bytes);
  const put = (run: number) =>
    clients.dynamo.send(
      new PutCommand({ TableName: table, Item: { pk: 'BENCH#PUT', sk: `ITEM#${run}`, payload } }),
    );
  await timeRepeatedly(Math.min(20, runs), (run) => put(-1 - run));
  return timeRepeatedly(runs, put);
};

/** `timePlainPut` as a section's baseline row, named for the table written to (`tableName`: cases, reports). */
export const plainPutBaseline = async (
  clients: LocalClients,
  table: string,
  tableName: string,
  runs: number,
): Promise<Measurement> =>
  distributionOf(
    `a plain PutItem of a 1 KB item in the ${tableName} table (baseline)`,
    'ms',
    await timePlainPut(clients, table, runs),
  );
