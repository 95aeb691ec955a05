import type { Distribution, Measurement, Unit } from './types.ts';

/**
 * The nearest-rank percentile (`fraction` from 0 to 1) of values sorted ascending: the smallest value with
 * at least that share of the values at or below it. No interpolation, so every reported figure was observed.
 */
export const percentile = (sorted: readonly number[], fraction: number): number => {
  if (sorted.length === 0) throw new RangeError('A percentile of no samples is undefined.');
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`Percentile ${fraction} is not between 0 and 1.`);
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] as number;
};

export const summarise = (samples: readonly number[]): Required<Distribution> => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    samples: sorted.length,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
    min: sorted[0] ?? 0,
    max: sorted.at(-1) ?? 0,
  };
};

export const median = (samples: readonly number[]): number => summarise(samples).p50;

/** A measurement whose headline is the median of its samples. */
export const distributionOf = (
  name: string,
  unit: Unit,
  samples: readonly number[],
  extra: Pick<Measurement, 'figures' | 'note'> = {},
): Measurement => {
  const distribution = summarise(samples);
  return { name, unit, value: distribution.p50, distribution, ...extra };
};

/** How many times slower (or larger) `measured` is than `baseline`, from their medians. */
export const ratioOf = (name: string, measured: Measurement, baseline: Measurement): Measurement => ({
  name,
  unit: 'ratio',
  value: baseline.value === 0 ? Number.POSITIVE_INFINITY : measured.value / baseline.value,
  note: 'p50 ÷ p50',
});

/** Runs `task` `count` times one after another and returns each run's wall time in milliseconds. */
export const timeRepeatedly = async (
  count: number,
  task: (run: number) => Promise<unknown>,
): Promise<number[]> => {
  const samples: number[] = [];
  for (let run = 0; run < count; run++) {
    const started = performance.now();
    await task(run);
    samples.push(performance.now() - started);
  }
  return samples;
};
