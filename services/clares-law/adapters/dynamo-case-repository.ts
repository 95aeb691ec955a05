import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { queryItems } from '../../../shared/aws/query.ts';
import type { HolidaySource } from '../../../shared/calendar/index.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { type OutboxWrite, outboxPut, relayOutbox } from '../../../shared/messaging/outbox.ts';
import type { MessagePublisher } from '../../../shared/messaging/publish.ts';
import { caseClocks, nextDueClock } from '../domain/clocks.ts';
import { ConcurrentChangeError } from '../domain/errors.ts';
import { monthOf } from '../domain/figures.ts';
import type { IdentityMatch } from '../domain/identity.ts';
import { type DvdsCase, DvdsCase as DvdsCaseSchema, PatternRole } from '../domain/model.ts';
import type {
  CaseListPage,
  CaseRepository,
  CreateOutcome,
  NewCaseWrite,
  OutgoingMessage,
} from '../domain/ports.ts';

/**
 * The cases table (one per service, pk/sk single-table design):
 *
 *   CASE#<id>        / CASE                 the case, with its version and the index attributes
 *   CASE#<id>        / ALERT#<key>          a clock alert already sent (the sweep sends each once)
 *   IDENTITY#<hmac>  / CASE#<id>#<role>     a person on a case, by keyed hash only (pattern flags)
 *   SUBMISSION#<key> / SUBMISSION           an online submission already made (one case per submission)
 *   OUTBOX           / <time>#<message id>  messages waiting to be sent (shared/messaging/outbox.ts)
 *
 * `byNextDue` holds open cases only (`openPk` is removed on closing): the case list and the sweep read it
 * soonest-first with Query. `byMonth` holds every case under the London month it started in.
 */

const casePk = (id: string): string => `CASE#${id}`;
const caseSk = 'CASE';
const openPartition = 'OPEN';
// Sorts after every ISO instant: open cases with no running clock (awaiting the disclosure) come last.
const noClockDue = '~';

export interface CaseRepositoryOptions {
  readonly holidays: HolidaySource;
  readonly publisher?: MessagePublisher;
}

const indexAttributes = (dvdsCase: DvdsCase, holidays: HolidaySource): Record<string, string> => {
  const next = nextDueClock(caseClocks(dvdsCase, holidays, new Date(dvdsCase.updatedAt)));
  return {
    monthPk: `MONTH#${monthOf(dvdsCase)}`,
    monthSk: dvdsCase.id,
    ...(dvdsCase.stage === 'closed'
      ? {}
      : {
          openPk: openPartition,
          nextDueSk: `${next ? next.dueAt.toISOString() : noClockDue}#${dvdsCase.id}`,
        }),
  };
};

/** The stored form of a case, with the attributes its indexes read. */
export const caseItem = (dvdsCase: DvdsCase, holidays: HolidaySource): Record<string, unknown> => ({
  pk: casePk(dvdsCase.id),
  sk: caseSk,
  version: dvdsCase.version,
  case: dvdsCase,
  ...indexAttributes(dvdsCase, holidays),
});

const parseCase = (item: Record<string, unknown> | undefined): DvdsCase | undefined =>
  item ? DvdsCaseSchema.parse(item.case) : undefined;

const cancelledBy = (error: unknown, index: number): boolean =>
  error instanceof TransactionCanceledException &&
  error.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';

const encodeCursor = (key: Record<string, unknown> | undefined): string | undefined =>
  key ? Buffer.from(JSON.stringify(key)).toString('base64url') : undefined;

const decodeCursor = (cursor: string | undefined): Record<string, unknown> | undefined => {
  if (!cursor) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      typeof parsed === 'object' &&
      parsed !== null &&
      Object.values(parsed).every((value) => typeof value === 'string' && value.length < 200)
    ) {
      return parsed as Record<string, unknown>;
    }
  } catch {
    // A cursor that does not decode starts the list from the top.
  }
  return undefined;
};

