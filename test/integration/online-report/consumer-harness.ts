import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { createTestQueue, queueArn } from '../messaging/queue-driver.ts';

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

  return {
    environment,
    store: composition.reportStore(),
    auditLog: composition.auditLog,
    hasher: composition.identityHasher(),
    progress,
    dynamoDocumentClient,
    sqsClient,
    table,
    workQueueArn,
    alertQueue,
    sentReports,
  };
};
