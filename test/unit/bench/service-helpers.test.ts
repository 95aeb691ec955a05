import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summarise } from '../../../bench/stats.ts';
import { inParallel } from '../../../bench/support/seeding.ts';
import { maxLatency, meanLatency } from '../../../bench/support/service-figures.ts';
import { benchCaller, benchPrincipal } from '../../../bench/support/staff.ts';

describe("Services' bench figures: the same nearest-rank percentiles as the bench's own", () => {
  it('p50 and p95 of 1..20 ms are the 10th and 19th samples, whatever order they came in', () => {
    const samples = Array.from({ length: 20 }, (_, index) => 20 - index);

    expect(meanLatency(samples, 1)).toEqual({ samples: 20, p50Ms: 10, p95Ms: 19, meanMs: 10.5 });
    expect(maxLatency(samples, 1)).toEqual({ samples: 20, p50Ms: 10, p95Ms: 19, maxMs: 20 });
  });

  it('every figure is rounded to the places the service keeps', () => {
    const samples = [1.23456, 2.34567, 3.45678];

    expect(meanLatency(samples, 1).p50Ms).toBe(2.3);
    expect(meanLatency(samples, 2).meanMs).toBe(2.35);
    expect(maxLatency(samples, 3).maxMs).toBe(3.457);
  });

  it('agree with bench/stats.ts on any samples, to the places kept', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 300 }), (ms) => {
        const summary = summarise(ms);

        expect(meanLatency(ms, 3)).toMatchObject({
          samples: ms.length,
          p50Ms: summary.p50,
          p95Ms: summary.p95,
        });
        expect(maxLatency(ms, 3).maxMs).toBe(summary.max);
      }),
    );
  });

  it('no samples give zeros rather than failing the section', () => {
    expect(meanLatency([], 2)).toEqual({ samples: 0, p50Ms: 0, p95Ms: 0, meanMs: 0 });
  });
});

describe('Seeding in parallel: every item once, never more than the concurrency at a time', () => {
  it('runs each index exactly once with at most `concurrency` tasks in flight', async () => {
    const seen: number[] = [];
    let inFlight = 0;
    let mostInFlight = 0;

    await inParallel(50, 4, async (index) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((resolve) => setTimeout(resolve, index % 3));
      seen.push(index);
      inFlight--;
    });

    expect([...seen].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, index) => index));
    expect(mostInFlight).toBe(4);
  });

  it('a failing task fails the seeding', async () => {
    const seeding = inParallel(10, 3, async (index) => {
      if (index === 7) throw new Error('write refused');
    });

    await expect(seeding).rejects.toThrow('write refused');
  });
});

describe("Bench callers: marked as the bench's own", () => {
  it('a principal keeps the member of staff and takes a bench subject; a caller a bench correlation id', () => {
    const principal = benchPrincipal({
      collarNumber: 'B1001',
      displayName: 'Bench B1001',
      rank: 'constable',
      department: 'PPU',
    });

    expect(principal).toEqual({
      subject: 'bench-B1001',
      collarNumber: 'B1001',
      displayName: 'Bench B1001',
      rank: 'constable',
      department: 'PPU',
    });
    expect(benchCaller(principal, 'run-1')).toMatchObject({ principal, correlationId: 'bench-run-1' });
  });
});
