import { GetQueueAttributesCommand } from '@aws-sdk/client-sqs';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import type { LocalClients } from './local-clients.ts';

export interface QueueDepths {
  /** Messages waiting or being handled in the work queues. */
  readonly inFlight: number;
  /** Messages in the dead-letter queues: work that failed every retry. */
  readonly deadLettered: number;
}

const queueUrls = (runtime: LocalRuntime): { url: string; deadLetter: boolean }[] =>
  Object.entries(runtime.environment)
    .filter(([name]) => name.startsWith('QUEUE_URL_'))
    .map(([name, url]) => ({ url, deadLetter: name.endsWith('_DLQ') }));

/** How many messages every queue of the stack holds, work queues and dead-letter queues apart. */
export const queueDepths = async (runtime: LocalRuntime, clients: LocalClients): Promise<QueueDepths> => {
  let inFlight = 0;
  let deadLettered = 0;
  for (const queue of queueUrls(runtime)) {
    const { Attributes } = await clients.sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queue.url,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    const count =
      Number(Attributes?.ApproximateNumberOfMessages ?? 0) +
      Number(Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0);
    if (queue.deadLetter) deadLettered += count;
    else inFlight += count;
  }
  return { inFlight, deadLettered };
};

/**
 * Waits until the work queues are empty (their consumers have caught up), polling every 100 ms for at most
 * `timeoutMs`; resolves to how long that took and what was still in them when it stopped waiting.
 */
export const untilQueuesDrain = async (
  runtime: LocalRuntime,
  clients: LocalClients,
  timeoutMs: number,
): Promise<{ readonly waitedMs: number; readonly depths: QueueDepths }> => {
  const started = performance.now();
  for (;;) {
    const depths = await queueDepths(runtime, clients);
    const waitedMs = performance.now() - started;
    if (depths.inFlight === 0 || waitedMs >= timeoutMs) return { waitedMs, depths };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};
