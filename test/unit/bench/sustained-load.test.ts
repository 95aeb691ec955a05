import { describe, expect, it } from 'vitest';
import type { DriveReport } from '../../../bench/load/protocol.ts';
import { type LoadOutcome, tallyOutcomes } from '../../../bench/load/tally.ts';
import { loadMeasurements } from '../../../bench/sections/sustained-load.ts';

const outcomes: LoadOutcome[] = [
  ...Array.from(
    { length: 60 },
    (_, index): LoadOutcome => ({ kind: 'page', status: 200, latencyMs: 10 + index, expected: true }),
  ),
  ...Array.from(
    { length: 38 },
    (_, index): LoadOutcome => ({ kind: 'answer', status: 303, latencyMs: 20 + index, expected: true }),
  ),
  { kind: 'answer', status: 429, latencyMs: 3, expected: false },
  { kind: 'answer', status: 500, latencyMs: 90, expected: false },
];

const report: DriveReport = {
  journey: 'report',
  label: 'public report',
  stepsPerJourney: 40,
  rate: 25,
  durationSeconds: 4,
  connections: 25,
  groups: 5,
  ownAddresses: true,
  idle: {
    tally: tallyOutcomes(outcomes.slice(0, 10)),
    journeys: { completed: 1, abandoned: 0, abandonedAt: {} },
  },
  load: {
    tally: tallyOutcomes(outcomes),
    journeys: {
      completed: 0,
      abandoned: 2,
      abandonedAt: { 'POST /report/where → 429': 1, 'POST /report/when → 500': 1 },
    },
    elapsedMs: 4000,
    errors: 1,
    timeouts: 1,
  },
};

describe('Sustained-load rows: every request with its counts, then each kind of request', () => {
  it('the whole mix reports p50/p95/p99, the achieved rate, 429s apart from 5xx, and connection errors', () => {
    const [whole] = loadMeasurements(report);

    expect(whole?.distribution?.samples).toBe(100);
    expect(whole?.figures).toMatchObject({
      achievedPerSecond: 25,
      '2xx': 60,
      '3xx': 38,
      '4xx': 1,
      '5xx': 1,
      refused429: 1,
      unexpected: 2,
      errors: 1,
      timeouts: 1,
      broken: 2,
    });
  });

  it('where journeys broke off is named', () => {
    expect(loadMeasurements(report)[0]?.note).toContain('POST /report/where → 429 ×1');
  });

  it('a kind of request the run never reached (no form sent in 4 s) has no row', () => {
    expect(loadMeasurements(report).map((row) => row.name)).toEqual([
      'public report at 25/s for 4 s: every request',
      '  pages (GET) at 25/s',
      '  answers (POST) at 25/s',
    ]);
  });
});

describe('Sustained-load rows: what the queues did around the run', () => {
  it('the time the queues took to drain and the messages dead-lettered go with the whole mix', () => {
    const [whole] = loadMeasurements(report, { drainedMs: 850, stillQueued: 0, deadLettered: 3 });

    expect(whole?.figures).toMatchObject({ queuesDrainedMs: 850, stillQueued: 0, deadLettered: 3 });
  });
});
