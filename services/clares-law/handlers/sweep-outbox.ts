import { sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { claresLawConfig } from '../config.ts';

const { casesTable } = claresLawConfig();

/** Sends messages a handler stored but could not send at once (SQS refused, or the process stopped). */
export const handler = async () => sweepOutbox(casesTable, { now: new Date() });
