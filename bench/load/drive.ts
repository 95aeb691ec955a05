import autocannon, { type Options, type Result } from 'autocannon';
import { loopbackRequest } from '../support/loopback-http.ts';
import type { Journey, JourneyStep, Person } from './journey.ts';
import { personOf } from './journey.ts';
import {
  answered,
  freshWalk,
  type JourneyRecorder,
  journeyRequests,
  requestOf,
  type Walk,
} from './journey-requests.ts';
import { loadJourneys } from './journeys.ts';
import { loadPlan, loopbackAddress, startingSteps } from './plan.ts';
import { DriveInput, type DriveReport, type JourneyCounts } from './protocol.ts';
import { connectFromEachAddress, loopbackAliasesWork } from './source-addresses.ts';
import { type LoadOutcome, tallyOutcomes } from './tally.ts';

/**
 * The load driver: one journey at one rate, in a process of its own so the load client does not share an
 * event loop with the site it measures. `tsx bench/load/drive.ts '<DriveInput as JSON>'`; prints a
 * DriveReport (JSON) on stdout. bench/sections/sustained-load.ts runs it.
 *
 * First one journey is walked to load every handler and check that each step answers as expected (it
 * fails here, naming the step, if the journey has changed); then `idleJourneys`, one request at a time,
 * for the unloaded baseline; then the load: `rate` people a second for `durationSeconds`.
 *
 * The load's people would all be at the same step at the same moment if they all began together (at 100
 * a second, a hundred forms sent in the same second, once a journey). So before the load, each
 * connection's first person is walked, unmeasured, to a step of their own, spread evenly over the
 * journey: from the first second the site sees what a steady stream of people at every stage sends.
 */

class DriveError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DriveError';
  }
}

/** Seconds a request may take before the load client counts it as timed out and reconnects. */
const requestTimeoutSeconds = 10;
/** How long past its duration a run may go before it is stopped. */
const overrunMs = 30_000;

interface Collector extends JourneyRecorder {
  readonly outcomes: LoadOutcome[];
  counts(): JourneyCounts;
}

const collector = (): Collector => {
  const outcomes: LoadOutcome[] = [];
  const abandonedAt: Record<string, number> = {};
  let completed = 0;
  let abandoned = 0;
  return {
    outcomes,
    record: (outcome) => outcomes.push(outcome),
    completed: () => {
      completed += 1;
    },
    abandoned: (step: JourneyStep, status: number) => {
      abandoned += 1;
      const where = `${step.method} ${step.path} → ${status}`;
      abandonedAt[where] = (abandonedAt[where] ?? 0) + 1;
    },
    counts: () => ({ completed, abandoned, abandonedAt: { ...abandonedAt } }),
  };
};

const run = (options: Options, deadlineMs: number): Promise<Result> => {
  const instance = autocannon(options);
  const timer = setTimeout(() => instance.stop(), deadlineMs);
  return new Promise<Result>((resolve, reject) => {
    instance.then(resolve, reject);
  }).finally(() => clearTimeout(timer));
};

/** Whole journeys one request at a time, every step expected to answer as the journey says. */
const walkOneAtATime = async (
  url: string,
  journey: Journey,
  journeys: number,
  nextPerson: () => Person,
): Promise<Collector> => {
  const recorder = collector();
  const amount = journey.steps.length * journeys;
  const result = await run(
    {
      url,
      connections: 1,
      amount,
      timeout: requestTimeoutSeconds,
      requests: journeyRequests(journey, recorder, { nextPerson, length: amount + 1 }),
    },
    amount * requestTimeoutSeconds * 1000,
  );
  const counts = recorder.counts();
  if (result.errors > 0 || counts.abandoned > 0 || counts.completed !== journeys) {
    const where = Object.keys(counts.abandonedAt).join('; ') || `${result.errors} connection errors`;
    throw new DriveError(`The ${journey.name} journey did not go as the bench expects: ${where}.`);
  }
  return recorder;
};

