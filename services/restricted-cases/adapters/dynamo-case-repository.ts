import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  type QueryCommandInput,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { queryItems } from '../../../shared/aws/query.ts';
import { type OutboxWrite, outboxPut, relayOutbox } from '../../../shared/messaging/outbox.ts';
import type { MessagePublisher } from '../../../shared/messaging/publish.ts';
import { ConcurrentChangeError } from '../domain/errors.ts';
import {
  AccessListMember,
  type CaseFile,
  Conflict,
  Grant,
  RestrictedCase,
  WorkplaceIncident,
} from '../domain/model.ts';
import type { CaseRepository, Outgoing } from '../domain/ports.ts';
import { normaliseCrimeNumber } from '../domain/search.ts';

/**
 * The service's own table (its own KMS key). One partition per case, `CASE#<id>`, holding:
 * - `CASE`: the record, with the version every write is conditional on, and the keys of the `byStage`,
 *   `byCrimeNumber` and `bySuspect` indexes;
 * - `MEMBER#<role>#<collar>`: the access list, keyed for `byMember` ("my cases");
 * - `CONFLICT#<collar>`: people barred from the case;
 * - `GRANT#<id>`: safeguarding access, keyed for `byGrantQueue` while it waits for PSD;
 * - `INCIDENT#<at>#<id>`: a staff victim's workplace incident log.
 * A save writes only what changed, all in one transaction with the outbox items it causes.
 */
export const indexNames = {
  byStage: 'byStage',
  byCrimeNumber: 'byCrimeNumber',
  bySuspect: 'bySuspect',
  byMember: 'byMember',
  byGrantQueue: 'byGrantQueue',
} as const;

const casePartition = (id: string) => `CASE#${id}`;
const stagePartition = (state: 'open' | 'closed') => `CASES#${state}`;
const grantQueuePartition = 'GRANTS#waiting';

type Item = Record<string, unknown> & { pk: string; sk: string };

const caseItem = (theCase: RestrictedCase): Item => ({
  pk: casePartition(theCase.id),
  sk: 'CASE',
  version: theCase.version,
  record: theCase,
  stageKey: stagePartition(theCase.stage === 'closed' ? 'closed' : 'open'),
  stageSort: `${theCase.createdAt}#${theCase.id}`,
  ...(theCase.references.crimeNumber
    ? { crimeKey: `CRIME#${normaliseCrimeNumber(theCase.references.crimeNumber)}` }
    : {}),
  ...(theCase.suspect ? { suspectKey: `SUSPECT#${theCase.suspect.collarNumber}` } : {}),
});

const waitsForPsd = (grant: Grant): boolean =>
  (grant.kind === 'safeguarding-request' && grant.status === 'pending') ||
  (grant.kind === 'break-glass' && grant.review === undefined);

export const itemsOf = (file: CaseFile): Map<string, Item> => {
  const id = file.case.id;
  const items: Item[] = [
    caseItem(file.case),
    ...file.members.map((member) => ({
      pk: casePartition(id),
      sk: `MEMBER#${member.role}#${member.collarNumber}`,
      record: member,
      memberKey: `MEMBER#${member.collarNumber}`,
      memberSort: id,
    })),
    ...file.conflicts.map((conflict) => ({
      pk: casePartition(id),
      sk: `CONFLICT#${conflict.collarNumber}`,
      record: conflict,
    })),
    ...file.grants.map((grant) => ({
      pk: casePartition(id),
      sk: `GRANT#${grant.id}`,
      record: grant,
      caseId: id,
      ...(waitsForPsd(grant)
        ? { queueKey: grantQueuePartition, queueSort: `${grant.requestedAt}#${grant.id}` }
        : {}),
    })),
    ...file.incidents.map((incident) => ({
      pk: casePartition(id),
      sk: `INCIDENT#${incident.occurredAt}#${incident.id}`,
      record: incident,
    })),
  ];
  return new Map(items.map((item) => [item.sk, item]));
};

const fileFrom = (items: readonly Record<string, unknown>[]): CaseFile | undefined => {
  const head = items.find((item) => item.sk === 'CASE');
  if (!head) return undefined;
  const recordsOf = <T>(prefix: string, schema: z.ZodType<T>): T[] =>
    items.filter((item) => String(item.sk).startsWith(prefix)).map((item) => schema.parse(item.record));
  return {
    case: RestrictedCase.parse(head.record),
    members: recordsOf('MEMBER#', AccessListMember),
    conflicts: recordsOf('CONFLICT#', Conflict),
    grants: recordsOf('GRANT#', Grant),
    incidents: recordsOf('INCIDENT#', WorkplaceIncident),
  };
};

