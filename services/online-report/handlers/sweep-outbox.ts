import { sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { onlineReportConfig } from '../adapters/config.ts';

const { reportsTable } = onlineReportConfig();

/** Sends outbox messages a submit wrote but could not relay (SQS refused, or the function stopped). */
export const handler = async (): Promise<void> => {
  const result = await sweepOutbox(reportsTable, { now: new Date() });
  if (result.relayed + result.deferred > 0) logger().info('Online report outbox swept', { ...result });
};
