import type { ScheduledEvent } from 'aws-lambda';
import { newCorrelationId } from '../../../shared/observability/correlation.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { claresLawService } from '../composition-root.ts';

const service = claresLawService();

/**
 * Every 15 minutes: open cases with a clock due within one working day (the owner is told) or overdue (the
 * owner and the PPU supervisors are told). Each alert is sent once, however often this runs.
 */
export const handler = async (event?: Partial<ScheduledEvent>) => {
  const now = event?.time ? new Date(event.time) : new Date();
  const result = await service.sweepClocks({
    now: Number.isNaN(now.getTime()) ? new Date() : now,
    correlationId: newCorrelationId(),
  });
  logger().info('Clock sweep finished', result);
  return result;
};
