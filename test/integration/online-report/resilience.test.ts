import { randomBytes, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import { referenceFrom } from '../../../services/online-report/domain/reference.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { deliverOnce, drain } from '../messaging/queue-driver.ts';
import { JourneyClient } from './journey-client.ts';

const environment = useLocalEnvironment({
  CSRF_SECRET: 'online-report-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'online-report-integration-identity-key-0123456789',
});
const { reportStore } = await import('../../../services/online-report/composition-root.ts');
const { handler: progress } = await import(
  '../../../services/online-report/handlers/progress-domestic-abuse.ts'
);
const { prepareSubmission } = await import('../../../services/online-report/domain/submission.ts');
const { sweepOutbox } = await import('../../../shared/messaging/outbox.ts');
const { dynamoDocumentClient, sqsClient } = await import('../../../shared/aws/clients.ts');
const { publish } = await import('../../../shared/messaging/publish.ts');
const { DomesticAbuseIdentified } = await import('../../../services/online-report/contracts.ts');

const store = reportStore();
const table = environment.TABLE_ONLINE_REPORT_REPORTS ?? '';
const workQueue = environment.QUEUE_URL_ONLINE_REPORT_DOMESTIC_ABUSE ?? '';
const deadLetters = environment.QUEUE_URL_ONLINE_REPORT_DOMESTIC_ABUSE_DLQ ?? '';

const answers: ReportAnswers = {
  category: 'other',
  incidentDate: '2026-11-01',
  location: 'At home',
  description: 'My ex-husband will not leave me alone.',
  reporter: { name: `Ari ${randomUUID().slice(0, 8)}`, dateOfBirth: '1985-05-05' },
  contact: { methods: ['phone'], phone: '07700 900111', safeTimes: 'any-time', messagesAllowed: false },
};

describe('Bots are slowed without ever blocking a person’s emergency advice', () => {
  it('a client over the limit is told to wait, yet an emergency answer still reaches the stop page', async () => {
    const bot = new JourneyClient();
    await bot.answer('/report/in-danger', { inDanger: 'no' });
    let limited = 0;
    for (let attempt = 0; attempt < 14 && limited === 0; attempt += 1) {
      const response = await bot.post('/report/happening-now', { happeningNow: 'no', website: 'spam' });
      if (response.status === 429) limited += 1;
    }
    const emergency = await bot.answer('/report/happening-now', { happeningNow: 'yes' });
    const advice = await bot.get('/report/emergency');
    expect([limited, emergency.location, advice.status]).toEqual([1, '/report/emergency', 200]);
  });

  it('the rate limit counts a keyed hash of the address, never the address', async () => {
    const client = new JourneyClient('192.0.2.77');
    await client.answer('/report/in-danger', { inDanger: 'no' });
    const { hmacClientKey } = await import('../../../shared/abuse/rate-limit.ts');
    const key = hmacClientKey(environment.IDENTITY_HMAC_KEY ?? '')('192.0.2.77');
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await dynamoDocumentClient().send(
        new ScanCommand({
          TableName: environment.TABLE_PLATFORM_SESSIONS,
          FilterExpression: 'begins_with(pk, :prefix)',
          ExpressionAttributeValues: { ':prefix': `rate#online-report#${key}#` },
          ExclusiveStartKey: startKey,
        }),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    expect([items.length, JSON.stringify(items).includes('192.0.2.77')]).toEqual([1, false]);
  });
});

describe('A failure after submit never loses the report (outbox, retries, dead-letter queue)', () => {
  it('a message the submit could not relay is sent by the sweep and the log is then opened', async () => {
    const prepared = prepareSubmission(answers, {
      reportId: randomUUID(),
      reference: referenceFrom(randomBytes(8)),
      messageId: randomUUID(),
      now: new Date(Date.now() - 5 * 60_000),
      correlationId: 'resilience-test',
    });
    const outcome = await store.submit({
      report: prepared.report,
      keys: [],
      submissionTokenHash: randomUUID(),
      ...(prepared.message ? { message: prepared.message } : {}),
      now: new Date(),
    });
    // The submit's own relay never ran (as if the function stopped): only the sweep can send it.
    const swept = await sweepOutbox(table, { now: new Date(), limit: 100 });
    for (let round = 0; round < 5; round += 1)
      if (!(await deliverOnce(sqsClient(), workQueue, progress))) break;
    const log = await store.getIncident(prepared.report.id);
    expect([outcome.kind, swept.relayed >= 1, log?.dispatch !== undefined]).toEqual(['stored', true, true]);
  });

  it('a message that keeps failing ends in the dead-letter queue after five receives', async () => {
    const message = DomesticAbuseIdentified.parse({
      type: 'online-report-domestic-abuse-identified',
      version: 1,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: 'resilience-dlq',
      data: { reportId: randomUUID(), identifiedBy: 'screening' },
    });
    await publish('online-report-domestic-abuse', message);
    for (let round = 0; round < 8; round += 1) await deliverOnce(sqsClient(), workQueue, progress);
    const dead = await drain(sqsClient(), deadLetters);
    expect(dead.some((entry) => JSON.parse(entry.Body ?? '{}').id === message.id)).toBe(true);
  });
});
