import { join } from 'node:path';
import { rateRules } from '../../services/online-report/domain/rate-limit.ts';
import { cookieHeader, hiddenInputs, withSetCookies } from '../load/browser-state.ts';
import { loopbackAddress } from '../load/plan.ts';
import type { DriveInput, DriveReport } from '../load/protocol.ts';
import { loopbackAliasesWork } from '../load/source-addresses.ts';
import type { KindTally, RequestKind } from '../load/tally.ts';
import { distributionOf, ratioOf } from '../stats.ts';
import { BenchSetupError, localClients } from '../support/local-clients.ts';
import { loopbackRequest } from '../support/loopback-http.ts';
import { runNode } from '../support/node-process.ts';
import { queueDepths, untilQueuesDrain } from '../support/queues.ts';
import type { BenchContext, BenchSection, Measurement } from '../types.ts';

/** The rates each journey is held at: requests a second, each for the run's duration. */
export const loadRates = [25, 50, 100] as const;
const fullSeconds = 60;
const quickSeconds = 5;
/** Loopback addresses each run may use (bench/load/plan.ts): one per connection, and one per reconnection. */
const addressesPerRun = 20_000;
const peoplePerRun = 1_000_000;
/** The one address the rate-limit probe posts from, apart from every run's. */
const probeAddress = 12_000_000;
/** Journeys walked one request at a time before each run, for the unloaded baseline. */
const idleJourneys = 5;
/** How long a run's queued work (reports relayed to the work queue) may take to be done, before and after. */
const drainTimeoutMs = 60_000;

const kindLabels: Readonly<Record<RequestKind, string>> = {
  page: 'pages (GET)',
  answer: 'answers (POST)',
  submit: 'send the form (POST)',
};

let runsStarted = 0;

/** One run of bench/load/drive.ts in a process of its own; its report, or its error as a setup failure. */
const drive = async (context: BenchContext, input: DriveInput): Promise<DriveReport> => {
  const tsx = join(context.root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
  const run = await runNode([tsx, 'bench/load/drive.ts', JSON.stringify(input)], {
    cwd: context.root,
    env: { ...process.env, NODE_OPTIONS: '' },
    timeoutMs: (input.durationSeconds + 120) * 1000,
  });
  const line = run.stdout.trim().split('\n').at(-1);
  if (run.code !== 0 || !line) {
    const cause = run.stderr.trim().split('\n').at(-1) ?? '';
    throw new BenchSetupError(`The load driver stopped (${run.code ?? run.signal}): ${cause}`);
  }
  return JSON.parse(line) as DriveReport;
};

const latencyOf = (name: string, tally: KindTally, extra: Pick<Measurement, 'figures' | 'note'> = {}) => {
  if (!tally.latency) throw new BenchSetupError(`No request of "${name}" was answered.`);
  return { name, unit: 'ms' as const, value: tally.latency.p50, distribution: tally.latency, ...extra };
};

/** Counts by status class; `refused429` is the rate limit (also among the 4xx), `unexpected` any answer the journey does not expect. */
const statusFigures = (tally: KindTally): Record<string, number> => ({
  '2xx': tally.statuses['2xx'],
  '3xx': tally.statuses['3xx'],
  '4xx': tally.statuses['4xx'],
  '5xx': tally.statuses['5xx'],
  refused429: tally.statuses.tooManyRequests,
  unexpected: tally.statuses.unexpected,
});

const brokenJourneysNote = (report: DriveReport): Pick<Measurement, 'note'> => {
  const places = Object.entries(report.load.journeys.abandonedAt)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 3)
    .map(([where, count]) => `${where} ×${count}`);
  return places.length > 0 ? { note: `journeys broke at ${places.join(', ')}` } : {};
};

/** What the stack's queues did around a run: how long their consumers took to catch up afterwards. */
export interface Afterwards {
  readonly drainedMs: number;
  /** Messages still waiting when the bench stopped waiting for the queues. */
  readonly stillQueued: number;
  /** Messages that failed every retry during the run and went to a dead-letter queue. */
  readonly deadLettered: number;
}

/**
 * The rows of one run: the whole mix with its counts (by status class, connection errors and timeouts,
 * journeys sent and broken off, and what the queues did), then each kind of request.
 */
export const loadMeasurements = (report: DriveReport, afterwards?: Afterwards): Measurement[] => {
  const { tally, journeys, elapsedMs, errors, timeouts } = report.load;
  return [
    latencyOf(
      `${report.label} at ${report.rate}/s for ${report.durationSeconds} s: every request`,
      tally.all,
      {
        figures: {
          achievedPerSecond: tally.all.requests / (elapsedMs / 1000),
          ...statusFigures(tally.all),
          errors,
          timeouts,
          journeys: journeys.completed,
          broken: journeys.abandoned,
          ...(afterwards
            ? {
                queuesDrainedMs: afterwards.drainedMs,
                stillQueued: afterwards.stillQueued,
                deadLettered: afterwards.deadLettered,
              }
            : {}),
        },
        ...brokenJourneysNote(report),
      },
    ),
    ...(['page', 'answer', 'submit'] as const)
      .filter((kind) => tally.byKind[kind].latency !== undefined)
      .map((kind) =>
        latencyOf(`  ${kindLabels[kind]} at ${report.rate}/s`, tally.byKind[kind], {
          figures: statusFigures(tally.byKind[kind]),
        }),
      ),
  ];
};