/** One person walked `steps` steps into the journey, unmeasured, from `localAddress` if given. */
const walkAhead = async (
  url: string,
  journey: Journey,
  person: Person,
  steps: number,
  localAddress: string | undefined,
): Promise<Walk> => {
  let walk = freshWalk(person);
  for (let taken = 0; taken < steps; taken++) {
    const outgoing = requestOf(journey, walk);
    const response = await loopbackRequest(`${url}${outgoing.path}`, {
      method: outgoing.method,
      headers: outgoing.headers,
      ...(outgoing.body === undefined ? {} : { body: outgoing.body }),
      ...(localAddress ? { localAddress } : {}),
    });
    const result = answered(journey, walk, response.status, response.body, response.headers);
    if (!result.walk)
      throw new DriveError(`Walking ahead, ${outgoing.method} ${outgoing.path} answered ${response.status}.`);
    walk = result.walk;
  }
  return walk;
};

const main = async (): Promise<void> => {
  const input = DriveInput.parse(JSON.parse(process.argv[2] ?? '{}'));
  const buildJourney = loadJourneys[input.journey];
  if (!buildJourney) throw new DriveError(`No load journey named ${input.journey}.`);
  const journey = buildJourney(new Date());
  const target = new URL(input.url);
  // Loopback IPv4 by number: a name may resolve to ::1, which no 127.x.y.z address can reach.
  target.hostname = '127.0.0.1';
  const url = target.origin;

  let address = input.firstAddress;
  const ownAddresses = await loopbackAliasesWork(loopbackAddress(address));
  const restore = ownAddresses ? connectFromEachAddress(() => loopbackAddress(address++)) : () => undefined;
  let serial = input.firstPerson;
  const nextPerson = () => personOf(serial++);

  try {
    await walkOneAtATime(url, journey, 1, nextPerson);
    const idle = await walkOneAtATime(url, journey, input.idleJourneys, nextPerson);

    const plan = loadPlan(input.rate, input.durationSeconds);
    const connections = plan.groups.reduce((sum, group) => sum + group.connections, 0);
    const startingWalks: Walk[] = [];
    for (const steps of startingSteps(connections, journey.steps.length)) {
      const localAddress = ownAddresses ? loopbackAddress(address++) : undefined;
      startingWalks.push(await walkAhead(url, journey, nextPerson(), steps, localAddress));
    }
    const firstWalk = () => startingWalks.shift() ?? freshWalk(nextPerson());
    const recorder = collector();
    const started = performance.now();
    const results = await Promise.all(
      plan.groups.map(
        (group) =>
          new Promise<Result>((resolve, reject) => {
            setTimeout(() => {
              run(
                {
                  url,
                  connections: group.connections,
                  overallRate: group.rate,
                  duration: plan.durationSeconds,
                  maxOverallRequests: group.maxRequests,
                  timeout: requestTimeoutSeconds,
                  requests: journeyRequests(journey, recorder, {
                    nextPerson,
                    firstWalk,
                    length: group.maxRequests + 1,
                  }),
                },
                plan.durationSeconds * 1000 + overrunMs,
              ).then(resolve, reject);
            }, group.startAfterMs);
          }),
      ),
    );
    const elapsedMs = performance.now() - started;

    const report: DriveReport = {
      journey: journey.name,
      label: journey.label,
      stepsPerJourney: journey.steps.length,
      rate: plan.rate,
      durationSeconds: plan.durationSeconds,
      connections,
      groups: plan.groups.length,
      ownAddresses,
      idle: { tally: tallyOutcomes(idle.outcomes), journeys: idle.counts() },
      load: {
        tally: tallyOutcomes(recorder.outcomes),
        journeys: recorder.counts(),
        elapsedMs,
        errors: results.reduce((sum, result) => sum + result.errors, 0),
        timeouts: results.reduce((sum, result) => sum + result.timeouts, 0),
      },
    };
    await new Promise<void>((resolve) =>
      process.stdout.write(`${JSON.stringify(report)}\n`, () => resolve()),
    );
  } finally {
    restore();
  }
};

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
    process.exit(1);
  },
);
