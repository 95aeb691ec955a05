import type { Measurement } from '../types.ts';

/** What the services' own bench functions return for a timing: p50 and p95, and a mean or a maximum. */
export interface ServiceLatency {
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs?: number;
  readonly maxMs?: number;
}

/** A service bench's figures as a measurement; they keep no p99, so that column stays empty. */
export const fromServiceFigures = (
  name: string,
  figures: ServiceLatency,
  samples: number,
  extra: Pick<Measurement, 'figures' | 'note'> = {},
): Measurement => ({
  name,
  unit: 'ms',
  value: figures.p50Ms,
  distribution: {
    samples,
    p50: figures.p50Ms,
    p95: figures.p95Ms,
    ...(figures.meanMs === undefined ? {} : { mean: figures.meanMs }),
    ...(figures.maxMs === undefined ? {} : { max: figures.maxMs }),
  },
  ...extra,
});

/** A service bench's timing with the mean: how many samples, p50, p95 and the mean, in ms. */
export interface MeanLatency {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
}

/** A service bench's timing with the slowest run: how many samples, p50, p95 and the maximum, in ms. */
export interface MaxLatency {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly maxMs: number;
}

/** The nearest-rank percentile of ascending samples, as bench/stats.ts reports it; 0 where there are none. */
const nearestRank = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1))] ?? 0;

const summarised = (samples: readonly number[], decimals: number): MeanLatency & MaxLatency => {
  const sorted = [...samples].sort((a, b) => a - b);
  const scale = 10 ** decimals;
  const round = (value: number) => Math.round(value * scale) / scale;
  return {
    samples: sorted.length,
    p50Ms: round(nearestRank(sorted, 0.5)),
    p95Ms: round(nearestRank(sorted, 0.95)),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
};

/** Samples in ms as a service's bench keeps them: p50, p95 and the mean, rounded to `decimals` places. */
export const meanLatency = (samples: readonly number[], decimals: number): MeanLatency => {
  const { p50Ms, p95Ms, meanMs } = summarised(samples, decimals);
  return { samples: samples.length, p50Ms, p95Ms, meanMs };
};

/** Samples in ms as a service's bench keeps them: p50, p95 and the maximum, rounded to `decimals` places. */
export const maxLatency = (samples: readonly number[], decimals: number): MaxLatency => {
  const { p50Ms, p95Ms, maxMs } = summarised(samples, decimals);
  return { samples: samples.length, p50Ms, p95Ms, maxMs };
};
