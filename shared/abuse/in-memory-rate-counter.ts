import type { RateCounter } from './rate-limit.ts';

/** Counts in a map, for tests of the limiter and of the pages it guards; nothing expires. */
export const inMemoryRateCounter = (): RateCounter & { readonly counts: ReadonlyMap<string, number> } => {
  const counts = new Map<string, number>();
  return {
    counts,
    add: async (key, weight) => {
      const count = (counts.get(key) ?? 0) + weight;
      counts.set(key, count);
      return count;
    },
  };
};
