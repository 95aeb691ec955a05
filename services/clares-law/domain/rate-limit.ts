import type { RateRule } from '../../../shared/abuse/rate-limit.ts';

/**
 * How fast one client may use the online application (counted by shared/abuse/rate-limit.ts, as the online
 * report is). A person answers a dozen pages and applies once; a script answering or applying over and over
 * is told to wait long before it could fill the PPU's case list. Saying yes to "are you in danger" and the
 * emergency advice page are never limited.
 */
export const rateRules = {
  answers: { name: 'answers', limit: 300, windowSeconds: 10 * 60 },
  applications: { name: 'applications', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;
