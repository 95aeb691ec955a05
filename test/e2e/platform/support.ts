import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type * as z from 'zod';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  type StaffNotificationData,
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../../shared/contracts/staff-notification.ts';
import { createMessage, sqsPublisher } from '../../../shared/messaging/publish.ts';
import { expectNoAxeViolations } from '../../support/browser.ts';
import { startTestRuntime } from '../../support/runtime.ts';

/** Everyone in the Public Protection Unit, whatever their rank: how a service addresses the PPU. */
export const ppuAudience = {
  kind: 'group',
  department: 'PPU',
  label: 'Public Protection Unit',
} as const satisfies z.input<typeof StaffNotificationData>['audience'];

const required = (environment: Readonly<Record<string, string>>, name: string): string => {
  const value = environment[name];
  if (!value) throw new Error(`The runtime's environment has no ${name}.`);
  return value;
};

export interface NotificationSender {
  /** Publishes a StaffNotificationRequested to the real queue, as a service would; resolves to its id. */
  send(data: z.input<typeof StaffNotificationData>, sentAt?: Date): Promise<string>;
  /** Resolves once the runtime's consumer has stored the notification (its lookup item exists). */
  waitUntilStored(id: string, timeoutMs?: number): Promise<void>;
  close(): void;
}

/**
 * Sends staff notifications the way a service does (shared/messaging's SQS publisher, the runtime's queue
 * URL) and watches the inbox table for what the runtime's queue poller and `store-notification` did.
 */
export const notificationSender = (runtime: LocalRuntime): NotificationSender => {
  const environment = runtime.environment;
  const region = required(environment, 'AWS_REGION');
  const credentials = {
    accessKeyId: required(environment, 'AWS_ACCESS_KEY_ID'),
    secretAccessKey: required(environment, 'AWS_SECRET_ACCESS_KEY'),
  };
  const sqs = new SQSClient({ endpoint: required(environment, 'AWS_ENDPOINT_URL_SQS'), region, credentials });
  const dynamo = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: required(environment, 'AWS_ENDPOINT_URL_DYNAMODB'), region, credentials }),
  );
  const inboxTable = required(environment, 'TABLE_NOTIFICATIONS_INBOX');
  const publisher = sqsPublisher(sqs, environment);

  return {
    send: async (data, sentAt = new Date()) => {
      const message = createMessage(StaffNotificationRequested, data, {
        correlationId: `e2e-${Date.now()}`,
        now: sentAt,
      });
      await publisher.publish(staffNotificationsQueue, message);
      return message.id;
    },
    waitUntilStored: async (id, timeoutMs = 15_000) => {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const { Item } = await dynamo.send(
          new GetCommand({
            TableName: inboxTable,
            Key: { pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' },
            ConsistentRead: true,
          }),
        );
        if (Item) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`Notification ${id} was not stored within ${timeoutMs} ms.`);
    },
    close: () => {
      sqs.destroy();
      dynamo.destroy();
    },
  };
};

/**
 * The whole runtime for one test file, with the handlers' own log lines quiet (warnings and errors only)
 * unless POWERTOOLS_LOG_LEVEL says otherwise.
 */
export const startPlatformRuntime = (): Promise<LocalRuntime> =>
  startTestRuntime({
    shell: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
  });

export interface SignedPdfDownload {
  /** The runtime's base URL, which the link's href is relative to. */
  readonly runtimeUrl: string;
  /** The download link's accessible name, e.g. `Download the signed notice (PDF)`. */
  readonly linkName: string;
  /** The test's downloads folder and the file name to keep the PDF under there. */
  readonly downloads: string;
  readonly fileName: string;
}

/**
 * Waits for a signed PDF's download link (the documents service signs in the background, so the page is
 * reloaded until the link appears), fetches it as the signed-in person, keeps it in the downloads folder and
 * has poppler's `pdfsig` judge it. A signature is only sound when pdfsig calls it valid and says it covers
 * the total document: a valid signature over part of the file would let bytes be added after signing.
 * Resolves to pdfsig's report so a caller can assert more.
 */
export const downloadSignedPdf = async (page: Page, download: SignedPdfDownload): Promise<string> => {
  const link = page.getByRole('link', { name: download.linkName });
  for (let attempt = 0; attempt < 40 && (await link.count()) === 0; attempt++) {
    await page.waitForTimeout(500);
    await page.reload();
  }
  expect(await link.count()).toBe(1);
  await expectNoAxeViolations(page);
  const href = (await link.getAttribute('href')) ?? '';
  const pdf = await page.request.get(`${download.runtimeUrl}${href}`);
  expect(pdf.status()).toBe(200);
  expect(pdf.headers()['content-type']).toContain('application/pdf');
  const file = join(download.downloads, download.fileName);
  writeFileSync(file, await pdf.body());
  return expectSoundSignature(file);
};

/**
 * Has poppler's `pdfsig` judge a downloaded PDF: one signature, valid, over the total document. Resolves to
 * pdfsig's report so a caller can assert more.
 */
export const expectSoundSignature = (file: string): string => {
  const report = execFileSync('pdfsig', [file], { encoding: 'utf8' });
  expect(report).toContain('Signature #1');
  expect(report).toContain('Signature is Valid.');
  expect(report).toContain('Total document signed');
  return report;
};
