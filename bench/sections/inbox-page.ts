import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { distributionOf, ratioOf, timeRepeatedly } from '../stats.ts';
import { localClients } from '../support/local-clients.ts';
import {
  inboxTable,
  type NotificationInput,
  notificationMessage,
  sendInBatches,
  storedInPartition,
  until,
} from '../support/notifications.ts';
import { formSession, getPage, postForm, signedInCookie } from '../support/site.ts';
import type { BenchSection } from '../types.ts';

/** DC Aisha Khan, PPU constable, collar 3350 (infra/local/demo-staff.ts). */
const reader = { demoId: 'ppu-officer', collarNumber: '3350' } as const;
const groupPartition = 'AUDIENCE#GROUP#PPU#*';
const personalPartition = `AUDIENCE#PERSON#${reader.collarNumber}`;
const groupCount = 25;
const personalCount = 5;
const readCount = 10;

const seedNotifications = (): NotificationInput[] => [
  ...Array.from(
    { length: groupCount },
    (_, index): NotificationInput => ({
      audience: { kind: 'group', department: 'PPU', label: 'Public Protection Unit' },
      title: `Repeat incident OR-2026-${String(index).padStart(4, '0')} referred to the PPU`,
      body: 'Third report in 28 days for the same address.',
      link: `/staff/online-report/OR-2026-${String(index).padStart(4, '0')}`,
      priority: index % 5 === 0 ? 'urgent' : 'routine',
      requiresAcknowledgement: index % 5 === 0,
      source: { service: 'online-report', caseId: `OR-2026-${index}` },
    }),
  ),
  ...Array.from(
    { length: personalCount },
    (_, index): NotificationInput => ({
      audience: { kind: 'person', collarNumber: reader.collarNumber },
      title: `DVPN DV-2026-${String(index).padStart(4, '0')} authorised`,
      link: `/staff/dvpn/DV-2026-${index}`,
      source: { service: 'dvpn', caseId: `DV-2026-${index}` },
    }),
  ),
];

export const inboxPageSection: BenchSection = {
  name: 'inbox-page',
  description: `warm GET /staff/notifications, signed in, ${groupCount + personalCount} notifications of which ${readCount} read; one request at a time`,
  run: async (context) => {
    const { runtime } = context;
    const requests = context.quick ? 40 : 200;
    const warmUp = context.quick ? 10 : 50;
    const clients = localClients(runtime);
    try {
      const messages = seedNotifications().map((data, index) =>
        notificationMessage(data, new Date(Date.now() - (60 - index) * 60_000)),
      );
      const groupBefore = await storedInPartition(runtime, clients, groupPartition);
      const personalBefore = await storedInPartition(runtime, clients, personalPartition);
      await sendInBatches(runtime, clients, messages);
      await until(
        'the inbox to be seeded',
        async () =>
          (await storedInPartition(runtime, clients, groupPartition)) >= groupBefore + groupCount &&
          (await storedInPartition(runtime, clients, personalPartition)) >= personalBefore + personalCount,
        { intervalMs: 20, timeoutMs: 60_000 },
      );

      const cookie = await signedInCookie(runtime, reader.demoId);
      const inboxUrl = `${runtime.url}/staff/notifications`;
      const form = await formSession(runtime, '/staff/notifications', cookie);
      for (const message of messages.slice(0, readCount)) {
        const status = await postForm(`${runtime.url}/staff/notifications/${message.id}/read`, form.cookie, {
          _csrf: form.token,
        });
        if (status !== 303) throw new Error(`Marking a seeded notification read answered ${status}.`);
      }

      await timeRepeatedly(warmUp, () => getPage(inboxUrl, cookie));
      const inbox = distributionOf(
        'inbox page (token check, Queries + BatchGet, audit write, render)',
        'ms',
        await timeRepeatedly(requests, () => getPage(inboxUrl, cookie)),
      );

      const homeUrl = `${runtime.url}/`;
      await timeRepeatedly(warmUp, () => getPage(homeUrl));
      const home = distributionOf(
        'home page (public, no data: render only)',
        'ms',
        await timeRepeatedly(requests, () => getPage(homeUrl)),
      );

      const assetUrl = `${runtime.url}/assets/application.css`;
      await timeRepeatedly(warmUp, () => getPage(assetUrl));
      const asset = distributionOf(
        'a static asset (the local web server alone)',
        'ms',
        await timeRepeatedly(requests, () => getPage(assetUrl)),
      );

      const table = inboxTable(runtime);
      const query = () =>
        clients.dynamo.send(
          new QueryCommand({
            TableName: table,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': groupPartition, ':prefix': 'NOTIFICATION#' },
            ScanIndexForward: false,
            Limit: 100,
          }),
        );
      await timeRepeatedly(warmUp, query);
      const bareQuery = distributionOf(
        'a bare DynamoDB Query of the PPU partition (baseline)',
        'ms',
        await timeRepeatedly(requests, query),
      );

      return [
        inbox,
        home,
        asset,
        bareQuery,
        ratioOf('inbox page ÷ bare Query', inbox, bareQuery),
        ratioOf('inbox page ÷ home page', inbox, home),
        ratioOf('inbox page ÷ static asset', inbox, asset),
      ];
    } finally {
      clients.destroy();
    }
  },
};
