import { createHmac } from 'node:crypto';
import { logger } from '../observability/logger.ts';

/**
 * The address a client is counted under: the viewer's own, as CloudFront reports it (so people behind one
 * edge do not share a count), falling back to the address API Gateway saw.
 */
export { clientAddressOf } from '../http/client-address.ts';

/**
 * How fast one client (a keyed hash of its address, never the address) may use a public form. Each service
 * names its own rules; this module counts them. Bots are slowed; a person in danger is never held back:
 * a service never puts its emergency questions or advice pages behind a limit.
 */
export interface RateRule {
  /** Unique within the service that uses it, e.g. `answers`. */
  readonly name: string;
  readonly limit: number;
  readonly windowSeconds: number;
}

export interface RateWindow {
  readonly id: string;
  /** Epoch seconds after which the window's count can be deleted. */
  readonly expiresAt: number;
}

/** Fixed windows aligned to the epoch: every request in the same window adds to one count. */
export const rateWindowOf = (rule: RateRule, now: Date): RateWindow => {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % rule.windowSeconds);
  return { id: `${rule.name}#${start}`, expiresAt: start + rule.windowSeconds * 2 };
};

export const isOverLimit = (rule: RateRule, count: number): boolean => count > rule.limit;

/** Where counts are kept: adds `weight` to the count under `key` and answers the new count. */
export interface RateCounter {
  add(key: string, weight: number, expiresAt: number): Promise<number>;
}

/** Turns a client address into the key its counts are kept under. */
export type ClientKey = (address: string) => string;

/**
 * A keyed HMAC-SHA256 of the address: the counts' keys cannot be turned back into addresses, or recomputed
 * from a guessed address, by anyone who reads the table without the key.
 */
export const hmacClientKey =
  (secret: string): ClientKey =>
  (address) =>
    createHmac('sha256', secret).update(`client\u0000${address}`).digest('base64url');

export interface RateLimiter {
  /**
   * `true` when the client may go on. Fails open: a fault in counting never stops a real person, and a request
   * without an address (never the case behind API Gateway) is not counted.
   */
  allow(address: string | undefined, rule: RateRule, now: Date, weight?: number): Promise<boolean>;
}

export interface RateLimiterOptions {
  /** The service whose rules these are; one client's counts in two services never mix. */
  readonly scope: string;
  readonly counter: RateCounter;
  readonly clientKey: ClientKey;
}

export const rateLimiter = (options: RateLimiterOptions): RateLimiter => ({
  allow: async (address, rule, now, weight = 1) => {
    if (!address) return true;
    const window = rateWindowOf(rule, now);
    try {
      const key = `${options.scope}#${options.clientKey(address)}#${window.id}`;
      return !isOverLimit(rule, await options.counter.add(key, weight, window.expiresAt));
    } catch (error) {
      logger().warn('Rate limit not counted', { scope: options.scope, rule: rule.name, error });
      return true;
    }
  },
});
