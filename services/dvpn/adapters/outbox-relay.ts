import { outboxPut, relayOutbox } from '../../../shared/messaging/outbox.ts';
import type { MessagePublisher } from '../../../shared/messaging/publish.ts';
import type { MessageRelay } from '../domain/ports.ts';

/**
 * Sends the messages a stored change put in the outbox and removes them from it. A send that fails stays in
 * the outbox for the scheduled sweep; the change itself is already safely stored.
 */
export const outboxRelay = (tableName: string, publisher?: MessagePublisher): MessageRelay => ({
  relay: async (change) => {
    await relayOutbox(
      change.messages.map(({ queue, message }) => outboxPut(tableName, message, queue)),
      publisher ? { publisher } : {},
    );
  },
});
