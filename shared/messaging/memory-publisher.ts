import type { AnyEnvelope } from '../contracts/envelope.ts';
import type { MessagePublisher } from './publish.ts';

export interface SentMessage {
  readonly queue: string;
  readonly message: AnyEnvelope;
}

export interface MemoryPublisher extends MessagePublisher {
  /** Everything published so far, in order. */
  readonly sent: readonly SentMessage[];
}

/** A publisher that keeps messages in memory, for unit tests of handlers and domain workflows. */
export const memoryPublisher = (): MemoryPublisher => {
  const sent: SentMessage[] = [];
  return {
    sent,
    publish: async (queue, message) => {
      sent.push({ queue, message });
    },
  };
};
