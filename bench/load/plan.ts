/**
 * How a sustained-load run is laid out. The load client paces each connection by the second: a connection
 * allowed n requests a second sends them as soon as it may at the start of its second, so one client of
 * many connections sends its whole second's share in a burst. Each connection here is one person sending
 * one request a second (a page, an answer), and the connections are split into small groups whose seconds
 * start at even offsets, so the site sees the rate spread across each second, not once a second in a clump.
 */

export interface LoadGroup {
  readonly connections: number;
  /** Requests a second from the whole group (one per connection). */
  readonly rate: number;
  /** When the group starts, after the first: groups start evenly across one second. */
  readonly startAfterMs: number;
  /** The most requests the group may send: its rate for the whole duration, so a run is bounded in count too. */
  readonly maxRequests: number;
}

export interface LoadPlan {
  readonly rate: number;
  readonly durationSeconds: number;
  readonly groups: readonly LoadGroup[];
  readonly maxRequests: number;
}

export class LoadPlanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LoadPlanError';
  }
}

/** People (connections) in one group of the load client. */
export const defaultGroupSize = 5;

export const loadPlan = (rate: number, durationSeconds: number, groupSize = defaultGroupSize): LoadPlan => {
  if (!Number.isInteger(rate) || rate < 1)
    throw new LoadPlanError(`A rate of ${rate} a second is not a whole number above 0.`);
  if (!Number.isInteger(durationSeconds) || durationSeconds < 1)
    throw new LoadPlanError(`A duration of ${durationSeconds} s is not a whole number above 0.`);
  if (!Number.isInteger(groupSize) || groupSize < 1)
    throw new LoadPlanError(`A group of ${groupSize} connections is not a whole number above 0.`);
  const groupCount = Math.ceil(rate / groupSize);
  const base = Math.floor(rate / groupCount);
  const remainder = rate % groupCount;
  const groups = Array.from({ length: groupCount }, (_, index): LoadGroup => {
    const connections = base + (index < remainder ? 1 : 0);
    return {
      connections,
      rate: connections,
      startAfterMs: Math.round((index * 1000) / groupCount),
      maxRequests: connections * durationSeconds,
    };
  });
  return { rate, durationSeconds, groups, maxRequests: rate * durationSeconds };
};

/**
 * The `index`th loopback address from 127.1.0.1 on, skipping each block's .0 and .255: Linux answers on
 * the whole of 127.0.0.0/8, so each simulated person can connect from an address of its own, as people
 * reaching the site from their own networks do. 127.0.0.x is left to everything else.
 */
export const loopbackAddress = (index: number): string => {
  if (!Number.isInteger(index) || index < 0) throw new LoadPlanError(`No loopback address number ${index}.`);
  const block = Math.floor(index / 254);
  const host = (index % 254) + 1;
  const second = 1 + Math.floor(block / 256);
  if (second > 255) throw new LoadPlanError(`Loopback address number ${index} is beyond 127.255.255.254.`);
  return `127.${second}.${block % 256}.${host}`;
};

/**
 * The step each connection's first person starts at, spread evenly over a journey of `journeySteps`, so
 * that people are at every stage of the journey at once rather than all at the same one.
 */
export const startingSteps = (connections: number, journeySteps: number): number[] =>
  Array.from({ length: connections }, (_, index) => Math.floor((index * journeySteps) / connections));
