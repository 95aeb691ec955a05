import { describe, expect, it } from 'vitest';
import { type LoadOutcome, tallyOutcomes } from '../../../bench/load/tally.ts';

const outcome = (
  kind: LoadOutcome['kind'],
  status: number,
  latencyMs: number,
  expected = true,
): LoadOutcome => ({
  kind,
  status,
  latencyMs,
  expected,
});

describe('Sustained-load tally: status classes, the rate limit apart from errors, and latency spread', () => {
  it('each answer counts in its status class', () => {
    const tally = tallyOutcomes([
      outcome('page', 200, 5),
      outcome('answer', 303, 9),
      outcome('page', 404, 3, false),
      outcome('submit', 500, 20, false),
    ]);

    expect(tally.all.statuses).toEqual({
      '2xx': 1,
      '3xx': 1,
      '4xx': 1,
      '5xx': 1,
      tooManyRequests: 0,
      unexpected: 2,
    });
  });

  it('a 429 is the rate limit: counted apart, and still among the 4xx', () => {
    const tally = tallyOutcomes([outcome('answer', 429, 2, false), outcome('answer', 303, 9)]);

    expect(tally.byKind.answer.statuses).toMatchObject({ '4xx': 1, tooManyRequests: 1, unexpected: 1 });
  });

  it('latency is summarised over every answered request, by nearest rank', () => {
    const outcomes = Array.from({ length: 100 }, (_, index) => outcome('page', 200, index + 1));

    const tally = tallyOutcomes(outcomes);

    expect([tally.all.latency?.p50, tally.all.latency?.p95, tally.all.latency?.p99]).toEqual([50, 95, 99]);
  });

  it('each kind of request is tallied on its own; a kind never sent has no latency', () => {
    const tally = tallyOutcomes([
      outcome('page', 200, 4),
      outcome('page', 200, 6),
      outcome('answer', 303, 10),
    ]);

    expect([tally.byKind.page.requests, tally.byKind.answer.requests, tally.byKind.submit.requests]).toEqual([
      2, 1, 0,
    ]);
    expect(tally.byKind.submit.latency).toBeUndefined();
  });
});
