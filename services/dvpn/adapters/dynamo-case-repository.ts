import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { queryCount, queryItems } from '../../../shared/aws/query.ts';
import { outboxPut } from '../../../shared/messaging/outbox.ts';
import { ConcurrentChangeError } from '../domain/errors.ts';
import { type FigureEvent, figureKinds, type Month, monthOf } from '../domain/figures.ts';
import { CaseStatus, DvpnCase } from '../domain/model.ts';
import type { CaseRepository, CaseSummary, CaseWrite, ListOptions } from '../domain/ports.ts';
import { sortInstantOf, summaryOf } from '../domain/summary.ts';

/**
 * One table, three kinds of item under `pk`/`sk`:
 * - `CASE#<id>` / `CASE`: the whole case, with the version every write is conditional on;
 * - `CASE#<id>` / `SUMMARY`: the few fields lists need, carrying the `byStatus` index keys, so the
 *   dashboard reads small items and never the personal details;
 * - `FIGURES#<month>` / `<at>#<case>#<kind>`: the countable facts, one partition per London month.
 * Outbox items (`OUTBOX`) are written in the same transaction as the change that causes them.
 */
export const statusIndex = 'byStatus';

const caseKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'CASE' });
const summaryKey = (id: string) => ({ pk: `CASE#${id}`, sk: 'SUMMARY' });
const figuresPartition = (month: Month) => `FIGURES#${month}`;
const statusPartition = (status: CaseStatus) => `STATUS#${status}`;

const StoredCase = z.object({ version: z.number().int(), case: DvpnCase });

const StoredSummary = z.object({
  summary: z.object({
    id: z.string(),
    reference: z.string(),
    status: CaseStatus,
    packId: z.enum(['dvpn', 'dapn']),
    unit: z.string(),
    draftedBy: z.object({ collarNumber: z.string(), displayName: z.string() }),
    draftedAt: z.string(),
    submittedAt: z.string().optional(),
    authorisedAt: z.string().optional(),
    servedAt: z.string().optional(),
    hearingDueBy: z.string().optional(),
    adjournedTo: z.string().optional(),
    orderExpiresAt: z.string().nullable().optional(),
    noticeStatus: z.enum(['pending', 'ready', 'failed']).optional(),
    applicationPrepared: z.boolean(),
    warningsSent: z.array(z.string()),
    updatedAt: z.string(),
  }),
});

const StoredFigure = z.object({
  kind: z.enum(figureKinds),
  at: z.string(),
  caseId: z.string(),
  durationMs: z.number().optional(),
});

const isConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

export const dynamoCaseRepository = (client: DynamoDBDocumentClient, tableName: string): CaseRepository => {
  const statusQuery = (status: CaseStatus, options: Omit<ListOptions, 'limit'>): QueryCommandInput => {
    const { sortAtOrBefore: before, sortAtOrAfter: after, unit } = options;
    const range =
      before !== undefined && after !== undefined
        ? ' AND gsi1sk BETWEEN :after AND :before'
        : before !== undefined
          ? ' AND gsi1sk <= :before'
          : after !== undefined
            ? ' AND gsi1sk >= :after'
            : '';
    return {
      TableName: tableName,
      IndexName: statusIndex,
      KeyConditionExpression: `gsi1pk = :status${range}`,
      ...(unit === undefined
        ? {}
        : {
            FilterExpression: '#summary.#unit = :unit',
            ExpressionAttributeNames: { '#summary': 'summary', '#unit': 'unit' },
          }),
      ExpressionAttributeValues: {
        ':status': statusPartition(status),
        // The sort key is `<instant>#<id>`: these bounds take every id at the bounding instant.
        ...(before === undefined ? {} : { ':before': `${before}#\uffff` }),
        ...(after === undefined ? {} : { ':after': after }),
        ...(unit === undefined ? {} : { ':unit': unit }),
      },
    };
  };

  const queryAll = async <T>(
    input: QueryCommandInput,
    parse: (item: Record<string, unknown>) => T,
    limit = Number.POSITIVE_INFINITY,
  ): Promise<T[]> => (await queryItems(client, input, limit)).map(parse);

  return {
    get: async (id) => {
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: caseKey(id), ConsistentRead: true }),
      );
      return result.Item ? StoredCase.parse(result.Item).case : null;
    },

    write: async (change: CaseWrite) => {
      const { next } = change;
      const summary = summaryOf(next);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { ...caseKey(next.id), version: next.version, case: next },
                  ...(change.expectedVersion === null
                    ? { ConditionExpression: 'attribute_not_exists(pk)' }
                    : {
                        ConditionExpression: 'version = :expected',
                        ExpressionAttributeValues: { ':expected': change.expectedVersion },
                      }),
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: {
                    ...summaryKey(next.id),
                    gsi1pk: statusPartition(next.status),
                    gsi1sk: `${sortInstantOf(summary)}#${next.id}`,
                    summary,
                  },
                },
              },
              ...change.figures.map((figure) => ({
                Put: {
                  TableName: tableName,
                  Item: {
                    pk: figuresPartition(monthOf(figure.at)),
                    sk: `${figure.at}#${figure.caseId}#${figure.kind}`,
                    ...figure,
                  },
                },
              })),
              ...change.messages.map(({ queue, message }) => outboxPut(tableName, message, queue)),
            ],
          }),
        );
      } catch (error) {
        if (isConditionFailure(error)) throw new ConcurrentChangeError();
        throw error;
      }
    },

    listByStatus: (status, options: ListOptions = {}) =>
      queryAll<CaseSummary>(
        statusQuery(status, options),
        (item) => StoredSummary.parse(item).summary as CaseSummary,
        options.limit,
      ),

    countByStatus: (status, options = {}) => queryCount(client, statusQuery(status, options)),

    figureEvents: (month) =>
      queryAll<FigureEvent>(
        {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': figuresPartition(month) },
        },
        (item) => StoredFigure.parse(item),
      ),
  };
};
