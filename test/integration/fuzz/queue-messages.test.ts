import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';
import { DocumentReady, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { tableEnvName } from '../../../shared/manifest/names.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { boundarySchemas } from '../../support/security/boundary-schemas.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import {
  consumedQueues,
  createReplyQueue,
  deadLetterUrlOf,
  depthOf,
  drain,
  eventually,
  queueUrlOf,
  sendBodies,
  sqsSafe,
} from '../../support/security/queues.ts';
import { breakages, generate } from '../../support/security/zod-arbitrary.ts';

/**
 * Poison messages on every consumer queue the manifests declare (ASVS 2.2.1; ARCHITECTURE.md "Messages"): each
 * queue gets a batch of generated messages that no consumer may accept (not JSON, JSON that is no envelope, an
 * unknown type, and every message contract broken in one place) mixed with valid ones. Through the local
 * runtime's real pollers, every invalid message must end in the queue's dead-letter queue after five receives,
 * and the valid ones beside them must be processed, once.
 */
const invalidPerQueue = 24;
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123);

let runtime: LocalRuntime;
let logs: LogCapture;
const queues = consumedQueues();
const sentInvalid = new Map<string, Set<string>>();
const deadLettered = new Map<string, Set<string>>();
const validNotifications: string[] = [];
const validDocumentRequests: string[] = [];
const replies: DocumentReady[] = [];
const replyQueue = `fuzz-document-replies-${randomUUID().slice(0, 8)}`;

const messageSchemas = (await boundarySchemas()).filter((one) => one.message);

/** Messages no consumer may take, of every kind the consumer wrapper distinguishes. */
const invalidBodies = (count: number, runSeed: number): string[] => {
  const brokenContracts = fc.constantFrom(...messageSchemas).chain(({ schema }) =>
    generate(schema)
      .valid.map((value) => breakages(schema, value))
      .filter((variants) => variants.length > 0)
      .chain((variants) => fc.constantFrom(...variants)),
  );
  const unknownType = generate(AnyEnvelope).valid.map((value) => ({
    ...(value as object),
    type: `no-such-message-${randomUUID().slice(0, 6)}`,
  }));
  const body = fc.oneof(
    fc.string({ minLength: 1, maxLength: 200 }).filter((text) => !isJson(text)),
    fc
      .jsonValue()
      .filter((value) => !AnyEnvelope.safeParse(value).success)
      .map((value) => JSON.stringify(value)),
    unknownType.map((value) => JSON.stringify(value)),
    { arbitrary: brokenContracts.map((value) => JSON.stringify(value)), weight: 4 },
  );
  return [...new Set(fc.sample(body, { numRuns: count * 2, seed: runSeed }).map(sqsSafe))].slice(0, count);
};

const isJson = (text: string): boolean => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog, failedMessageDelaySeconds: 1 });
  const replyQueueUrl = await createReplyQueue(replyQueue);

  for (const [index, { queue }] of queues.entries()) {
    const invalid = invalidBodies(invalidPerQueue, seed + index);
    sentInvalid.set(queue, new Set(invalid));
    const valid: string[] = [];
    if (queue === 'staff-notifications') {
      for (const message of fc.sample(generate(StaffNotificationRequested).valid, { numRuns: 10, seed })) {
        const parsed = StaffNotificationRequested.parse(message);
        validNotifications.push(parsed.id);
        valid.push(JSON.stringify(parsed));
      }
    }
    if (queue === 'document-requests') {
      for (const documentType of ['dvpn-notice', 'restricted-case-access-report'] as const) {
        const requestId = randomUUID();
        validDocumentRequests.push(requestId);
        valid.push(
          JSON.stringify(
            DocumentRequested.parse({
              type: 'document-requested',
              version: 1,
              id: requestId,
              occurredAt: new Date().toISOString(),
              correlationId: `fuzz-${requestId.slice(0, 8)}`,
              data: {
                requestId,
                requestingService: 'dvpn',
                caseId: `fuzz-${requestId.slice(0, 8)}`,
                replyTo: replyQueue,
                documentType,
                templateData: sampleTemplateData(documentType),
              },
            }),
          ),
        );
      }
    }
    // Interleaved, so valid messages share their batches with poison.
    const mixed = fc.sample(
      fc.shuffledSubarray([...invalid, ...valid], { minLength: invalid.length + valid.length }),
      {
        numRuns: 1,
        seed,
      },
    )[0];
    await sendBodies(queueUrlOf(queue), mixed ?? []);
  }

  await eventually(
    async () => {
      for (const { queue } of queues) {
        const seen = deadLettered.get(queue) ?? new Set<string>();
        for (const message of await drain(deadLetterUrlOf(queue))) seen.add(message.Body ?? '');
        deadLettered.set(queue, seen);
      }
      for (const message of await drain(replyQueueUrl))
        replies.push(DocumentReady.parse(JSON.parse(message.Body ?? '')));
      return (
        queues.every(({ queue }) =>
          [...(sentInvalid.get(queue) ?? [])].every((body) => deadLettered.get(queue)?.has(body)),
        ) && replies.length >= validDocumentRequests.length
      );
    },
    120_000,
    1_000,
  );
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
  const total = [...sentInvalid.values()].reduce((sum, bodies) => sum + bodies.size, 0);
  logs?.report(
    `[fuzz] queues: ${queues.length} consumer queues, ${total} generated invalid messages, ` +
      `${[...deadLettered.values()].reduce((sum, bodies) => sum + bodies.size, 0)} in dead-letter queues, ` +
      `${validNotifications.length + validDocumentRequests.length} valid messages beside them; seed ${seed}`,
  );
  logs?.restore();
});

describe('Invalid queue messages reach the dead-letter queue and the rest of the batch goes through', () => {
  it.each(queues.map((one) => [`${one.queue} (${one.service}.${one.handler})`, one] as const))(
    '%s: every generated invalid message is dead-lettered after five receives, and nothing is left behind',
    async (_, { queue }) => {
      const missing = [...(sentInvalid.get(queue) ?? [])].filter(
        (body) => !deadLettered.get(queue)?.has(body),
      );

      expect({ missing: missing.length, left: await depthOf(queueUrlOf(queue)) }).toEqual({
        missing: 0,
        left: 0,
      });
    },
  );

  it('the valid staff notifications in those batches are each stored once, and none is dead-lettered', async () => {
    const table = process.env[tableEnvName('notifications', 'inbox')] ?? '';
    const stored = await Promise.all(
      validNotifications.map(async (id) => {
        const found = await dynamoDocumentClient().send(
          new GetCommand({ TableName: table, Key: { pk: `NOTIFICATION#${id}`, sk: 'NOTIFICATION' } }),
        );
        return found.Item !== undefined;
      }),
    );
    const deadIds = [...(deadLettered.get('staff-notifications') ?? [])].flatMap((body) => {
      const parsed = AnyEnvelope.safeParse(safeJson(body));
      return parsed.success ? [parsed.data.id] : [];
    });

    expect([stored.every(Boolean), validNotifications.filter((id) => deadIds.includes(id))]).toEqual([
      true,
      [],
    ]);
  });

  it('the valid document requests in those batches are each answered with a signed document', () => {
    const answered = new Set(replies.map((reply) => reply.data.requestId));

    expect(validDocumentRequests.filter((id) => !answered.has(id))).toEqual([]);
  });
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
