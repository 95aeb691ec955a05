import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localRegion } from '../../../infra/local/emulators.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { documents } from '../../../services/documents/manifest.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { home } from '../../../services/home/manifest.ts';
import {
  DocumentReady,
  DocumentRequested,
  documentRequestsQueue,
  documentTypes,
} from '../../../shared/contracts/documents.ts';
import { queueEnvName } from '../../../shared/manifest/names.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { platform } from '../../../shared/platform/manifest.ts';
import { signedInCookie, startTestRuntime } from '../../support/runtime.ts';
import { pdfsig, withOneByteChanged } from '../../unit/documents/support.ts';

/**
 * The "done when", against the whole local runtime (what `npm start` runs): a request for each
 * template produces a signed PDF in the local bucket, pdfsig calls it valid and totally signed, the verify
 * page accepts it, and rejects it once one byte is changed.
 */
let runtime: LocalRuntime;
let sqs: SQSClient;
const replyQueue = `documents-runtime-replies-${randomUUID().slice(0, 8)}`;
let replyQueueUrl = '';
const ready = new Map<string, DocumentReady>();

beforeAll(async () => {
  runtime = await startTestRuntime({ services: [platform, home, documents] });
  sqs = new SQSClient({
    endpoint: runtime.environment.AWS_ENDPOINT_URL_SQS,
    region: localRegion,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const created = await sqs.send(new CreateQueueCommand({ QueueName: replyQueue }));
  replyQueueUrl = (created.QueueUrl ?? '').replace(
    /^https?:\/\/[^/]+/,
    runtime.environment.AWS_ENDPOINT_URL_SQS ?? '',
  );
  process.env[queueEnvName(replyQueue)] = replyQueueUrl;

  for (const documentType of documentTypes) {
    const requestId = randomUUID();
    const message = createMessage(
      DocumentRequested,
      {
        requestId,
        requestingService: 'dvpn',
        caseId: `case-${documentType}`,
        replyTo: replyQueue,
        documentType,
        templateData: sampleTemplateData(documentType) as never,
      },
      { correlationId: `corr-${documentType}`, now: new Date() },
    );
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: runtime.environment[queueEnvName(documentRequestsQueue)],
        MessageBody: JSON.stringify(message),
      }),
    );
  }
  const deadline = Date.now() + 60_000;
  while (ready.size < documentTypes.length && Date.now() < deadline) {
    const received = await sqs.send(
      new ReceiveMessageCommand({ QueueUrl: replyQueueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }),
    );
    for (const message of received.Messages ?? []) {
      const reply = DocumentReady.parse(JSON.parse(message.Body ?? ''));
      ready.set(reply.data.documentType, reply);
    }
  }
}, 120_000);

afterAll(async () => {
  sqs?.destroy();
  await runtime?.stop();
});

const download = async (reply: DocumentReady): Promise<Buffer> => {
  const response = await fetch(`${runtime.url}${reply.data.downloadPath}`, {
    headers: { cookie: await signedInCookie(runtime, 'constable') },
  });
  expect(response.status).toBe(200);
  return Buffer.from(await response.arrayBuffer());
};

/** The verify page in the browser's way: GET for the form token and cookie, then the multipart POST. */
const verifyOnPage = async (pdf: Buffer): Promise<string> => {
  const session = await signedInCookie(runtime, 'constable');
  const page = await fetch(`${runtime.url}/documents/verify`, { headers: { cookie: session } });
  const html = await page.text();
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  const csrfCookie = (
    page.headers.getSetCookie().find((cookie) => cookie.startsWith('__Host-csrf=')) ?? ''
  ).split(';')[0];
  const form = new FormData();
  form.set('_csrf', token);
  form.set('reference', '');
  form.set('document', new Blob([pdf], { type: 'application/pdf' }), 'document.pdf');
  const response = await fetch(`${runtime.url}/documents/verify`, {
    method: 'POST',
    headers: { cookie: `${session}; ${csrfCookie}` },
    body: form,
  });
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
};

describe('Documents under the local runtime (issue "done when")', () => {
  it('answers a request for every template with document-ready', () => {
    expect([...ready.keys()].sort()).toEqual([...documentTypes].sort());
  });

  it.each(documentTypes)('%s: the stored PDF is valid and totally signed by pdfsig', async (documentType) => {
    const reply = ready.get(documentType);
    if (!reply) throw new Error(`No reply for ${documentType}`);

    const { output } = pdfsig(await download(reply));

    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Total document signed');
  });

  it.each(documentTypes)(
    '%s: the verify page accepts it, and rejects it after one byte is changed',
    async (documentType) => {
      const reply = ready.get(documentType);
      if (!reply) throw new Error(`No reply for ${documentType}`);
      const pdf = await download(reply);

      const accepted = await verifyOnPage(pdf);
      const rejected = await verifyOnPage(withOneByteChanged(pdf));

      expect(accepted).toContain(
        `This is a genuine document issued by Northshire Police (reference ${reply.data.documentId})`,
      );
      expect(rejected).toContain('Not genuine');
    },
  );

  it('npm run verify-pdf finds the running stack and calls a downloaded notice genuine', async () => {
    const reply = ready.get('dvpn-notice');
    if (!reply) throw new Error('No notice');
    const directory = mkdtempSync(join(tmpdir(), 'documents-verify-cli-'));
    try {
      const path = join(directory, 'notice.pdf');
      writeFileSync(path, await download(reply));

      const result = spawnSync('npx', ['tsx', 'services/documents/cli/verify-pdf.ts', path], {
        encoding: 'utf8',
        env: { ...process.env, ...runtime.environment },
      });

      expect(result.status).toBe(0);
      expect(result.stdout).toContain('GENUINE');
      expect(result.stdout).toContain(`It is identical, byte for byte, to document ${reply.data.documentId}`);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
