import { sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { casesTableName } from '../composition-root.ts';

const tableName = casesTableName();

/** Sends alerts and notices a handler wrote but could not send (the queue refused, or it stopped). */
export const handler = async (): Promise<void> => {
  await sweepOutbox(tableName, { now: new Date() });
};
