import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { PurgeQueueCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DocumentReply,
  DocumentRequested,
  type DocumentType,
  documentRequestsQueue,
  documentTypes,
} from '../../../shared/contracts/documents.ts';
import { bucketEnvName, deadLetterQueueName, queueEnvName } from '../../../shared/manifest/names.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { pdfsig } from '../../unit/documents/support.ts';
import { createTestQueue, deliverOnce, deliverUntilEmpty, drain } from '../messaging/queue-driver.ts';

const keyDirectory = mkdtempSync(join(tmpdir(), 'documents-integration-keys-'));
const environment = useLocalEnvironment({
  FORCE_NAME: 'Northshire Police',
  SIGNER: 'local',
  SIGNING_KEY_DIR: keyDirectory,
});
const sqs = new SQSClient({});
const s3 = new S3Client({ forcePathStyle: true });
const { handler } = await import('../../../services/documents/handlers/issue-document.ts');
const { sampleTemplateData } = await import('../../../services/documents/sample-data.ts');
const { documentRegister } = await import('../../../services/documents/adapters/composition.ts');

afterAll(() => rmSync(keyDirectory, { recursive: true, force: true }));

const requestsUrl = environment[queueEnvName(documentRequestsQueue)] ?? '';
const requestsDeadLetterUrl = environment[queueEnvName(deadLetterQueueName(documentRequestsQueue))] ?? '';
const bucket = environment[bucketEnvName('documents', 'signed')] ?? '';

let replies: Awaited<ReturnType<typeof createTestQueue>>;

// The request queues are shared with other files' tests, which may leave requests behind; this file's
// deliveries must see only its own.
beforeAll(async () => {
  await sqs.send(new PurgeQueueCommand({ QueueUrl: requestsUrl }));
  await sqs.send(new PurgeQueueCommand({ QueueUrl: requestsDeadLetterUrl }));
});

beforeEach(async () => {
  replies = await createTestQueue(sqs, 'documents-replies');
  process.env[queueEnvName(replies.name)] = replies.url;
});

const request = (documentType: DocumentType, requestId = randomUUID()) =>
  createMessage(
    DocumentRequested,
    {
      requestId,
      requestingService: 'dvpn',
      caseId: `case-${requestId.slice(0, 8)}`,
      replyTo: replies.name,
      documentType,
      templateData: sampleTemplateData(documentType) as never,
    },
    { correlationId: `corr-${requestId.slice(0, 8)}`, now: new Date() },
  );

const send = async (message: unknown) => {
  await sqs.send(new SendMessageCommand({ QueueUrl: requestsUrl, MessageBody: JSON.stringify(message) }));
};

const receivedReplies = async (): Promise<DocumentReply[]> =>
  (await drain(sqs, replies.url)).map((message) => DocumentReply.parse(JSON.parse(message.Body ?? '')));

const storedPdf = async (documentId: string): Promise<Buffer> => {
  const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: documentId }));
  return Buffer.from((await object.Body?.transformToByteArray()) ?? []);
};

describe('documents.issue-document: document-requested → signed PDF in the bucket → document-ready (issue §4)', () => {
  it.each(documentTypes)(
    '%s: stored signed (pdfsig valid, total), recorded with its hash, answered',
    async (documentType) => {
      await send(request(documentType));

      const delivery = await deliverOnce(sqs, requestsUrl, handler);

      expect(delivery?.response.batchItemFailures).toEqual([]);
      const [reply] = await receivedReplies();
      if (reply?.type !== 'document-ready') throw new Error(`Expected document-ready, got ${reply?.type}`);
      const pdf = await storedPdf(reply.data.documentId);
      const { output } = pdfsig(pdf);
      expect(output).toContain('Signature is Valid.');
      expect(output).toContain('Total document signed');
      const sha256 = createHash('sha256').update(pdf).digest('hex');
      expect(reply.data.sha256).toBe(sha256);
      expect(await documentRegister().findById(reply.data.documentId)).toMatchObject({
        documentType,
        requestingService: 'dvpn',
        sha256,
      });
    },
  );

  it('the same request sent again makes no second document and gets the same reply', async () => {
    const requestId = randomUUID();
    await send(request('dvpn-notice', requestId));
    await deliverOnce(sqs, requestsUrl, handler);
    const [first] = await receivedReplies();

    await send(request('dvpn-notice', requestId));
    await deliverOnce(sqs, requestsUrl, handler);
    const [second] = await receivedReplies();

    expect(second).toEqual(first);
    const documentId = first?.type === 'document-ready' ? first.data.documentId : '';
    const listing = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: documentId }));
    expect(listing.KeyCount).toBe(1);
  });

  it('template data that fails its schema: the requester is told, the request ends in the DLQ', async () => {
    const valid = request('dvpn-notice');
    // As a sender built against another edition of the schema would send it: createMessage would refuse it.
    const refused = {
      ...valid,
      data: { ...valid.data, templateData: { ...valid.data.templateData, court: '' } },
    };
    await send(refused);

    await deliverUntilEmpty(sqs, requestsUrl, handler);

    const answers = await receivedReplies();
    expect(answers.length).toBeGreaterThanOrEqual(1);
    expect(new Set(answers.map((answer) => answer.id)).size).toBe(1);
    expect(answers[0]).toMatchObject({
      type: 'document-failed',
      data: { reason: 'invalid-template-data', fieldErrors: [{ path: 'court' }] },
    });
    const dead = await drain(sqs, requestsDeadLetterUrl);
    expect(dead.map((message) => JSON.parse(message.Body ?? '{}').id)).toContain(refused.id);
  });
});
