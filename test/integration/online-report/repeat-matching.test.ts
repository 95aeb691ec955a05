import { randomBytes } from 'node:crypto';
import { DeleteMessageCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { openFromScreening } from '../../../services/online-report/domain/incident-log.ts';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import { reportRef } from '../../../services/online-report/domain/report.ts';
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
 * Repeat-victim and serial-perpetrator matching under real concurrency (000 §3.4, §3.5, §8.3.1): reports
 * are stored as the submit stores them, then their messages are handed to the real consumer at the same
 * moment, as two Lambda invocations would receive them, against DynamoDB Local.
 */

const {
  store,
  auditLog,
  deliver,
  deliverUntilDone,
  dynamoDocumentClient,
  sqsClient,
  table,
  alertQueue,
  send: sendReport,
} = await domesticAbuseConsumerHarness('repeat-matching-alerts');

/**
 * The duty sergeant's alerts sent since the last call: how many different alerts each report raised. An
 * alert sent twice by two deliveries of one message has one id, and the inbox stores it once.
 */
const takeAlerts = async (): Promise<Map<string, number>> => {
  const ids = new Map<string, Set<string>>();
  for (;;) {
    const received = await sqsClient().send(
      new ReceiveMessageCommand({ QueueUrl: alertQueue.url, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    if (!received.Messages?.length) break;
    for (const message of received.Messages) {
      const envelope = JSON.parse(message.Body ?? '{}');
      const caseId = String(envelope.data?.source?.caseId);
      ids.set(caseId, (ids.get(caseId) ?? new Set()).add(String(envelope.id)));
      await sqsClient().send(
        new DeleteMessageCommand({ QueueUrl: alertQueue.url, ReceiptHandle: message.ReceiptHandle }),
      );
    }
  }
  return new Map([...ids].map(([caseId, each]) => [caseId, each.size]));
};

type Victim = TestPerson;

const randomDigits = (count: number): string =>
  Array.from(randomBytes(count), (byte) => String(byte % 10)).join('');

const newVictim = (): Victim => ({
  name: `Robin ${uniqueName()} Example`,
  dateOfBirth: `19${70 + ((randomBytes(1)[0] ?? 0) % 30)}-0${1 + ((randomBytes(1)[0] ?? 0) % 9)}-1${randomDigits(1)}`,
  phone: `07${randomDigits(9)}`,
});

const send = (answers: ReportAnswers): Promise<Sent> => sendReport(answers, 'repeat-matching-test');

const auditedSteps = async (reportId: string, action: string): Promise<number> =>
  (await auditLog().entries({ service: 'online-report', caseId: reportId })).filter(
    (entry) => entry.action === action,
  ).length;

const rounds = 50;

describe('Two reports by one person processed at the same instant alert the duty sergeant exactly once (000 §3.4, §8.3.1)', () => {
  it(`in each of ${rounds} rounds with a fresh person, exactly one log is a repeat and it names the other`, async () => {
    const results: { a: Sent; b: Sent; failures: number; logs: string }[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const victim = newVictim();
      // Every other round the second report gives another phone: then only name and date of birth match.
      const second = round % 2 === 0 ? victim : { ...victim, phone: newVictim().phone };
      const [a, b] = await Promise.all([
        send(answersOf(victim, daysAgo(3))),
        send(answersOf(second, daysAgo(1))),
      ]);
      const responses = await Promise.all([deliver(a), deliver(b)]);
      const [logA, logB] = await Promise.all([store.getIncident(a.reportId), store.getIncident(b.reportId)]);
      const named = [
        ...(logA?.repeat ? [logA.repeat.matchedReferences.join(',') === b.reference] : []),
        ...(logB?.repeat ? [logB.repeat.matchedReferences.join(',') === a.reference] : []),
      ];
      results.push({
        a,
        b,
        failures: failuresOf(responses),
        logs: `repeat-logs=${named.length} names-other=${named.every(Boolean)}`,
      });
    }
    const alerts = await takeAlerts();
    expect(
      results.map(
        ({ a, b, failures, logs }) =>
          `failures=${failures} ${logs} alerts=${(alerts.get(a.reportId) ?? 0) + (alerts.get(b.reportId) ?? 0)}`,
      ),
    ).toEqual(Array.from({ length: rounds }, () => 'failures=0 repeat-logs=1 names-other=true alerts=1'));
  });

  it('a report sent while the other is being processed is still counted once (the index may or may not show it)', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 20; round += 1) {
      const victim = newVictim();
      const a = await send(answersOf(victim, daysAgo(3)));
      const sendAndDeliver = async (): Promise<[Sent, SQSBatchResponse]> => {
        const sent = await send(answersOf(victim, daysAgo(1)));
        return [sent, await deliver(sent)];
      };
      const [responseA, [b, responseB]] = await Promise.all([deliver(a), sendAndDeliver()]);
      const [logA, logB] = await Promise.all([store.getIncident(a.reportId), store.getIncident(b.reportId)]);
      outcomes.push(
        `failures=${failuresOf([responseA, responseB])} alerts=${[logA, logB].filter((log) => log?.repeat).length}`,
      );
    }
    expect(outcomes).toEqual(Array.from({ length: 20 }, () => 'failures=0 alerts=1'));
  });

  it('with an earlier report on record, both new reports are repeats and the pair between them is counted once', async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const victim = newVictim();
      const earlier = await send(answersOf(victim, daysAgo(90)));
      await deliver(earlier);
      const [a, b] = await Promise.all([
        send(answersOf(victim, daysAgo(3))),
        send(answersOf(victim, daysAgo(1))),
      ]);
      const responses = await Promise.all([deliver(a), deliver(b)]);
      const [logA, logB] = await Promise.all([store.getIncident(a.reportId), store.getIncident(b.reportId)]);
      const aNamesB = logA?.repeat?.matchedReferences.includes(b.reference) ?? false;
      const bNamesA = logB?.repeat?.matchedReferences.includes(a.reference) ?? false;
      outcomes.push(
        [
          `failures=${failuresOf(responses)}`,
          `both-name-earlier=${[logA, logB].every((log) => log?.repeat?.matchedReferences.includes(earlier.reference))}`,
          `pair-counted=${Number(aNamesB) + Number(bNamesA)}`,
        ].join(' '),
      );
    }
    expect(outcomes).toEqual(
      Array.from({ length: 10 }, () => 'failures=0 both-name-earlier=true pair-counted=1'),
    );
  });
});

