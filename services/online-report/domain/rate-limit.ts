/**
 * How fast one client (a hashed address) may use the public form. Bots are slowed; a real person is never
 * held back from emergency advice: the emergency questions, the stop page and the diversion pages are not
 * limited at all.
 */
export interface RateRule {
  readonly name: 'answers' | 'submissions';
  readonly limit: number;
  readonly windowSeconds: number;
}

export const rateRules = {
  answers: { name: 'answers', limit: 300, windowSeconds: 10 * 60 },
  submissions: { name: 'submissions', limit: 10, windowSeconds: 60 * 60 },
} as const satisfies Record<string, RateRule>;

/** A form with the hidden honeypot field filled counts as this many requests. */
export const honeypotWeight = 25;

export interface RateWindow {
  readonly id: string;
  /** Epoch seconds after which the window's count can be deleted. */
  readonly expiresAt: number;
}

export const rateWindowOf = (rule: RateRule, now: Date): RateWindow => {
  const seconds = Math.floor(now.getTime() / 1000);
  const start = seconds - (seconds % rule.windowSeconds);
  return { id: `${rule.name}#${start}`, expiresAt: start + rule.windowSeconds * 2 };
};

export const isOverLimit = (rule: RateRule, count: number): boolean => count > rule.limit;
