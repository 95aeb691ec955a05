import { randomBytes } from 'node:crypto';
import { ProvisionedThroughputExceededException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import { casePartitionKey } from '../../../shared/audit/dynamo-audit-log.ts';
import {
  answersOf,
  daysAgo,
  domesticAbuseConsumerHarness,
  failuresOf,
  type Sent,
  type TestPerson,
  uniqueName,
} from './consumer-harness.ts';

/**
 * Every change the domestic-abuse consumer makes to a case is audited exactly once (docs/architecture.md,
 * "People and access"; DPA 2018 s.62), whichever attempt made it: the attempt that made a step may fail
 * before auditing it (its audit write refused, or landed with its answer lost), or lose a race to a
 * duplicate delivery of the same message and throw. Against DynamoDB Local, with the real consumer.
 */

const {
  environment,
  send: sendReport,
  store,
  auditLog,
  deliver,
  deliverUntilDone,
  dynamoDocumentClient,
} = await domesticAbuseConsumerHarness('step-audit-alerts');
const auditTable = environment.TABLE_PLATFORM_AUDIT ?? '';

const allSteps = ['opened', 'dispatch-requested', 'repeat-alerted', 'serial-flagged'] as const;

const newPerson = (): TestPerson => ({
  name: `Robin ${uniqueName()} Example`,
  dateOfBirth: '1986-04-12',
  phone: `07${Array.from(randomBytes(9), (byte) => String(byte % 10)).join('')}`,
});

const send = (answers: ReportAnswers): Promise<Sent> => sendReport(answers, 'step-audit-test');

/**
 * A report that takes every step: its victim reported once before (a repeat) and its suspect was reported
 * by another victim (a possible serial perpetrator). The earlier reports are processed first.
 */
const reportTakingEveryStep = async (): Promise<Sent> => {
  const victim = newPerson();
  const suspect = { name: `Casey ${uniqueName()}`, dateOfBirth: '1980-02-01' };
  const earlierBySameVictim = await send(answersOf(victim, daysAgo(40)));
  const earlierAboutSameSuspect = await send(answersOf(newPerson(), daysAgo(20), suspect));
  await deliverUntilDone(earlierBySameVictim);
  await deliverUntilDone(earlierAboutSameSuspect);
  return send(answersOf(victim, daysAgo(2), suspect));
};

const caseRefOf = (reportId: string) => ({ service: 'online-report', caseId: reportId });

/** How many entries the report's audit trail holds for each of the consumer's steps. */
const entriesPerStep = async (reportId: string): Promise<Record<string, number>> => {
  const entries = await auditLog().entries(caseRefOf(reportId));
  return Object.fromEntries(
    allSteps.map((step) => [step, entries.filter((entry) => entry.action === step).length]),
  );
};

const oncePerStep = Object.fromEntries(allSteps.map((step) => [step, 1]));

type Fault = 'refused' | 'answer-lost';

interface TransactItem {
  readonly Put?: { readonly Item?: { readonly pk?: unknown; readonly sk?: unknown } };
}
type Handler = (args: { input: unknown }) => Promise<unknown>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface Stack {
  add(middleware: Middleware, options: { step: 'initialize'; name: string; override?: boolean }): void;
  remove(name: string): boolean;
}

/**
 * Fails the first write of an audit entry for this report, through the SDK client the consumer uses:
 * `refused` before it reaches the table (throttled), `answer-lost` after it landed (a timeout, or the
 * function stopped straight after the write). Returns how to take the fault out again.
 */
const failFirstAuditWrite = (reportId: string, fault: Fault): (() => void) => {
  const stack = dynamoDocumentClient().middlewareStack as unknown as Stack;
  const name = `step-audit-fault-${reportId}`;
  const casePk = casePartitionKey(caseRefOf(reportId));
  let armed = true;
  stack.add(
    (next) => async (args) => {
      const items = ((args.input as { TransactItems?: readonly TransactItem[] }).TransactItems ??
        []) as readonly TransactItem[];
      const writesEntry = items.some(
        (item) => item.Put?.Item?.pk === casePk && String(item.Put.Item.sk).startsWith('ENTRY#'),
      );
      if (!armed || !writesEntry) return next(args);
      armed = false;
      if (fault === 'refused') {
        throw new ProvisionedThroughputExceededException({
          message: 'Injected: the request rate is too high',
          $metadata: { httpStatusCode: 400 },
        });
      }
      await next(args);
      const timeout = new Error('Injected: the write landed but its answer was lost');
      timeout.name = 'TimeoutError';
      throw timeout;
    },
    { step: 'initialize', name, override: true },
  );
  return () => stack.remove(name);
};

describe('Each step of the domestic-abuse workflow is audited exactly once, whichever attempt took it', () => {
  it('a normal delivery audits each step once, in the order taken, and the chain verifies', async () => {
    const sent = await reportTakingEveryStep();
    const responses = [await deliver(sent)];
    const entries = await auditLog().entries(caseRefOf(sent.reportId));
    expect([
      failuresOf(responses),
      entries.map((entry) => entry.action),
      entries.every((entry) => 'system' in entry.actor && entry.actor.system === 'online-report'),
      (await auditLog().verify(caseRefOf(sent.reportId))).ok,
    ]).toEqual([0, [...allSteps], true, true]);
  });

  it.each<Fault>(['refused', 'answer-lost'])(
    'the first audit write after the steps fails (%s): the retry audits every step once and the chain verifies',
    async (fault) => {
      const sent = await reportTakingEveryStep();
      const remove = failFirstAuditWrite(sent.reportId, fault);
      let first: SQSBatchResponse;
      try {
        first = await deliver(sent);
      } finally {
        remove();
      }
      const retry = await deliver(sent, 2);
      const log = await store.getIncident(sent.reportId);
      expect([
        failuresOf([first]),
        failuresOf([retry]),
        [log?.dispatch !== undefined, log?.repeat !== undefined, log?.serialPerpetrator?.victimCount],
        await entriesPerStep(sent.reportId),
        (await auditLog().verify(caseRefOf(sent.reportId))).ok,
      ]).toEqual([1, 0, [true, true, 2], oncePerStep, true]);
    },
  );

  const rounds = 40;

  it(`the same message delivered twice at once: in each of ${rounds} rounds every step is audited once`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const sent = await reportTakingEveryStep();
      const responses = await Promise.all([deliverUntilDone(sent), deliverUntilDone(sent)]);
      const counts = await entriesPerStep(sent.reportId);
      const verified = (await auditLog().verify(caseRefOf(sent.reportId))).ok;
      outcomes.push(
        `failures=${failuresOf(responses)} ${allSteps.map((step) => `${step}=${counts[step]}`).join(' ')} verified=${verified}`,
      );
    }
    expect(outcomes).toEqual(
      Array.from(
        { length: rounds },
        () => 'failures=0 opened=1 dispatch-requested=1 repeat-alerted=1 serial-flagged=1 verified=true',
      ),
    );
  });

  it('a log whose steps were audited before audit markers were kept is not audited again when redelivered', async () => {
    const sent = await reportTakingEveryStep();
    await deliver(sent);
    // As a log finished before markers were kept: its entries in the trail, no mark beside them.
    const markers = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: auditTable,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': casePartitionKey(caseRefOf(sent.reportId)), ':prefix': 'ONCE#' },
        ConsistentRead: true,
      }),
    );
    for (const item of markers.Items ?? [])
      await dynamoDocumentClient().send(
        new DeleteCommand({ TableName: auditTable, Key: { pk: item.pk, sk: item.sk } }),
      );
    const responses = await Promise.all([deliver(sent), deliver(sent)]);
    expect([
      (markers.Items ?? []).length,
      failuresOf(responses),
      await entriesPerStep(sent.reportId),
    ]).toEqual([allSteps.length, 0, oncePerStep]);
  });
});