describe('A suspect reported by two victims at the same instant is flagged exactly once (000 §3.5)', () => {
  it(`in each of ${rounds} rounds with a fresh suspect, exactly one of the two logs is flagged`, async () => {
    const outcomes: string[] = [];
    for (let round = 0; round < rounds; round += 1) {
      const suspect = { name: `Casey ${uniqueName()}`, dateOfBirth: '1980-02-01' };
      const [a, b] = await Promise.all([
        send(answersOf(newVictim(), daysAgo(3), suspect)),
        send(answersOf(newVictim(), daysAgo(2), suspect)),
      ]);
      const responses = await Promise.all([deliver(a), deliver(b)]);
      const logs = await Promise.all([store.getIncident(a.reportId), store.getIncident(b.reportId)]);
      const flagged = logs.filter((log) => log?.markers.includes('possible-serial-perpetrator'));
      outcomes.push(
        `failures=${failuresOf(responses)} flagged=${flagged.length} victims=${flagged.map((log) => log?.serialPerpetrator?.victimCount).join(',')}`,
      );
    }
    expect(outcomes).toEqual(Array.from({ length: rounds }, () => 'failures=0 flagged=1 victims=2'));
  });
});

describe('A message delivered more than once counts once and alerts once', () => {
  it('the same message delivered twice at once, then again, keeps one alert naming the earlier report once', async () => {
    const victim = newVictim();
    const first = await send(answersOf(victim, daysAgo(30)));
    await deliver(first);
    const second = await send(answersOf(victim, daysAgo(2)));
    const responses = await Promise.all([deliverUntilDone(second), deliverUntilDone(second)]);
    responses.push(await deliverUntilDone(second));
    responses.push(await deliverUntilDone(first));
    const [firstLog, secondLog] = await Promise.all([
      store.getIncident(first.reportId),
      store.getIncident(second.reportId),
    ]);
    expect([
      failuresOf(responses),
      firstLog?.repeat,
      secondLog?.repeat?.matchedReferences,
      await auditedSteps(second.reportId, 'repeat-alerted'),
      (await store.dispatchRequests(second.reportId)).length,
      await takeAlerts().then((alerts) => [alerts.get(first.reportId), alerts.get(second.reportId)]),
    ]).toEqual([0, undefined, [first.reference], 1, 1, [undefined, 1]]);
  });

  it('a report delivered three times at once never matches itself, nor makes its victim two victims of a suspect', async () => {
    const victim = newVictim();
    const suspect = { name: `Casey ${uniqueName()}`, dateOfBirth: '1979-09-09' };
    const only = await send(answersOf(victim, daysAgo(5), suspect));
    const responses = await Promise.all([
      deliverUntilDone(only),
      deliverUntilDone(only),
      deliverUntilDone(only),
    ]);
    const again = await send(answersOf(victim, daysAgo(1), suspect));
    responses.push(await deliver(again));
    const [onlyLog, againLog] = await Promise.all([
      store.getIncident(only.reportId),
      store.getIncident(again.reportId),
    ]);
    expect([
      failuresOf(responses),
      onlyLog?.repeat,
      onlyLog?.serialPerpetrator,
      againLog?.repeat?.matchedReferences,
      againLog?.serialPerpetrator,
    ]).toEqual([0, undefined, undefined, [only.reference], undefined]);
  });
});

describe('Reports that arrived before match records existed are still matched (000 §3.4)', () => {
  it('a report whose log was opened without any match record is found through the index and named', async () => {
    const victim = newVictim();
    const legacy = await send(answersOf(victim, daysAgo(200)));
    // As the consumer left a report before match records: its log, and nothing recorded for matching.
    const report = await store.getReport(legacy.reportId);
    if (!report) throw new Error('The legacy report was not stored.');
    await store.createIncident(openFromScreening(reportRef(report), report.screening, new Date()));
    const keys = await store.identityKeysOf(legacy.reportId);
    const recordBefore = await dynamoDocumentClient().send(
      new GetCommand({
        TableName: table,
        Key: { pk: `MATCH#victim#${keys.victimPrimary}`, sk: 'MATCH' },
        ConsistentRead: true,
      }),
    );
    const current = await send(answersOf(victim, daysAgo(1)));
    const responses = [await deliver(current)];
    const recordAfter = await dynamoDocumentClient().send(
      new GetCommand({
        TableName: table,
        Key: { pk: `MATCH#victim#${keys.victimPrimary}`, sk: 'MATCH' },
        ConsistentRead: true,
      }),
    );
    expect([
      failuresOf(responses),
      recordBefore.Item,
      (await store.getIncident(current.reportId))?.repeat?.matchedReferences,
      Object.keys((recordAfter.Item?.members as Record<string, unknown>) ?? {}).sort(),
    ]).toEqual([0, undefined, [legacy.reference], [legacy.reportId, current.reportId].sort()]);
  });
});