const isConditionFailure = (error: unknown): boolean =>
  error instanceof TransactionCanceledException &&
  (error.CancellationReasons ?? []).some((reason) => reason.Code === 'ConditionalCheckFailed');

const sameItem = (a: Item, b: Item): boolean => JSON.stringify(a) === JSON.stringify(b);

export interface CaseRepositoryOptions {
  /** Publisher for the outbox relay; SQS unless told. */
  readonly publisher?: MessagePublisher;
}

export const dynamoCaseRepository = (
  client: DynamoDBDocumentClient,
  tableName: string,
  options: CaseRepositoryOptions = {},
): CaseRepository => {
  const queryAll = (input: Omit<QueryCommandInput, 'TableName'>, limit = Number.POSITIVE_INFINITY) =>
    queryItems(client, { TableName: tableName, ...input }, limit);

  const outboxOf = (messages: readonly Outgoing[]): OutboxWrite[] =>
    messages.map((outgoing) => outboxPut(tableName, outgoing.message, outgoing.queue));

  const commit = async (transactItems: object[], outbox: OutboxWrite[]) => {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: [...transactItems, ...outbox] as never }));
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError();
      throw error;
    }
    if (outbox.length > 0)
      await relayOutbox(
        outbox,
        options.publisher ? { publisher: options.publisher, dynamo: client } : { dynamo: client },
      );
  };

  const idsFrom = async (indexName: string, keyName: string, key: string): Promise<string[]> => {
    const items = await queryAll(
      {
        IndexName: indexName,
        KeyConditionExpression: '#key = :key',
        ExpressionAttributeNames: { '#key': keyName },
        ExpressionAttributeValues: { ':key': key },
      },
      200,
    );
    return [...new Set(items.map((item) => String(item.pk).replace(/^CASE#/, '')))];
  };

  return {
    load: async (caseId) =>
      fileFrom(
        await queryAll({
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': casePartition(caseId) },
          ConsistentRead: true,
        }),
      ),

    create: async (file, messages) => {
      const items = [...itemsOf(file).values()];
      await commit(
        items.map((item) => ({
          Put: {
            TableName: tableName,
            Item: item,
            ...(item.sk === 'CASE' ? { ConditionExpression: 'attribute_not_exists(pk)' } : {}),
          },
        })),
        outboxOf(messages),
      );
    },

    save: async (previous, next, messages) => {
      const before = itemsOf(previous);
      const after = itemsOf(next);
      const writes: object[] = [];
      for (const [sk, item] of after) {
        const old = before.get(sk);
        if (sk === 'CASE') {
          writes.push({
            Put: {
              TableName: tableName,
              Item: item,
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': previous.case.version },
            },
          });
        } else if (!old || !sameItem(old, item)) {
          writes.push({ Put: { TableName: tableName, Item: item } });
        }
      }
      for (const [sk, item] of before) {
        if (!after.has(sk)) writes.push({ Delete: { TableName: tableName, Key: { pk: item.pk, sk } } });
      }
      await commit(writes, outboxOf(messages));
    },

    idsByCrimeNumber: (crimeNumber) =>
      idsFrom(indexNames.byCrimeNumber, 'crimeKey', `CRIME#${normaliseCrimeNumber(crimeNumber)}`),
    idsBySuspect: (collarNumber) => idsFrom(indexNames.bySuspect, 'suspectKey', `SUSPECT#${collarNumber}`),
    idsByMember: (collarNumber) => idsFrom(indexNames.byMember, 'memberKey', `MEMBER#${collarNumber}`),

    listCases: async (state, limit) => {
      const items = await queryAll(
        {
          IndexName: indexNames.byStage,
          KeyConditionExpression: 'stageKey = :key',
          ExpressionAttributeValues: { ':key': stagePartition(state) },
          ScanIndexForward: false,
          Limit: limit,
        },
        limit,
      );
      return items.map((item) => RestrictedCase.parse(item.record));
    },

    grantsAwaitingAction: async () => {
      const items = await queryAll(
        {
          IndexName: indexNames.byGrantQueue,
          KeyConditionExpression: 'queueKey = :key',
          ExpressionAttributeValues: { ':key': grantQueuePartition },
        },
        200,
      );
      return items.map((item) => ({
        caseId: z.string().parse(item.caseId),
        grant: Grant.parse(item.record),
      }));
    },
  };
};
