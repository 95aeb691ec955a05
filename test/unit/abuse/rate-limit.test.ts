import { describe, expect, it } from 'vitest';
import { inMemoryRateCounter } from '../../../shared/abuse/in-memory-rate-counter.ts';
import {
  hmacClientKey,
  type RateCounter,
  type RateRule,
  rateLimiter,
  rateWindowOf,
} from '../../../shared/abuse/rate-limit.ts';

/**
 * The per-client limit both public journeys share (online report, Clare's Law application; ASVS 2.4.1): counts
 * per service, rule and fixed window, on a keyed hash of the address, and never stops a person when counting
 * fails.
 */
const rule: RateRule = { name: 'answers', limit: 3, windowSeconds: 600 };
const at = new Date('2026-11-23T10:00:00Z');
const clientKey = hmacClientKey('unit-test-client-key-of-at-least-32-chars');

const allowed = async (limiter: ReturnType<typeof rateLimiter>, times: number, address = '192.0.2.1') => {
  const answers: boolean[] = [];
  for (let index = 0; index < times; index += 1) answers.push(await limiter.allow(address, rule, at));
  return answers;
};

describe('Per-client rate limit (shared/abuse)', () => {
  it('a client is allowed up to the limit in a window and refused after it', async () => {
    const limiter = rateLimiter({ scope: 'online-report', counter: inMemoryRateCounter(), clientKey });

    expect(await allowed(limiter, 4)).toEqual([true, true, true, false]);
  });

  it('counts under a keyed hash of the address, never the address itself', async () => {
    const counter = inMemoryRateCounter();
    await rateLimiter({ scope: 'clares-law', counter, clientKey }).allow('192.0.2.1', rule, at);

    const [key = ''] = counter.counts.keys();
    expect([
      key.includes('192.0.2.1'),
      key.startsWith(`clares-law#${clientKey('192.0.2.1')}#answers#`),
    ]).toEqual([false, true]);
  });

  it("one service's counts never limit the same client in another service", async () => {
    const counter = inMemoryRateCounter();
    await allowed(rateLimiter({ scope: 'online-report', counter, clientKey }), 4);

    expect(await allowed(rateLimiter({ scope: 'clares-law', counter, clientKey }), 1)).toEqual([true]);
  });

  it('a new window starts a new count', async () => {
    const limiter = rateLimiter({ scope: 'online-report', counter: inMemoryRateCounter(), clientKey });
    await allowed(limiter, 4);

    expect(await limiter.allow('192.0.2.1', rule, new Date(at.getTime() + rule.windowSeconds * 1000))).toBe(
      true,
    );
  });

  it('fails open: when counting fails the person goes on', async () => {
    const broken: RateCounter = {
      add: async () => {
        throw new Error('Throttled');
      },
    };

    expect(
      await rateLimiter({ scope: 'online-report', counter: broken, clientKey }).allow('192.0.2.1', rule, at),
    ).toBe(true);
  });

  it('a window is kept for twice its length, then may be deleted', () => {
    const window = rateWindowOf(rule, at);

    expect(window).toEqual({ id: `answers#${at.getTime() / 1000}`, expiresAt: at.getTime() / 1000 + 1200 });
  });
});
