import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { staffNotificationsQueue } from '../../shared/contracts/staff-notification.ts';
import { sqsPublisher } from '../../shared/messaging/publish.ts';
import { distributionOf, ratioOf, timeRepeatedly } from '../stats.ts';
import { localClients } from '../support/local-clients.ts';
import {
  inboxTable,
  isStored,
  notificationMessage,
  sendInBatches,
  storedInPartition,
  until,
} from '../support/notifications.ts';
import type { BenchSection, Measurement } from '../types.ts';

/** A collar number no demo member of staff holds, so the bench's messages stay out of every inbox read. */
const benchCollar = 'BENCH-QUEUE';
const benchPartition = `AUDIENCE#PERSON#${benchCollar}`;

const benchNotification = (sequence: number) => ({
  audience: { kind: 'person' as const, collarNumber: benchCollar },
  title: `Bench notification ${sequence} for case BN-${String(sequence).padStart(4, '0')}`,
  body: 'A routine alert of typical length, naming a case reference and nothing personal.',
  link: `/staff/dvpn/BN-${sequence}`,
  source: { service: 'bench', caseId: `BN-${sequence}` },
});

export const staffNotificationsQueueSection: BenchSection = {
  name: 'queue-to-table',
  description:
    'staff-notifications: SendMessage → runtime poller → store-notification → inbox table, polled every 5 ms',
  run: async (context) => {
    const { runtime } = context;
    const clients = localClients(runtime);
    const publisher = sqsPublisher(clients.sqs, runtime.environment);
    const sequential = context.quick ? 10 : 50;
    const burst = context.quick ? 20 : 100;
    let sequence = 0;
    try {
      // Loads the consumer and warms both ends before anything is timed.
      for (let warm = 0; warm < 5; warm++) {
        const message = notificationMessage(benchNotification(sequence++));
        await publisher.publish(staffNotificationsQueue, message);
        await until('a warm-up message to be stored', () => isStored(runtime, clients, message.id));
      }

      const sendOnly: number[] = [];
      const endToEnd = await timeRepeatedly(sequential, async () => {
        const message = notificationMessage(benchNotification(sequence++));
        const started = performance.now();
        await publisher.publish(staffNotificationsQueue, message);
        sendOnly.push(performance.now() - started);
        await until('a message to be stored', () => isStored(runtime, clients, message.id));
      });

      const before = await storedInPartition(runtime, clients, benchPartition);
      const burstMessages = Array.from({ length: burst }, () =>
        notificationMessage(benchNotification(sequence++)),
      );
      const burstStarted = performance.now();
      await sendInBatches(runtime, clients, burstMessages);
      await until(
        `${burst} messages to be stored`,
        async () => (await storedInPartition(runtime, clients, benchPartition)) >= before + burst,
        { intervalMs: 20, timeoutMs: 60_000 },
      );
      const burstMs = performance.now() - burstStarted;

      const table = inboxTable(runtime);
      const putSamples = await timeRepeatedly(sequential, async (run) => {
        const message = notificationMessage(benchNotification(100_000 + run));
        await clients.dynamo.send(
          new PutCommand({
            TableName: table,
            Item: {
              pk: 'BENCH#PUT',
              sk: `NOTIFICATION#${message.occurredAt}#${message.id}`,
              id: message.id,
              ...message.data,
              correlationId: message.correlationId,
              createdAt: message.occurredAt,
            },
          }),
        );
      });

      const stored = distributionOf('message → stored (one at a time)', 'ms', endToEnd, {
        note: 'from SendMessage to the notification readable in the table',
      });
      const send = distributionOf('SendMessage alone', 'ms', sendOnly);
      const put = distributionOf('a plain PutItem of the same notification (baseline)', 'ms', putSamples);
      const burstMeasurement: Measurement = {
        name: `burst of ${burst} (SendMessageBatch) → all stored`,
        unit: 'ms',
        value: burstMs,
        figures: { messagesPerSecond: burst / (burstMs / 1000) },
      };
      return [stored, send, put, burstMeasurement, ratioOf('message → stored ÷ plain PutItem', stored, put)];
    } finally {
      clients.destroy();
    }
  },
};