/** One journey at each rate, each run starting from empty queues and followed until they are empty again. */
const journeyUnderLoad = async (context: BenchContext, journey: string): Promise<Measurement[]> => {
  const durationSeconds = context.quick ? quickSeconds : fullSeconds;
  const clients = localClients(context.runtime);
  const measurements: Measurement[] = [];
  try {
    for (const rate of loadRates) {
      await untilQueuesDrain(context.runtime, clients, drainTimeoutMs);
      const before = await queueDepths(context.runtime, clients);
      context.log(`  ${journey} journey at ${rate}/s for ${durationSeconds} s`);
      const run = runsStarted++;
      const report = await drive(context, {
        url: context.runtime.url,
        journey,
        rate,
        durationSeconds,
        firstAddress: run * addressesPerRun,
        firstPerson: run * peoplePerRun,
        idleJourneys,
      });
      const drained = await untilQueuesDrain(context.runtime, clients, drainTimeoutMs);
      const [whole, ...byKind] = loadMeasurements(report, {
        drainedMs: drained.waitedMs,
        stillQueued: drained.depths.inFlight,
        deadLettered: drained.depths.deadLettered - before.deadLettered,
      });
      const idle = latencyOf(`  one request at a time, just before (baseline)`, report.idle.tally.all, {
        note: report.ownAddresses
          ? `${idleJourneys} journeys of ${report.stepsPerJourney} requests; under load each connection is one person on a loopback address of its own`
          : 'this machine cannot connect from other loopback addresses: every connection is one client, so a rate limit answers 429 once it is reached',
      });
      if (whole)
        measurements.push(
          whole,
          ...byKind,
          idle,
          ratioOf(`  every request at ${rate}/s ÷ one at a time`, whole, idle),
        );
    }
    return measurements;
  } finally {
    clients.destroy();
  }
};

/**
 * What one client address meets: the first answer of the report posted again and again from one address,
 * as fast as the site answers, until the limit refuses (429) and ten more. Shows that a 429 under load is
 * the limit doing its work (services/online-report/domain/rate-limit.ts), not a failure, and what it costs.
 */
const rateLimitProbe = async (context: BenchContext): Promise<Measurement[]> => {
  const alias = loopbackAddress(probeAddress);
  const localAddress = (await loopbackAliasesWork(alias)) ? alias : undefined;
  const page = await loopbackRequest(`${context.runtime.url}/report/in-danger`, {
    method: 'GET',
    localAddress,
  });
  const jar = withSetCookies({}, page.headers);
  const token = hiddenInputs(page.body)._csrf;
  const cookie = cookieHeader(jar);
  if (page.status !== 200 || !token || !cookie)
    throw new BenchSetupError("The report's first question gave no CSRF cookie and token.");
  const accepted: number[] = [];
  const refused: number[] = [];
  const limit = rateRules.answers.limit;
  for (let post = 0; post < limit * 2 && refused.length < 10; post++) {
    const started = performance.now();
    const response = await loopbackRequest(`${context.runtime.url}/report/in-danger`, {
      method: 'POST',
      localAddress,
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: token, inDanger: 'no' }).toString(),
    });
    const elapsed = performance.now() - started;
    if (response.status === 429) refused.push(elapsed);
    else if (response.status !== 303)
      throw new BenchSetupError(`An answer from one address was answered ${response.status}.`);
    // Windows are fixed ten-minute blocks: an answer accepted after refusals means a new one began.
    else if (refused.length > 0) break;
    else accepted.push(elapsed);
  }
  if (refused.length === 0)
    throw new BenchSetupError(`${limit * 2} answers from one address met no rate limit.`);
  const allowed = distributionOf(`one address: answers accepted (303) until the limit`, 'ms', accepted, {
    figures: { accepted: accepted.length, limit },
    note: `the limit is ${limit} answers an address in ${rateRules.answers.windowSeconds / 60} minutes`,
  });
  const tooMany = distributionOf('one address: answers refused by the limit (429)', 'ms', refused);
  return [allowed, tooMany, ratioOf('  refused ÷ accepted', tooMany, allowed)];
};

const described = (journey: string): string =>
  `${journey} under sustained load: ${loadRates.join(', ')} requests a second for ${fullSeconds} s each (${quickSeconds} s with --quick), autocannon on loopback`;

export const reportLoadSection: BenchSection = {
  name: 'load-report',
  description: described('the public report journey'),
  run: async (context) => [
    ...(await rateLimitProbe(context)),
    ...(await journeyUnderLoad(context, 'report')),
  ],
};

export const claresLawLoadSection: BenchSection = {
  name: 'load-clares-law',
  description: described("the Clare's Law right-to-ask journey"),
  run: (context) => journeyUnderLoad(context, 'clares-law'),
};
