import { PurgeQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  type StaffNotificationData,
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../../shared/contracts/staff-notification.ts';
import { deadLetterQueueName, queueEnvName } from '../../../shared/manifest/names.ts';
import { createMessage, publish } from '../../../shared/messaging/publish.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { deliverOnce, deliverUntilEmpty, drain } from '../messaging/queue-driver.ts';

const environment = useLocalEnvironment();
const { handler } = await import('../../../services/notifications/handlers/store-notification.ts');
const { notificationRepository } = await import('../../../services/notifications/composition-root.ts');

const sqs = new SQSClient({});
const queueUrl = environment[queueEnvName(staffNotificationsQueue)] ?? '';
const deadLetterUrl = environment[queueEnvName(deadLetterQueueName(staffNotificationsQueue))] ?? '';

let collar = 0;
const newCollar = () => {
  collar += 1;
  return `PC${Date.now() % 100000}${collar}`;
};

const request = (collarNumber: string, title: string, extra: Partial<StaffNotificationData> = {}) =>
  createMessage(
    StaffNotificationRequested,
    { audience: { kind: 'person', collarNumber }, title, source: { service: 'integration-test' }, ...extra },
    { correlationId: 'corr-notifications', now: new Date() },
  );

const inboxOf = (collarNumber: string) =>
  notificationRepository().listFor([{ kind: 'person', collarNumber }], 50);

beforeEach(async () => {
  await sqs.send(new PurgeQueueCommand({ QueueUrl: queueUrl }));
  await sqs.send(new PurgeQueueCommand({ QueueUrl: deadLetterUrl }));
});

describe('Notifications: storing requested notifications from the queue', () => {
  it('a published request is stored as a notification with the message id', async () => {
    const reader = newCollar();
    const message = request(reader, 'Case OR-1 assigned to you', {
      priority: 'urgent',
      link: '/staff/online-report/OR-1',
    });

    await publish(staffNotificationsQueue, message);
    await deliverOnce(sqs, queueUrl, handler);

    expect(await notificationRepository().find(message.id)).toMatchObject({
      id: message.id,
      title: 'Case OR-1 assigned to you',
      priority: 'urgent',
      link: '/staff/online-report/OR-1',
      audience: { kind: 'person', collarNumber: reader },
    });
  });

  it('the same message delivered twice makes one notification (conditional put on the message id)', async () => {
    const reader = newCollar();
    const message = request(reader, 'Delivered twice');

    await publish(staffNotificationsQueue, message);
    await publish(staffNotificationsQueue, message);
    const deliveries = await deliverUntilEmpty(sqs, queueUrl, handler);

    expect(deliveries.flatMap((delivery) => delivery.response.batchItemFailures)).toEqual([]);
    expect((await inboxOf(reader)).map((notification) => notification.id)).toEqual([message.id]);
  });

  it('a batch with one malformed message reports exactly it, and the others are stored', async () => {
    const reader = newCollar();
    await publish(staffNotificationsQueue, request(reader, 'first'));
    const malformed = await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify({ type: 'staff-notification-requested', version: 1 }),
      }),
    );
    await publish(staffNotificationsQueue, request(reader, 'second'));

    const failures: string[] = [];
    while ((await inboxOf(reader)).length < 2) {
      const delivery = await deliverOnce(sqs, queueUrl, handler);
      failures.push(...(delivery?.response.batchItemFailures.map((failure) => failure.itemIdentifier) ?? []));
    }

    expect(new Set(failures)).toEqual(new Set([malformed.MessageId]));
    expect((await inboxOf(reader)).map((notification) => notification.title).sort()).toEqual([
      'first',
      'second',
    ]);
  });

  it('a malformed message reaches the dead-letter queue after five receives, and the rest are stored', async () => {
    const reader = newCollar();
    const malformed = await sqs.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: 'not json at all' }),
    );
    await publish(staffNotificationsQueue, request(reader, 'still delivered'));

    const deliveries = await deliverUntilEmpty(sqs, queueUrl, handler);
    const deadLetters = await drain(sqs, deadLetterUrl);

    const timesFailed = deliveries
      .flatMap((delivery) => delivery.response.batchItemFailures)
      .filter((failure) => failure.itemIdentifier === malformed.MessageId).length;
    expect(timesFailed).toBe(5);
    expect(deadLetters.map((message) => message.MessageId)).toEqual([malformed.MessageId]);
    expect((await inboxOf(reader)).map((notification) => notification.title)).toEqual(['still delivered']);
  });
});
