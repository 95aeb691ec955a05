import * as z from 'zod';
import type { LoadTally } from './tally.ts';

/** What the section asks of one run of the load driver (bench/load/drive.ts), as its one argument (JSON). */
export const DriveInput = z.object({
  /** The site, e.g. http://localhost:3000; the driver connects to 127.0.0.1 on its port. */
  url: z.url(),
  /** A name in bench/load/journeys.ts. */
  journey: z.string().min(1),
  rate: z.number().int().positive(),
  durationSeconds: z.number().int().positive(),
  /** The run's first loopback address (bench/load/plan.ts `loopbackAddress`): each run takes fresh ones. */
  firstAddress: z.number().int().nonnegative(),
  /** The run's first person, so names are not repeated from one run to the next. */
  firstPerson: z.number().int().nonnegative(),
  /**
   * Journeys walked one request at a time before the load, for the unloaded baseline. One connection (one
   * address) walks them all, and the public forms take ten a client an hour.
   */
  idleJourneys: z.number().int().positive().max(10),
});
export type DriveInput = z.infer<typeof DriveInput>;

export interface JourneyCounts {
  readonly completed: number;
  readonly abandoned: number;
  /** `<METHOD> <path> → <status>`: where journeys broke, and how often. */
  readonly abandonedAt: Readonly<Record<string, number>>;
}

/** What the driver prints (JSON, one line on stdout) when it has finished. */
export interface DriveReport {
  readonly journey: string;
  readonly label: string;
  readonly stepsPerJourney: number;
  readonly rate: number;
  readonly durationSeconds: number;
  readonly connections: number;
  readonly groups: number;
  /** Whether each connection had a loopback address of its own (a person of its own to the rate limit). */
  readonly ownAddresses: boolean;
  /** The journeys walked one request at a time, before the load. */
  readonly idle: { readonly tally: LoadTally; readonly journeys: JourneyCounts };
  readonly load: {
    readonly tally: LoadTally;
    readonly journeys: JourneyCounts;
    readonly elapsedMs: number;
    /** Connection errors and timeouts, as the load client counts them (timeouts are among the errors). */
    readonly errors: number;
    readonly timeouts: number;
  };
}
