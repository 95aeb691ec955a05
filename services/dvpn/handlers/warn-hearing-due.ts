import { newCorrelationId } from '../../../shared/observability/index.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { sendDueWarnings } from '../case-service.ts';
import { caseServiceDependencies } from '../composition-root.ts';

const deps = caseServiceDependencies();

/** The scheduled sweep: warns the case officer and the duty inspector 24 and 6 hours before each court deadline. */
export const handler = async (): Promise<{ warned: number }> => {
  const warned = await sendDueWarnings(deps, new Date(), newCorrelationId());
  if (warned > 0) logger().info('Court deadline warnings sent', { warned });
  return { warned };
};
