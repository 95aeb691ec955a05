import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LoadPlanError, loadPlan, loopbackAddress, startingSteps } from '../../../bench/load/plan.ts';

describe('Sustained-load plan: one request a second per person, groups spread across each second', () => {
  it('25 requests a second for 60 s is 5 groups of 5 people starting 200 ms apart, at most 1,500 requests', () => {
    const plan = loadPlan(25, 60);

    expect(plan.groups.map((group) => [group.connections, group.startAfterMs])).toEqual([
      [5, 0],
      [5, 200],
      [5, 400],
      [5, 600],
      [5, 800],
    ]);
    expect(plan.maxRequests).toBe(1500);
  });

  it('a rate that does not divide into groups of five is split as evenly as it can be', () => {
    expect(loadPlan(7, 10).groups.map((group) => group.connections)).toEqual([4, 3]);
  });

  it('for any rate and duration, the groups add up to the rate and their caps to rate × duration', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 120 }), (rate, seconds) => {
        const plan = loadPlan(rate, seconds);
        const connections = plan.groups.reduce((sum, group) => sum + group.connections, 0);
        const cap = plan.groups.reduce((sum, group) => sum + group.maxRequests, 0);
        return (
          connections === rate &&
          cap === rate * seconds &&
          plan.groups.every((group) => group.rate === group.connections && group.startAfterMs < 1000)
        );
      }),
    );
  });

  it('a rate of nothing, or a part of a request, is refused', () => {
    expect(() => loadPlan(0, 60)).toThrow(LoadPlanError);
    expect(() => loadPlan(2.5, 60)).toThrow(LoadPlanError);
  });

  it('loopback addresses start at 127.1.0.1 and skip each block’s .0 and .255', () => {
    expect([loopbackAddress(0), loopbackAddress(253), loopbackAddress(254)]).toEqual([
      '127.1.0.1',
      '127.1.0.254',
      '127.1.1.1',
    ]);
  });

  it('every address is a distinct host in 127.0.0.0/8, never 127.0.0.x, .0 or .255', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 16_000_000 }),
        fc.integer({ min: 1, max: 1000 }),
        (index, step) => {
          const address = loopbackAddress(index);
          const [first, second, , host] = address.split('.').map(Number);
          return (
            first === 127 &&
            (second ?? 0) >= 1 &&
            (host ?? 0) >= 1 &&
            (host ?? 0) <= 254 &&
            loopbackAddress(index + step) !== address
          );
        },
      ),
    );
  });
});

describe('Sustained-load starting steps: people at every stage of the journey from the first second', () => {
  it('100 people on a 40-step journey: two or three at each step, the first at the start', () => {
    const steps = startingSteps(100, 40);

    expect([steps[0], steps[1], steps[2], steps[3], steps[99]]).toEqual([0, 0, 0, 1, 39]);
    expect(new Set(steps).size).toBe(40);
  });

  it('never a step past the journey’s last', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 500 }), fc.integer({ min: 1, max: 60 }), (people, journeySteps) =>
        startingSteps(people, journeySteps).every((step) => step >= 0 && step < journeySteps),
      ),
    );
  });
});
