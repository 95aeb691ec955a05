import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { MissingConfigurationError } from '../../../shared/config/env.ts';
import { envelopeOf } from '../../../shared/contracts/envelope.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { currentCorrelationId } from '../../../shared/observability/correlation.ts';
import { lambdaContext, recordingLogger, sqsEvent, sqsRecord } from './fixtures.ts';

const now = new Date('2026-03-01T10:00:00.000Z');
const CaseClosed = envelopeOf('case-closed', 1, z.object({ caseId: z.string() }));

const notificationMessage = (title: string) =>
  createMessage(
    StaffNotificationRequested,
    { audience: { kind: 'person', collarNumber: 'PC1' }, title, source: { service: 'test' } },
    { correlationId: 'corr-1', now },
  );

const collectingConsumer = (logger = recordingLogger()) => {
  const handled: string[] = [];
  const handler = sqsConsumer({
    name: 'test.collect',
    schemas: [StaffNotificationRequested, CaseClosed],
    logger,
    handle: async (message) => {
      handled.push(message.type === 'case-closed' ? message.data.caseId : message.data.title);
    },
  });
  return { handler, handled, logger };
};

describe('Messaging: consumer batches (ARCHITECTURE "Messages": a poison message stops nothing else)', () => {
  it('handles every valid record and reports no failures', async () => {
    const { handler, handled } = collectingConsumer();
    const event = sqsEvent(
      sqsRecord('m1', JSON.stringify(notificationMessage('first'))),
      sqsRecord('m2', JSON.stringify(notificationMessage('second'))),
    );

    const response = await handler(event, lambdaContext());

    expect(response.batchItemFailures).toEqual([]);
    expect(handled.sort()).toEqual(['first', 'second']);
  });

  it('dispatches each record to the schema of its type', async () => {
    const { handler, handled } = collectingConsumer();
    const closed = createMessage(CaseClosed, { caseId: 'C-9' }, { correlationId: 'c', now });

    await handler(sqsEvent(sqsRecord('m1', JSON.stringify(closed))), lambdaContext());

    expect(handled).toEqual(['C-9']);
  });

  it.each([
    ['a body that is not JSON', '{not json', 'not-json'],
    ['JSON that is no envelope', JSON.stringify({ hello: 'world' }), 'not-an-envelope'],
    [
      'a type the consumer does not take',
      JSON.stringify({ ...notificationMessage('x'), type: 'other-thing' }),
      'unknown-type',
    ],
    [
      'a version the consumer does not take',
      JSON.stringify({ ...notificationMessage('x'), version: 2 }),
      'unknown-type',
    ],
    [
      'data its schema refuses',
      JSON.stringify({
        ...notificationMessage('x'),
        data: { audience: { kind: 'person' }, title: 'x', source: { service: 's' } },
      }),
      'schema',
    ],
  ])('fails only the record with %s, and handles the rest', async (_case, body, reason) => {
    const { handler, handled, logger } = collectingConsumer();
    const event = sqsEvent(
      sqsRecord('good-1', JSON.stringify(notificationMessage('good one'))),
      sqsRecord('bad', body),
      sqsRecord('good-2', JSON.stringify(notificationMessage('good two'))),
    );

    const response = await handler(event, lambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'bad' }]);
    expect(handled.sort()).toEqual(['good one', 'good two']);
    expect(logger.lines.find((line) => line.level === 'error')?.attributes).toMatchObject({
      reason,
      sqsMessageId: 'bad',
    });
  });

  it('logs a refused message by issue path only, never its values (no personal data in logs)', async () => {
    const { handler, logger } = collectingConsumer();
    const message = notificationMessage('x');
    const body = JSON.stringify({
      ...message,
      data: { ...message.data, audience: { kind: 'person', collarNumber: 12345 }, title: 'Jane Doe' },
    });

    await handler(sqsEvent(sqsRecord('bad', body)), lambdaContext());

    const line = logger.lines.find((entry) => entry.level === 'error');
    expect(line?.attributes.issues).toEqual(['data.audience.collarNumber']);
    expect(JSON.stringify(logger.lines)).not.toMatch(/Jane Doe|12345/);
  });

  it('a handler that throws fails its record only, so SQS redelivers just that one', async () => {
    const logger = recordingLogger();
    const handler = sqsConsumer({
      name: 'test.flaky',
      schemas: StaffNotificationRequested,
      logger,
      handle: async (message) => {
        if (message.data.title === 'boom') throw new Error('downstream unavailable');
      },
    });

    const response = await handler(
      sqsEvent(
        sqsRecord('ok', JSON.stringify(notificationMessage('fine'))),
        sqsRecord('fails', JSON.stringify(notificationMessage('boom'))),
      ),
      lambdaContext(),
    );

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'fails' }]);
  });

  it('a batch that fails whole is reported record by record rather than thrown', async () => {
    const { handler } = collectingConsumer();

    const response = await handler(sqsEvent(sqsRecord('a', 'nope'), sqsRecord('b', 'nope')), lambdaContext());

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'a' }, { itemIdentifier: 'b' }]);
  });

  it('handles each message under its correlation id, so its log lines and the messages it causes carry it', async () => {
    const seen: (string | undefined)[] = [];
    const handler = sqsConsumer({
      name: 'test.correlation',
      schemas: StaffNotificationRequested,
      logger: recordingLogger(),
      handle: async () => {
        seen.push(currentCorrelationId());
      },
    });
    const message = createMessage(
      StaffNotificationRequested,
      { audience: { kind: 'person', collarNumber: 'PC1' }, title: 't', source: { service: 's' } },
      { correlationId: 'request-0001', now },
    );

    await handler(sqsEvent(sqsRecord('m1', JSON.stringify(message))), lambdaContext());

    expect(seen).toEqual(['request-0001']);
  });

  it('a consumer that asks for idempotency fails at start-up, naming the variable, when the table is not configured', () => {
    const variable = 'TABLE_PLATFORM_IDEMPOTENCY';
    const saved = process.env[variable];
    delete process.env[variable];
    try {
      const make = () =>
        sqsConsumer({
          name: 'test.no-table',
          schemas: StaffNotificationRequested,
          idempotency: true,
          handle: async () => {},
        });

      expect(make).toThrow(MissingConfigurationError);
      expect(make).toThrow(variable);
    } finally {
      if (saved !== undefined) process.env[variable] = saved;
    }
  });
});
