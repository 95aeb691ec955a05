import { describe, expect, it } from 'vitest';
import { percentile, ratioOf, summarise } from '../../../bench/stats.ts';
import { formatValue } from '../../../bench/table.ts';

const oneToHundred = Array.from({ length: 100 }, (_, index) => index + 1);

describe('Bench statistics: nearest-rank percentiles, so every figure reported was observed', () => {
  it('p50, p95 and p99 of 1..100 are 50, 95 and 99', () => {
    const sorted = oneToHundred;

    const figures = [percentile(sorted, 0.5), percentile(sorted, 0.95), percentile(sorted, 0.99)];

    expect(figures).toEqual([50, 95, 99]);
  });

  it('the p95 of 20 samples is the 19th smallest, not an interpolation', () => {
    const sorted = Array.from({ length: 20 }, (_, index) => (index + 1) * 10);

    expect(percentile(sorted, 0.95)).toBe(190);
  });

  it('a single sample is every percentile', () => {
    expect([percentile([7], 0), percentile([7], 0.5), percentile([7], 1)]).toEqual([7, 7, 7]);
  });

  it('no samples has no percentile', () => {
    expect(() => percentile([], 0.5)).toThrow(RangeError);
  });

  it('a summary sorts its samples first, whatever order they came in', () => {
    const shuffled = [...oneToHundred].reverse();

    const summary = summarise(shuffled);

    expect(summary).toEqual({ samples: 100, p50: 50, p95: 95, p99: 99, mean: 50.5, min: 1, max: 100 });
  });

  it('a ratio divides the medians', () => {
    const measured = { name: 'page', unit: 'ms' as const, value: 30 };
    const baseline = { name: 'query', unit: 'ms' as const, value: 2 };

    expect(ratioOf('page ÷ query', measured, baseline).value).toBe(15);
  });

  it('sizes print in KB and ratios with a times sign', () => {
    expect([formatValue(2048, 'bytes'), formatValue(15, 'ratio'), formatValue(2.25, 'ms')]).toEqual([
      '2.0 KB',
      '15.00×',
      '2.3 ms',
    ]);
  });
});
