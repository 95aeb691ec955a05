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
