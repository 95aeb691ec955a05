import { SQSServiceException } from '@aws-sdk/client-sqs';
import { dynamoDocumentClient, sqsClient } from '../../../shared/aws/clients.ts';

/**
 * Faults aimed at one write or one queue, on top of the steady ones of faults.ts, for a step that a few dozen
 * requests would otherwise meet too rarely for its invariant to be tested (a case written once per application,
 * an alert sent once per look at a restricted case). The same SDK middleware, the same two kinds:
 *
 * - `answerLost`: the aimed-at DynamoDB write landed, but its answer never came back (the function killed
 *   straight after it), so the handler believes it failed and is run again;
 * - `messageLost`: a SendMessage to the aimed-at queue never happened (killed between write and message).
 */
export interface TargetedFault {
  /** What the run calls it in its counts. */
  readonly name: string;
  readonly kind: 'answerLost' | 'messageLost';
  readonly rate: number;
  /** The DynamoDB write (answerLost) or the SendMessage (messageLost) aimed at, by command name and input. */
  readonly aimsAt: (command: string, input: Record<string, unknown>) => boolean;
}

export interface TargetedFaultInjector {
  readonly counts: Readonly<Record<string, number>>;
  readonly total: () => number;
  /** Turns every targeted fault on or off from now on. */
  enable(on: boolean): void;
  remove(): void;
}

/** A string attribute as the command holds it: plain (document client) or marshalled (`{ S: … }`). */
export const stringAttribute = (value: unknown): string | undefined => {
  if (typeof value === 'string') return value;
  if (typeof value === 'object' && value !== null && typeof (value as { S?: unknown }).S === 'string')
    return (value as { S: string }).S;
  return undefined;
};

/** The items a write puts, from a PutItem or from each Put of a TransactWriteItems (by command name). */
export const itemsPut = (command: string, input: Record<string, unknown>): Record<string, unknown>[] => {
  if (command.startsWith('Put')) return [(input.Item ?? {}) as Record<string, unknown>];
  if (!command.startsWith('TransactWrite')) return [];
  return ((input.TransactItems ?? []) as { Put?: { Item?: Record<string, unknown> } }[]).flatMap((item) =>
    item.Put?.Item ? [item.Put.Item] : [],
  );
};

/** A write that puts an item whose partition key starts with `prefix` in `tableName`. */
export const putsInto =
  (tableName: () => string, prefix: string) =>
  (command: string, input: Record<string, unknown>): boolean => {
    const table = tableName();
    const tables = [
      input.TableName,
      ...((input.TransactItems ?? []) as { Put?: { TableName?: unknown } }[]).map(
        (item) => item.Put?.TableName,
      ),
    ];
    return (
      tables.includes(table) &&
      itemsPut(command, input).some((item) => stringAttribute(item.pk)?.startsWith(prefix) ?? false)
    );
  };

/** A SendMessage to the queue with this URL, of a body `carries` accepts (any, unless told). */
export const sendsTo =
  (queueUrl: () => string, carries: (body: string) => boolean = () => true) =>
  (_command: string, input: Record<string, unknown>): boolean =>
    input.QueueUrl === queueUrl() && carries(typeof input.MessageBody === 'string' ? input.MessageBody : '');

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

type Handler = (args: { input: unknown }) => Promise<unknown>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface Stack {
  add(middleware: Middleware, options: { step: 'initialize'; name: string; override?: boolean }): void;
  remove(name: string): boolean;
}

const names = { dynamo: 'test-targeted-fault-dynamo', sqs: 'test-targeted-fault-sqs' } as const;

export const injectTargetedFaults = (
  seed: number,
  faults: readonly TargetedFault[],
): TargetedFaultInjector => {
  const random = seededRandom(seed);
  const counts: Record<string, number> = Object.fromEntries(faults.map((fault) => [fault.name, 0]));
  let on = false;
  const aimedAt = (
    kind: TargetedFault['kind'],
    command: string,
    input: unknown,
  ): TargetedFault | undefined =>
    on
      ? faults.find(
          (fault) =>
            fault.kind === kind &&
            fault.aimsAt(command, (input ?? {}) as Record<string, unknown>) &&
            random() < fault.rate,
        )
      : undefined;

  const dynamoFaults: Middleware = (next, context) => async (args) => {
    const command = (context.commandName ?? '').replace(/Command$/, '');
    const result = await next(args);
    const fault = aimedAt('answerLost', command, args.input);
    if (fault) {
      counts[fault.name] = (counts[fault.name] ?? 0) + 1;
      const timeout = new Error('Injected: the write landed but its answer was lost');
      timeout.name = 'TimeoutError';
      throw timeout;
    }
    return result;
  };

  const sqsFaults: Middleware = (next, context) => async (args) => {
    const command = (context.commandName ?? '').replace(/Command$/, '');
    if (!command.startsWith('SendMessage')) return next(args);
    const fault = aimedAt('messageLost', command, args.input);
    if (fault) {
      counts[fault.name] = (counts[fault.name] ?? 0) + 1;
      throw new SQSServiceException({
        name: 'ServiceUnavailable',
        $fault: 'server',
        message: 'Injected: the process stopped before its message was sent',
        $metadata: { httpStatusCode: 503 },
      });
    }
    return next(args);
  };

  const stacks = {
    dynamo: dynamoDocumentClient().middlewareStack as unknown as Stack,
    sqs: sqsClient().middlewareStack as unknown as Stack,
  };
  stacks.dynamo.add(dynamoFaults, { step: 'initialize', name: names.dynamo, override: true });
  stacks.sqs.add(sqsFaults, { step: 'initialize', name: names.sqs, override: true });

  return {
    counts,
    total: () => Object.values(counts).reduce((sum, n) => sum + n, 0),
    enable: (value) => {
      on = value;
    },
    remove: () => {
      on = false;
      stacks.dynamo.remove(names.dynamo);
      stacks.sqs.remove(names.sqs);
    },
  };
};
