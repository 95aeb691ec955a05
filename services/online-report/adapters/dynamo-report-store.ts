import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { batchGetItems } from '../../../shared/aws/batch-get.ts';
import { queryItems } from '../../../shared/aws/query.ts';
import type { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { type OutboxWrite, outboxPut } from '../../../shared/messaging/outbox.ts';
import { DispatchRequested, domesticAbuseQueue } from '../contracts.ts';
import { ConcurrentChangeError, RecordNotFoundError } from '../domain/errors.ts';
import type { IdentityKind } from '../domain/identity.ts';
import { IncidentLog } from '../domain/incident-log.ts';
import type { MatchDecision, MatchView } from '../domain/patterns.ts';
import type { MatchIdentification, ReportIdentityKeys, ReportRepository } from '../domain/ports.ts';
import { contactQueueSortKey, OnlineReport } from '../domain/report.ts';
import {
  decisionOf,
  MatchDecisionItem,
  type MatchKey,
  MatchRecordItem,
  type MatchRecordState,
  matchDecisionKey,
  matchKeysOf,
  matchRecordKey,
  matchViewOf,
  otherMembers,
  recordingWrites,
} from './match-records.ts';

/**
 * The service's one table (pk/sk). Per report, in partition `REPORT#<id>`:
 * - `REPORT`: the report; while it waits for a contact handler it carries `queuePk`/`queueSk` (index
 *   `byContactQueue`, domestic abuse first, then oldest);
 * - `INCIDENT`: its incident log; while open and domestic abuse it carries `openPk`/`openSk` (index
 *   `byOpenIncident`);
 * - `KEY#victim#<kind>` / `KEY#suspect#name-dob`: identity keys (keyed HMACs) in `victimKey` or
 *   `suspectKey` (indexes `byVictimKey`, `bySuspectKey`), never the plain values;
 * - `DISPATCH#<message id>`: dispatch requests the local command-and-control adapter has recorded;
 * - `MATCHES`: its repeat-victim and serial-perpetrator decision (see `match-records.ts`).
 * Elsewhere: `REFERENCE#<reference>` (unique references), `SUBMISSION#<token hash>` (one report per form
 * submission), `MATCH#<role>#<identity key>` (the reports recorded against each identity key), and the
 * outbox (`OUTBOX`). Rate-limit counts are in the platform sessions table
 * (shared/abuse/dynamo-rate-counter.ts).
 */

export const indexNames = {
  contactQueue: 'byContactQueue',
  openIncident: 'byOpenIncident',
  victimKey: 'byVictimKey',
  suspectKey: 'bySuspectKey',
} as const;

const contactQueuePartition = 'CONTACT_QUEUE';
const openIncidentPartition = 'OPEN_INCIDENTS';
const reportKey = (reportId: string) => ({ pk: `REPORT#${reportId}`, sk: 'REPORT' });
const incidentKey = (reportId: string) => ({ pk: `REPORT#${reportId}`, sk: 'INCIDENT' });
const referenceKey = (reference: string) => ({ pk: `REFERENCE#${reference}`, sk: 'REFERENCE' });
const submissionKey = (tokenHash: string) => ({ pk: `SUBMISSION#${tokenHash}`, sk: 'SUBMISSION' });

/** Submission records outlive any double-click or resent form by far, then go. */
const submissionLifetimeSeconds = 7 * 24 * 60 * 60;

const ReportItem = z.object({ data: OnlineReport });
const IncidentItem = z.object({ data: IncidentLog });
const KeyItem = z.object({
  sk: z.string(),
  victimKey: z.string().optional(),
  suspectKey: z.string().optional(),
  victimOfSuspect: z.string().optional(),
  reportId: z.string(),
});
const SubmissionItem = z.object({ reportId: z.string(), reference: z.string() });
const DispatchItem = z.object({ requestedAt: z.string(), message: DispatchRequested });

export interface IdentityKeyInput {
  readonly role: 'victim' | 'suspect';
  readonly kind: IdentityKind;
  readonly key: string;
}

export interface Submission {
  readonly report: OnlineReport;
  readonly keys: readonly IdentityKeyInput[];
  readonly submissionTokenHash: string;
  /** Present when the screen found domestic abuse: written to the outbox in the same transaction. */
  readonly message?: AnyEnvelope;
  readonly now: Date;
}

export type SubmissionOutcome =
  | { readonly kind: 'stored'; readonly outbox: readonly OutboxWrite[] }
  | { readonly kind: 'already-submitted'; readonly reportId: string; readonly reference: string }
  | { readonly kind: 'reference-taken' };

export interface DispatchRecord {
  readonly requestedAt: string;
  readonly message: DispatchRequested;
}

const cancellationCodes = (error: unknown): (string | undefined)[] | undefined =>
  error instanceof TransactionCanceledException
    ? (error.CancellationReasons ?? []).map((reason) => reason.Code)
    : undefined;

/** Another recording against one of the same keys came first: read again and decide again. */
const isContention = (error: unknown): boolean =>
  (cancellationCodes(error) ?? []).some(
    (code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict',
  );

/** Far more than a few reports recorded at once against one person need; after that the queue retries. */
const matchAttempts = 12;

const pause = (attempt: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * Math.min(attempt, 5)));

const isConditionFailure = (error: unknown): boolean =>
  error instanceof ConditionalCheckFailedException ||
  (cancellationCodes(error) ?? []).includes('ConditionalCheckFailed');

const reportItem = (report: OnlineReport) => ({
  ...reportKey(report.id),
  data: report,
  version: report.version,
  ...(report.review.status === 'awaiting-review'
    ? { queuePk: contactQueuePartition, queueSk: contactQueueSortKey(report) }
    : {}),
});

const incidentItem = (log: IncidentLog) => ({
  ...incidentKey(log.reportId),
  data: log,
  version: log.version,
  ...(log.status === 'open' && log.domesticAbuse
    ? { openPk: openIncidentPartition, openSk: `${log.submittedAt}#${log.reportId}` }
    : {}),
});

const versionCondition = (previous: number) => ({
  ConditionExpression: 'version = :previous',
  ExpressionAttributeValues: { ':previous': previous },
});

export class DynamoReportStore implements ReportRepository {
  constructor(
    readonly client: DynamoDBDocumentClient,
    readonly tableName: string,
  ) {}

  /**
   * The report, its reference, its identity keys, the submission record and (for domestic abuse) the
   * outbox message, in one transaction: the report exists exactly when its message does.
   */
  async submit(submission: Submission): Promise<SubmissionOutcome> {
    const { report } = submission;
    const outbox = submission.message
      ? [outboxPut(this.tableName, submission.message, domesticAbuseQueue)]
      : [];
    const put = (Item: Record<string, unknown>) => ({
      Put: { TableName: this.tableName, Item, ConditionExpression: 'attribute_not_exists(pk)' },
    });
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            put(reportItem(report)),
            put({ ...referenceKey(report.reference), reportId: report.id }),
            put({
              ...submissionKey(submission.submissionTokenHash),
              reportId: report.id,
              reference: report.reference,
              expiresAt: Math.floor(submission.now.getTime() / 1000) + submissionLifetimeSeconds,
            }),
            ...submission.keys.map((key) =>
              put({
                pk: `REPORT#${report.id}`,
                sk: `KEY#${key.role}#${key.kind}`,
                reportId: report.id,
                reportedAt: report.submittedAt,
                ...(key.role === 'victim' ? { victimKey: key.key } : { suspectKey: key.key }),
                ...(key.role === 'suspect'
                  ? {
                      victimOfSuspect: submission.keys.find(
                        (k) => k.role === 'victim' && k.kind === 'name-dob',
                      )?.key,
                    }
                  : {}),
              }),
            ),
            ...outbox,
          ],
        }),
      );
      return { kind: 'stored', outbox };
    } catch (error) {
      const codes = cancellationCodes(error);
      if (codes?.[2] === 'ConditionalCheckFailed') {
        const earlier = await this.findSubmission(submission.submissionTokenHash);
        if (earlier) return { kind: 'already-submitted', ...earlier };
      }
      if (codes?.[1] === 'ConditionalCheckFailed') return { kind: 'reference-taken' };
      throw error;
    }
  }

  async findSubmission(tokenHash: string): Promise<{ reportId: string; reference: string } | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: submissionKey(tokenHash), ConsistentRead: true }),
    );
    return result.Item ? SubmissionItem.parse(result.Item) : undefined;
  }

  async getReport(reportId: string): Promise<OnlineReport | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: reportKey(reportId), ConsistentRead: true }),
    );
    return result.Item ? ReportItem.parse(result.Item).data : undefined;
  }

  async reportIdOfReference(reference: string): Promise<string | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: referenceKey(reference) }),
    );
    return result.Item ? z.object({ reportId: z.string() }).parse(result.Item).reportId : undefined;
  }

  async getIncident(reportId: string): Promise<IncidentLog | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: incidentKey(reportId), ConsistentRead: true }),
    );
    return result.Item ? IncidentItem.parse(result.Item).data : undefined;
  }

  async createIncident(log: IncidentLog): Promise<'created' | 'exists'> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: incidentItem(log),
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'created';
    } catch (error) {
      if (isConditionFailure(error)) return 'exists';
      throw error;
    }
  }

  async saveIncident(log: IncidentLog): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: incidentItem(log),
          ...versionCondition(log.version - 1),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async saveReport(report: OnlineReport): Promise<void> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: reportItem(report),
          ...versionCondition(report.version - 1),
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError();
      throw error;
    }
  }

  /**
   * A report and its log change together (recorded as domestic abuse by staff, or taken out of it), with
   * the message that lets the queue finish the work when there is one. `logIsNew` writes a new log.
   */
  async saveReportAndIncident(
    report: OnlineReport,
    log: IncidentLog,
    logIsNew: boolean,
    message?: AnyEnvelope,
  ): Promise<readonly OutboxWrite[]> {
    const outbox = message ? [outboxPut(this.tableName, message, domesticAbuseQueue)] : [];
    try {
      await this.client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.tableName,
                Item: reportItem(report),
                ...versionCondition(report.version - 1),
              },
            },
            {
              Put: {
                TableName: this.tableName,
                Item: incidentItem(log),
                ...(logIsNew
                  ? { ConditionExpression: 'attribute_not_exists(pk)' }
                  : versionCondition(log.version - 1)),
              },
            },
            ...outbox,
          ],
        }),
      );
      return outbox;
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentChangeError();
      throw error;
    }
  }

  async identityKeysOf(reportId: string): Promise<ReportIdentityKeys> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `REPORT#${reportId}`, ':prefix': 'KEY#' },
        ConsistentRead: true,
      }),
    );
    const items = (result.Items ?? []).map((item) => KeyItem.parse(item));
    const victim = items.flatMap((item) => (item.victimKey ? [item.victimKey] : []));
    const primary = items.find((item) => item.sk === 'KEY#victim#name-dob')?.victimKey;
    const suspect = items.find((item) => item.suspectKey)?.suspectKey;
    return { victim, ...(primary ? { victimPrimary: primary } : {}), ...(suspect ? { suspect } : {}) };
  }

  async recordForMatching(
    identification: MatchIdentification,
    decide: (view: MatchView) => MatchDecision,
  ): Promise<MatchDecision> {
    const { reportId, identificationId } = identification;
    for (let attempt = 1; ; attempt += 1) {
      const kept = await this.#matchDecision(reportId);
      if (kept?.identificationId === identificationId) return decisionOf(kept);
      const report = await this.getReport(reportId);
      if (!report) throw new RecordNotFoundError();
      const keys = await this.identityKeysOf(reportId);
      // Records first, then the reports and decisions they name: whatever recorded before these reads
      // is seen whole, and whatever records after them moves a version on and fails the transaction.
      const records = await this.#matchRecords(matchKeysOf(keys));
      const others = otherMembers(records, reportId);
      const [reports, decisions] = await Promise.all([
        this.#batchGetReports(others),
        this.#matchDecisions(others),
      ]);
      const decision = decide(
        matchViewOf(
          report,
          keys,
          records,
          new Map(reports.map((each) => [each.id, each])),
          new Map(decisions.map((each) => [each.reportId, each])),
        ),
      );
      try {
        await this.client.send(
          new TransactWriteCommand({
            TransactItems: recordingWrites(this.tableName, {
              reportId,
              identificationId,
              ...(keys.victimPrimary ? { victimKey: keys.victimPrimary } : {}),
              records,
              ...(kept ? { replaces: kept.identificationId } : {}),
              decision,
              now: new Date(),
            }),
          }),
        );
        return decision;
      } catch (error) {
        if (!isContention(error)) throw error;
        if (attempt >= matchAttempts) throw new ConcurrentChangeError();
        await pause(attempt);
      }
    }
  }

  async #matchDecision(reportId: string): Promise<MatchDecisionItem | undefined> {
    const result = await this.client.send(
      new GetCommand({ TableName: this.tableName, Key: matchDecisionKey(reportId), ConsistentRead: true }),
    );
    return result.Item ? MatchDecisionItem.parse(result.Item) : undefined;
  }

  async #matchDecisions(reportIds: readonly string[]): Promise<MatchDecisionItem[]> {
    const items = await this.#batchGetItems(reportIds.map(matchDecisionKey));
    return items.map((item) => MatchDecisionItem.parse(item));
  }

  /** Each key's record; one not yet made starts from the reports the index holds for the key. */
  async #matchRecords(keys: readonly MatchKey[]): Promise<MatchRecordState[]> {
    const found = new Map(
      (await this.#batchGetItems(keys.map(matchRecordKey))).map((item) => [
        String(item.pk),
        MatchRecordItem.parse(item),
      ]),
    );
    return Promise.all(
      keys.map(async (key) => {
        const record = found.get(matchRecordKey(key).pk);
        return record ? { key, ...record } : { key, members: await this.#membersFromIndex(key) };
      }),
    );
  }

  async #membersFromIndex({ role, key }: MatchKey): Promise<MatchRecordState['members']> {
    const [index, attribute] =
      role === 'victim' ? [indexNames.victimKey, 'victimKey'] : [indexNames.suspectKey, 'suspectKey'];
    const links = (await this.#queryAll(index, attribute, key)).map((item) => KeyItem.parse(item));
    return Object.fromEntries(
      links.map((link) => [
        link.reportId,
        {
          via: 'index' as const,
          ...(role === 'suspect' && link.victimOfSuspect ? { victimKey: link.victimOfSuspect } : {}),
        },
      ]),
    );
  }

  /** The contact handlers' queue: domestic abuse first, then the longest waiting. */
  async contactQueue(limit = 200): Promise<OnlineReport[]> {
    const items = await this.#queryAll(indexNames.contactQueue, 'queuePk', contactQueuePartition, limit);
    return items.map((item) => ReportItem.parse(item).data);
  }

  /** Open domestic-abuse incident logs, oldest submission first. */
  async openIncidents(limit = 500): Promise<IncidentLog[]> {
    const items = await this.#queryAll(indexNames.openIncident, 'openPk', openIncidentPartition, limit);
    return items.map((item) => IncidentItem.parse(item).data);
  }

  /** Records a dispatch request once per incident log, where staff see it on the report's page. */
  async recordDispatchRequest(request: DispatchRequested, now: Date): Promise<'recorded' | 'already'> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            pk: `REPORT#${request.data.incidentId}`,
            sk: `DISPATCH#${request.id}`,
            requestedAt: now.toISOString(),
            message: request,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return 'recorded';
    } catch (error) {
      if (isConditionFailure(error)) return 'already';
      throw error;
    }
  }

  async dispatchRequests(reportId: string): Promise<DispatchRecord[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': `REPORT#${reportId}`, ':prefix': 'DISPATCH#' },
      }),
    );
    return (result.Items ?? []).map((item) => DispatchItem.parse(item));
  }

  async #queryAll(
    indexName: string,
    attribute: string,
    value: string,
    limit = 1000,
  ): Promise<Record<string, unknown>[]> {
    return queryItems(
      this.client,
      {
        TableName: this.tableName,
        IndexName: indexName,
        KeyConditionExpression: '#attribute = :value',
        ExpressionAttributeNames: { '#attribute': attribute },
        ExpressionAttributeValues: { ':value': value },
      },
      limit,
    );
  }

  /** Reports by id, in the order asked, skipping any not found. */
  async #batchGetReports(reportIds: readonly string[]): Promise<OnlineReport[]> {
    const found = new Map(
      (await this.#batchGetItems([...new Set(reportIds)].map(reportKey))).map((item) => {
        const report = ReportItem.parse(item).data;
        return [report.id, report];
      }),
    );
    return [...new Set(reportIds)].flatMap((id) => {
      const report = found.get(id);
      return report ? [report] : [];
    });
  }

  /** Items by key, read consistently, in no particular order, skipping any not found; all or an error. */
  #batchGetItems(keys: readonly Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    return batchGetItems(this.client, this.tableName, keys, { consistentRead: true });
  }
}
