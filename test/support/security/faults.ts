import {
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import { S3ServiceException } from '@aws-sdk/client-s3';
import { SQSServiceException } from '@aws-sdk/client-sqs';
import { auditTableEnvName } from '../../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient, s3Client, sqsClient } from '../../../shared/aws/clients.ts';

/**
 * Faults put into the real AWS SDK clients every handler in this process shares (shared/aws/clients.ts), as
 * SDK middleware: the handlers run unchanged and meet what AWS does on a bad day. Each fault is counted.
 *
 * - `throttled`: a DynamoDB call refused before it reaches the table (ProvisionedThroughputExceeded), as when a
 *   table is throttled; the SDK's own retries are past, so the handler sees it.
 * - `auditRace`: an audit append refused as if another writer had moved the chain's head first (a lost race).
 * - `answerLost`: a DynamoDB write that landed, but whose answer never came back (a timeout, or the function
 *   killed straight after its write): the handler believes it failed and is run again.
 * - `messageLost`: a SendMessage that never happened (the function killed between its write and its message).
 * - `duplicated`: every message sent is sent a second time (SQS's at-least-once delivery, at its worst).
 * - `storageDown`: every S3 call refused while the documents service's storage is "down".
 */
export type FaultKind =
  | 'throttled'
  | 'auditRace'
  | 'answerLost'
  | 'messageLost'
  | 'duplicated'
  | 'storageDown';

export interface FaultPlan {
  throttleRate: number;
  auditRaceRate: number;
  answerLostRate: number;
  messageLostRate: number;
  duplicateEveryMessage: boolean;
  storageDown: boolean;
}

export const calmPlan: FaultPlan = {
  throttleRate: 0,
  auditRaceRate: 0,
  answerLostRate: 0,
  messageLostRate: 0,
  duplicateEveryMessage: false,
  storageDown: false,
};

/** A small seeded generator, so a failing run can be repeated with the same faults in the same places. */
const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};

interface CommandInput {
  readonly TableName?: string;
  readonly TransactItems?: readonly Record<string, { readonly TableName?: string } | undefined>[];
}

const tablesOf = (input: CommandInput): string[] => [
  ...(input.TableName ? [input.TableName] : []),
  ...(input.TransactItems ?? []).flatMap((item) =>
    Object.values(item).flatMap((operation) => (operation?.TableName ? [operation.TableName] : [])),
  ),
];

const isWrite = (command: string): boolean => /^(Put|Update|Delete|TransactWrite|BatchWrite)/.test(command);

type Handler = (args: { input: unknown }) => Promise<unknown>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface Stack {
  add(middleware: Middleware, options: { step: 'initialize'; name: string; override?: boolean }): void;
  remove(name: string): boolean;
}

const names = { dynamo: 'test-fault-dynamo', sqs: 'test-fault-sqs', s3: 'test-fault-s3' } as const;

export interface FaultInjector {
  readonly counts: Readonly<Record<FaultKind, number>>;
  readonly total: () => number;
  /** Changes what is injected from now on. */
  set(plan: Partial<FaultPlan>): void;
  /** Takes every fault out of the clients. */
  remove(): void;
}

export const injectFaults = (seed: number): FaultInjector => {
  const random = seededRandom(seed);
  const plan: FaultPlan = { ...calmPlan };
  const counts: Record<FaultKind, number> = {
    throttled: 0,
    auditRace: 0,
    answerLost: 0,
    messageLost: 0,
    duplicated: 0,
    storageDown: 0,
  };

  const dynamoFaults: Middleware = (next, context) => async (args) => {
    const command = (context.commandName ?? '').replace(/Command$/, '');
    const input = (args.input ?? {}) as CommandInput;
    if (random() < plan.throttleRate) {
      counts.throttled += 1;
      throw new ProvisionedThroughputExceededException({
        message: 'Injected: the request rate is too high',
        $metadata: { httpStatusCode: 400 },
      });
    }
    const auditTable = process.env[auditTableEnvName];
    if (
      command.startsWith('TransactWrite') &&
      auditTable &&
      tablesOf(input).includes(auditTable) &&
      random() < plan.auditRaceRate
    ) {
      counts.auditRace += 1;
      throw new TransactionCanceledException({
        message: 'Injected: another writer appended first',
        $metadata: { httpStatusCode: 400 },
        CancellationReasons: (input.TransactItems ?? []).map(() => ({ Code: 'ConditionalCheckFailed' })),
      });
    }
    const result = await next(args);
    if (isWrite(command) && random() < plan.answerLostRate) {
      counts.answerLost += 1;
      const timeout = new Error('Injected: the write landed but its answer was lost');
      timeout.name = 'TimeoutError';
      throw timeout;
    }
    return result;
  };

  const sqsFaults: Middleware = (next, context) => async (args) => {
    const command = context.commandName ?? '';
    if (!command.startsWith('SendMessage')) return next(args);
    if (random() < plan.messageLostRate) {
      counts.messageLost += 1;
      throw new SQSServiceException({
        name: 'ServiceUnavailable',
        $fault: 'server',
        message: 'Injected: the process stopped before its message was sent',
        $metadata: { httpStatusCode: 503 },
      });
    }
    const result = await next(args);
    if (plan.duplicateEveryMessage) {
      await next(args);
      const entries = (args.input as { Entries?: readonly unknown[] }).Entries;
      counts.duplicated += entries ? entries.length : 1;
    }
    return result;
  };

  const s3Faults: Middleware = (next) => async (args) => {
    if (plan.storageDown) {
      counts.storageDown += 1;
      throw new S3ServiceException({
        name: 'ServiceUnavailable',
        $fault: 'server',
        message: 'Injected: storage is down',
        $metadata: { httpStatusCode: 503 },
      });
    }
    return next(args);
  };

  const stacks = {
    dynamo: dynamoDocumentClient().middlewareStack as unknown as Stack,
    sqs: sqsClient().middlewareStack as unknown as Stack,
    s3: s3Client().middlewareStack as unknown as Stack,
  };
  stacks.dynamo.add(dynamoFaults, { step: 'initialize', name: names.dynamo, override: true });
  stacks.sqs.add(sqsFaults, { step: 'initialize', name: names.sqs, override: true });
  stacks.s3.add(s3Faults, { step: 'initialize', name: names.s3, override: true });

  return {
    counts,
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    set: (changes) => Object.assign(plan, changes),
    remove: () => {
      Object.assign(plan, calmPlan);
      stacks.dynamo.remove(names.dynamo);
      stacks.sqs.remove(names.sqs);
      stacks.s3.remove(names.s3);
    },
  };
};
