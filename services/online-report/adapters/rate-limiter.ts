import { logger } from '../../../shared/observability/logger.ts';
import { isOverLimit, type RateRule, rateWindowOf } from '../domain/rate-limit.ts';
import type { DynamoReportStore } from './dynamo-report-store.ts';
import type { IdentityHasher } from './identity-hasher.ts';

/** Counts a client's requests per window, keyed on the keyed hash of its address (never the address). */
export interface RateLimiter {
  /** `true` when the client may go on. Fails open: a fault in counting never stops a real person. */
  allow(address: string | undefined, rule: RateRule, now: Date, weight?: number): Promise<boolean>;
}

export const dynamoRateLimiter = (store: DynamoReportStore, hasher: IdentityHasher): RateLimiter => ({
  allow: async (address, rule, now, weight = 1) => {
    if (!address) return true;
    const window = rateWindowOf(rule, now);
    try {
      const count = await store.countRequest(hasher.clientKey(address), window.id, weight, window.expiresAt);
      return !isOverLimit(rule, count);
    } catch (error) {
      logger().warn('Rate limit not counted', { rule: rule.name, error });
      return true;
    }
  },
});
