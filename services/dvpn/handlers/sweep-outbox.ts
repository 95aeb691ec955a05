import { sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { casesTableName } from '../composition-root.ts';

const tableName = casesTableName();

/** Sends messages a handler stored but could not send at once (SQS refused, or the process stopped). */
export const handler = async () => sweepOutbox(tableName, { now: new Date() });