export const dynamoCaseRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  options: CaseRepositoryOptions,
): CaseRepository => {
  const outboxWrites = (messages: readonly OutgoingMessage[]): OutboxWrite[] =>
    messages.map(({ queue, message }) => outboxPut(tableName, AnyEnvelope.parse(message), queue));

  const relay = async (writes: readonly OutboxWrite[]): Promise<void> => {
    if (writes.length > 0) {
      await relayOutbox(writes, {
        dynamo: client,
        ...(options.publisher ? { publisher: options.publisher } : {}),
      });
    }
  };

  return {
    get: async (id) => {
      const result = await client.send(
        new GetCommand({ TableName: tableName, Key: { pk: casePk(id), sk: caseSk }, ConsistentRead: true }),
      );
      return parseCase(result.Item);
    },

    create: async (write: NewCaseWrite): Promise<CreateOutcome> => {
      const outbox = outboxWrites(write.messages);
      const submission = write.submissionKey
        ? [
            {
              Put: {
                TableName: tableName,
                Item: {
                  pk: `SUBMISSION#${write.submissionKey}`,
                  sk: 'SUBMISSION',
                  caseId: write.dvdsCase.id,
                },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ]
        : [];
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              ...submission,
              {
                Put: {
                  TableName: tableName,
                  Item: caseItem(write.dvdsCase, options.holidays),
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...write.identityKeys.map((key) => ({
                Put: {
                  TableName: tableName,
                  Item: {
                    pk: `IDENTITY#${key.key}`,
                    sk: `CASE#${write.dvdsCase.id}#${key.role}`,
                    caseId: write.dvdsCase.id,
                    role: key.role,
                  },
                },
              })),
              ...outbox,
            ],
          }),
        );
      } catch (error) {
        if (write.submissionKey && cancelledBy(error, 0)) {
          const existing = await client.send(
            new GetCommand({
              TableName: tableName,
              Key: { pk: `SUBMISSION#${write.submissionKey}`, sk: 'SUBMISSION' },
              ConsistentRead: true,
            }),
          );
          const existingCaseId = existing.Item?.caseId;
          if (typeof existingCaseId === 'string') return { created: false, existingCaseId };
        }
        throw error;
      }
      await relay(outbox);
      return { created: true };
    },

    save: async (next, expectedVersion, messages) => {
      const outbox = outboxWrites(messages);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: caseItem(next, options.holidays),
                  ConditionExpression: 'version = :expected',
                  ExpressionAttributeValues: { ':expected': expectedVersion },
                },
              },
              ...outbox,
            ],
          }),
        );
      } catch (error) {
        if (cancelledBy(error, 0)) throw new ConcurrentChangeError();
        throw error;
      }
      await relay(outbox);
    },

    findIdentityMatches: async (keys) => {
      const matches: IdentityMatch[] = [];
      for (const key of new Set(keys)) {
        const items = await queryItems(client, {
          TableName: tableName,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': `IDENTITY#${key}` },
        });
        for (const item of items) {
          const role = PatternRole.safeParse(item.role);
          if (role.success && typeof item.caseId === 'string')
            matches.push({ key, caseId: item.caseId, role: role.data });
        }
      }
      return matches;
    },

    listOpen: async (limit, cursor): Promise<CaseListPage> => {
      const startKey = decodeCursor(cursor);
      const page = await client.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: 'byNextDue',
          KeyConditionExpression: 'openPk = :open',
          ExpressionAttributeValues: { ':open': openPartition },
          Limit: limit,
          ...(startKey ? { ExclusiveStartKey: startKey } : {}),
        }),
      );
      const next = encodeCursor(page.LastEvaluatedKey);
      return {
        cases: (page.Items ?? []).map((item) => DvdsCaseSchema.parse(item.case)),
        ...(next ? { next } : {}),
      };
    },

    openDueBy: async (dueBy) => {
      const items = await queryItems(client, {
        TableName: tableName,
        IndexName: 'byNextDue',
        KeyConditionExpression: 'openPk = :open AND nextDueSk <= :bound',
        ExpressionAttributeValues: { ':open': openPartition, ':bound': `${dueBy.toISOString()}#~` },
      });
      return items.map((item) => DvdsCaseSchema.parse(item.case));
    },

    startedIn: async (month) => {
      const items = await queryItems(client, {
        TableName: tableName,
        IndexName: 'byMonth',
        KeyConditionExpression: 'monthPk = :month',
        ExpressionAttributeValues: { ':month': `MONTH#${month}` },
      });
      return items.map((item) => DvdsCaseSchema.parse(item.case));
    },

    recordAlertOnce: async (caseId, alertKey, messages, now) => {
      const outbox = outboxWrites(messages);
      try {
        await client.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: { pk: casePk(caseId), sk: `ALERT#${alertKey}`, sentAt: now.toISOString() },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              ...outbox,
            ],
          }),
        );
      } catch (error) {
        if (cancelledBy(error, 0)) return false;
        throw error;
      }
      await relay(outbox);
      return true;
    },
  };
};
