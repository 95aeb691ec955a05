import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type * as z from 'zod';
import { MissingConfigurationError, readConfig, required } from '../config/env.ts';
import { AnyEnvelope, type EnvelopeSchema, messageKind } from '../contracts/envelope.ts';
import { tableEnvName } from '../manifest/names.ts';
import { inCorrelationScope, isSafeCorrelationId, setCorrelationId } from '../observability/correlation.ts';
import { InvalidMessageError, issuePaths } from './errors.ts';
import { defaultMessagingLogger, describeError, type MessagingLogger } from './log.ts';

type Schemas = EnvelopeSchema | readonly EnvelopeSchema[];

/** The message type a consumer receives: the output of its schema, or the union of its schemas' outputs. */
export type MessageOf<S extends Schemas> = S extends readonly (infer Each extends EnvelopeSchema)[]
  ? z.output<Each>
  : S extends EnvelopeSchema
    ? z.output<S>
    : never;

export interface MessageContext {
  readonly lambdaContext: Context;
  /** The SQS message id (not the envelope id): differs between two sends of the same envelope. */
  readonly sqsMessageId: string;
  /** How many times SQS has delivered this message, this delivery included. */
  readonly receiveCount: number;
  readonly logger: MessagingLogger;
}

export interface ConsumerOptions<S extends Schemas> {
  /** `<service>.<handler>`, e.g. `notifications.store-notification`: names the consumer in logs and idempotency keys. */
  readonly name: string;
  readonly schemas: S;
  /** Handles one valid message. Throw to fail it (it is retried, then dead-lettered); errors need safe messages. */
  readonly handle: (message: MessageOf<S>, context: MessageContext) => Promise<void>;
  /**
   * Record each envelope id in the platform idempotency table, so a redelivered message is not handled
   * again. Leave off when `handle` is idempotent by itself (e.g. a conditional put keyed on the id).
   */
  readonly idempotency?: boolean;
  readonly logger?: MessagingLogger;
}

export type SqsConsumer = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;

/** Longer than SQS keeps any message (14 days at most), so no redelivery outlives its idempotency record. */
const idempotencyWindowSeconds = 15 * 24 * 60 * 60;

const idempotencyTableEnv = tableEnvName('platform', 'idempotency');

const EnvelopeHead = AnyEnvelope.pick({ type: true, version: true });

/** A type read from a refused message is only logged when it looks like one of ours. */
const loggableKind = (type: string, version: number): string | undefined =>
  /^[a-z0-9-]{1,80}$/.test(type) ? messageKind(type, version) : undefined;

const parseBody = (body: string, byKind: ReadonlyMap<string, EnvelopeSchema>): AnyEnvelope => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw new InvalidMessageError('not-json');
  }
  const head = EnvelopeHead.safeParse(json);
  if (!head.success) throw new InvalidMessageError('not-an-envelope', issuePaths(head.error.issues));
  const kind = messageKind(head.data.type, head.data.version);
  const schema = byKind.get(kind);
  if (!schema) {
    throw new InvalidMessageError('unknown-type', [], loggableKind(head.data.type, head.data.version));
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new InvalidMessageError('schema', issuePaths(parsed.error.issues), kind);
  return parsed.data;
};

/** A duplicate delivery handled at the same moment by another invocation: it comes back, finds it done. */
const isInProgressElsewhere = (error: unknown): boolean =>
  error instanceof Error && error.name === 'IdempotencyAlreadyInProgressError';

/** The correlation id is left to the scope (`correlation_id`), which only ever holds a safe one. */
const describeMessage = (message: AnyEnvelope) => ({
  messageId: message.id,
  type: message.type,
  version: message.version,
});

const describeFailure = (error: unknown): string => {
  if (error instanceof InvalidMessageError) return 'Message refused';
  if (isInProgressElsewhere(error)) return 'Message already being handled; returned to the queue';
  return 'Message failed';
};

const makeIdempotentHandle = <S extends Schemas>(
  name: string,
  handle: ConsumerOptions<S>['handle'],
): { run: ConsumerOptions<S>['handle']; config: IdempotencyConfig } => {
  const tableName = readConfig({ [idempotencyTableEnv]: required() })[idempotencyTableEnv];
  if (!tableName) throw new MissingConfigurationError([idempotencyTableEnv]);
  const config = new IdempotencyConfig({
    eventKeyJmesPath: 'id',
    throwOnNoIdempotencyKey: true,
    // The same id with different data is a sender bug; failing it sends it to the DLQ to be looked at.
    payloadValidationJmesPath: 'data',
    expiresAfterSeconds: idempotencyWindowSeconds,
  });
  const run = makeIdempotent(handle, {
    persistenceStore: new DynamoDBPersistenceLayer({ tableName }),
    config,
    keyPrefix: name,
  });
  return { run, config };
};

/**
 * Wraps a message handler as an SQS Lambda handler: each record is parsed against the consumer's
 * schemas and handled on its own; the records that fail are reported as partial batch failures so
 * only they return to the queue (and after `maxReceiveCount` receives go to the DLQ), while the rest
 * of the batch completes.
 */
export const sqsConsumer = <const S extends Schemas>(options: ConsumerOptions<S>): SqsConsumer => {
  const logger = options.logger ?? defaultMessagingLogger();
  const schemas: readonly EnvelopeSchema[] = Array.isArray(options.schemas)
    ? options.schemas
    : [options.schemas as EnvelopeSchema];
  const byKind = new Map(
    schemas.map((schema) => [messageKind(schema.shape.type.value, schema.shape.version.value), schema]),
  );
  const idempotent = options.idempotency ? makeIdempotentHandle(options.name, options.handle) : undefined;
  const run = idempotent?.run ?? options.handle;

  return async (event, lambdaContext) => {
    if (typeof lambdaContext?.getRemainingTimeInMillis === 'function') {
      // Lets an in-progress idempotency record expire with this invocation if it times out mid-message.
      idempotent?.config.registerLambdaContext(lambdaContext);
    }
    const handleRecord = (record: SQSRecord): Promise<void> =>
      inCorrelationScope(() => handleInScope(record));
    const handleInScope = async (record: SQSRecord): Promise<void> => {
      const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? '1');
      const base = { consumer: options.name, sqsMessageId: record.messageId, receiveCount };
      let message: AnyEnvelope | undefined;
      try {
        message = parseBody(record.body, byKind);
        // Log lines and the messages this one causes carry its correlation id.
        if (isSafeCorrelationId(message.correlationId)) setCorrelationId(message.correlationId);
        await run(message as MessageOf<S>, {
          lambdaContext,
          sqsMessageId: record.messageId,
          receiveCount,
          logger,
        });
        logger.info('Message handled', { ...base, ...describeMessage(message) });
      } catch (error) {
        const log = isInProgressElsewhere(error) ? logger.warn.bind(logger) : logger.error.bind(logger);
        log(describeFailure(error), {
          ...base,
          ...(message ? describeMessage(message) : {}),
          ...(error instanceof InvalidMessageError
            ? { reason: error.reason, kind: error.kind, issues: error.issuePaths }
            : describeError(error)),
        });
        throw error;
      }
    };
    return processPartialResponse(event, handleRecord, new BatchProcessor(EventType.SQS), {
      context: lambdaContext,
      // A batch that fails whole is reported like any other, so every failure path looks the same to SQS.
      throwOnFullBatchFailure: false,
    });
  };
};
