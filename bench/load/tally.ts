import { summarise } from '../stats.ts';
import type { Distribution } from '../types.ts';

/** What a request of a journey is: a page shown, an answer saved, or the form sent. */
export const requestKinds = ['page', 'answer', 'submit'] as const;
export type RequestKind = (typeof requestKinds)[number];

export interface LoadOutcome {
  readonly kind: RequestKind;
  readonly status: number;
  readonly latencyMs: number;
  /** The status (and, for a redirect, the place) the journey expects at this step. */
  readonly expected: boolean;
}

export interface StatusCounts {
  readonly '2xx': number;
  readonly '3xx': number;
  readonly '4xx': number;
  readonly '5xx': number;
  /** 429 Too Many Requests: the site's rate limit answering (also counted in 4xx). */
  readonly tooManyRequests: number;
  /** Any other status than the step expects: a refused answer, a journey sent back to its start. */
  readonly unexpected: number;
}

export interface KindTally {
  readonly requests: number;
  readonly statuses: StatusCounts;
  /** Latency of every answered request, whatever its status; absent when none was answered. */
  readonly latency?: Required<Distribution>;
}

export interface LoadTally {
  readonly all: KindTally;
  readonly byKind: Readonly<Record<RequestKind, KindTally>>;
}

const tallyOf = (outcomes: readonly LoadOutcome[]): KindTally => {
  const counts = { '2xx': 0, '3xx': 0, '4xx': 0, '5xx': 0, tooManyRequests: 0, unexpected: 0 };
  for (const outcome of outcomes) {
    const statusClass = `${Math.floor(outcome.status / 100)}xx`;
    if (statusClass === '2xx' || statusClass === '3xx' || statusClass === '4xx' || statusClass === '5xx')
      counts[statusClass] += 1;
    if (outcome.status === 429) counts.tooManyRequests += 1;
    if (!outcome.expected) counts.unexpected += 1;
  }
  return {
    requests: outcomes.length,
    statuses: counts,
    ...(outcomes.length > 0 ? { latency: summarise(outcomes.map((outcome) => outcome.latencyMs)) } : {}),
  };
};

/** Counts by status class and the latency spread, for the whole mix and for each kind of request. */
export const tallyOutcomes = (outcomes: readonly LoadOutcome[]): LoadTally => ({
  all: tallyOf(outcomes),
  byKind: {
    page: tallyOf(outcomes.filter((outcome) => outcome.kind === 'page')),
    answer: tallyOf(outcomes.filter((outcome) => outcome.kind === 'answer')),
    submit: tallyOf(outcomes.filter((outcome) => outcome.kind === 'submit')),
  },
});
