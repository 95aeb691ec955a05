import type { RateRule } from '../../../shared/abuse/rate-limit.ts';

/**
 * How fast one client may use the public form (counted by shared/abuse/rate-limit.ts). Bots are slowed; a
 * real person is never held back from emergency advice: the emergency questions, the stop page and the
 * diversion pages are not limited at all.
 */
export const rateRules = {
  answers: { name: 'answers', limit: 300, windowSeconds: 10 * 60 },
  submissions: { name: 'submissions', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;

/** A form with the hidden honeypot field filled counts as this many requests. */
export const honeypotWeight = 25;
