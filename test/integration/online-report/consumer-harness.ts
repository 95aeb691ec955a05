import { randomBytes, randomUUID } from 'node:crypto';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { SQSBatchResponse } from 'aws-lambda';
import { afterAll } from 'vitest';
import { storedKeysOf } from '../../../services/online-report/adapters/identity-hasher.ts';
import type { DomesticAbuseIdentified } from '../../../services/online-report/contracts.ts';
import type { ReportAnswers } from '../../../services/online-report/domain/model.ts';
import { referenceFrom } from '../../../services/online-report/domain/reference.ts';
import { prepareSubmission } from '../../../services/online-report/domain/submission.ts';
import { toSqsEvent } from '../../../shared/messaging/sqs-event.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { createTestQueue, lambdaContext, queueArn } from '../messaging/queue-driver.ts';

/** Someone who reports: matched on the letters of their name, their date of birth and their phone. */
export interface TestPerson {
  readonly name: string;
  readonly dateOfBirth: string;
  readonly phone: string;
}

export interface Sent {
  readonly reportId: string;
  readonly reference: string;
  readonly message: DomesticAbuseIdentified;
}

/** Letters only: names are matched on their letters, so digits would make every test person alike. */
export const uniqueName = (): string =>
  Array.from(randomBytes(12), (byte) => String.fromCharCode(97 + (byte % 26))).join('');

export const daysAgo = (days: number): string =>
  new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

/** A report of harassment by an ex-partner; a suspect is matched only with a date of birth. */
export const answersOf = (
  victim: TestPerson,
  incidentDate: string,
  suspect?: { name: string; dateOfBirth: string },
): ReportAnswers => ({
  category: 'nuisance-communications',
  incidentDate,
  location: 'At home',
  description: 'My ex-partner keeps messaging me and turning up outside.',
  suspect: suspect
    ? { name: suspect.name, dateOfBirth: suspect.dateOfBirth, relationship: 'ex-partner' }
    : { name: 'Jordan Example', relationship: 'ex-partner', ageBand: '18-or-over' },
  reporter: { name: victim.name, dateOfBirth: victim.dateOfBirth },
  contact: { methods: ['phone'], phone: victim.phone, safeTimes: 'any-time', messagesAllowed: false },
});

/** How many of the deliveries' messages the consumer handed back to the queue. */
export const failuresOf = (responses: readonly SQSBatchResponse[]): number =>
  responses.reduce((total, response) => total + response.batchItemFailures.length, 0);

/**
 * The domestic-abuse consumer as its tests drive it, against the local stack: the real composition root and
 * handler, the work queue's ARN for the events, and the duty sergeant's alerts sent to a queue of the test
 * file's own (`alertQueueName`), so each can be counted and the staff-notifications queue other tests read
 * is left alone. Reports the test sends (`sentReports`) are taken off the contact-queue and open-incident
 * indexes afterwards, whose first pages other tests on the same stack look through.
 */
export const domesticAbuseConsumerHarness = async (alertQueueName: string) => {
  const environment = useLocalEnvironment({
    IDENTITY_HMAC_KEY: 'online-report-integration-identity-key-0123456789',
  });
  const composition = await import('../../../services/online-report/composition-root.ts');
  const { handler: progress } = await import(
    '../../../services/online-report/handlers/progress-domestic-abuse.ts'
  );
  const { dynamoDocumentClient, sqsClient } = await import('../../../shared/aws/clients.ts');
  const table = environment.TABLE_ONLINE_REPORT_REPORTS ?? '';
  const workQueueArn = await queueArn(sqsClient(), environment.QUEUE_URL_ONLINE_REPORT_DOMESTIC_ABUSE ?? '');
  const alertQueue = await createTestQueue(sqsClient(), alertQueueName);
  process.env.QUEUE_URL_STAFF_NOTIFICATIONS = alertQueue.url;
  const sentReports: string[] = [];

  afterAll(async () => {
    if (environment.QUEUE_URL_STAFF_NOTIFICATIONS)
      process.env.QUEUE_URL_STAFF_NOTIFICATIONS = environment.QUEUE_URL_STAFF_NOTIFICATIONS;
    for (const reportId of sentReports) {
      await dynamoDocumentClient().send(
        new UpdateCommand({
          TableName: table,
          Key: { pk: `REPORT#${reportId}`, sk: 'REPORT' },
          UpdateExpression: 'REMOVE queuePk, queueSk',
        }),
      );
      await dynamoDocumentClient()
        .send(
          new UpdateCommand({
            TableName: table,
            Key: { pk: `REPORT#${reportId}`, sk: 'INCIDENT' },
            UpdateExpression: 'REMOVE openPk, openSk',
            ConditionExpression: 'attribute_exists(pk)',
          }),
        )
        .catch((error: unknown) => {
          // A report whose message was never delivered has no log to take off the list.
          if (!(error instanceof ConditionalCheckFailedException)) throw error;
        });
    }
  });

  const store = composition.reportStore();
  const hasher = composition.identityHasher();

  /**
   * Stores a report exactly as the submit does (report, reference, identity keys as keyed HMACs) and returns
   * its domestic-abuse message, which the tests deliver themselves instead of through the shared queue.
   */
  const send = async (answers: ReportAnswers, correlationId: string): Promise<Sent> => {
    const prepared = prepareSubmission(answers, {
      reportId: randomUUID(),
      reference: referenceFrom(randomBytes(8)),
      messageId: randomUUID(),
      now: new Date(),
      correlationId,
    });
    if (!prepared.message) throw new Error('The screen did not find domestic abuse in the test report.');
    const outcome = await store.submit({
      report: prepared.report,
      keys: storedKeysOf(hasher, prepared.identity),
      submissionTokenHash: randomUUID(),
      now: new Date(),
    });
    if (outcome.kind !== 'stored') throw new Error(`The report was not stored: ${outcome.kind}`);
    sentReports.push(prepared.report.id);
    return { reportId: prepared.report.id, reference: prepared.report.reference, message: prepared.message };
  };

  /** One delivery of the message to the consumer, as Lambda's SQS event source makes it. */
  const deliver = (sent: Sent, receiveCount = 1): Promise<SQSBatchResponse> =>
    progress(
      toSqsEvent(
        [
          {
            MessageId: randomUUID(),
            ReceiptHandle: randomUUID(),
            Body: JSON.stringify(sent.message),
            Attributes: { ApproximateReceiveCount: String(receiveCount) },
          },
        ],
        workQueueArn,
      ),
      lambdaContext(),
    );

  /**
   * Delivers as SQS would: a delivery that failed (a duplicate handled at the same moment lost a race, say)
   * comes back, up to the queue's five receives, and finds the work done.
   */
  const deliverUntilDone = async (sent: Sent): Promise<SQSBatchResponse> => {
    let response = await deliver(sent);
    for (let receive = 2; response.batchItemFailures.length > 0 && receive <= 5; receive += 1)
      response = await deliver(sent, receive);
    return response;
  };

  return {
    environment,
    send,
    store,
    auditLog: composition.auditLog,
    hasher,
    progress,
    deliver,
    deliverUntilDone,
    dynamoDocumentClient,
    sqsClient,
    table,
    alertQueue,
    sentReports,
  };
};
