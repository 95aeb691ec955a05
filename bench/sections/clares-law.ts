import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamoCaseRepository } from '../../services/clares-law/adapters/dynamo-case-repository.ts';
import { benchAnswers, seedOpenCases } from '../../services/clares-law/bench.ts';
import { claresLawConfig } from '../../services/clares-law/config.ts';
import { journeyStore } from '../../services/clares-law/journey-composition.ts';
import { applicationCookie } from '../../services/clares-law/web/application-journey.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/holidays.ts';
import { newJourneyId } from '../../shared/http/journey-session.ts';
import { loopbackAddress } from '../load/plan.ts';
import { loopbackAliasesWork } from '../load/source-addresses.ts';
import { distributionOf, ratioOf } from '../stats.ts';
import { plainPutBaseline } from '../support/baselines.ts';
import { submitJourney } from '../support/journey-submit.ts';
import { BenchSetupError, type LocalClients, localClients } from '../support/local-clients.ts';
import { inboxTable, until } from '../support/notifications.ts';
import { listPageAgainstItsData, type Repetitions, repetitions } from '../support/pages.ts';
import type { BenchContext, BenchSection, Measurement } from '../types.ts';

/** The case list is measured with this many open cases in the table. */
const openCases = 5000;
/** Where a new application is announced: the PPU as a whole (services/clares-law/messages.ts, `unit`). */
const unitPartition = 'AUDIENCE#GROUP#PPU#*';
/** Serials for the section's applicants, apart from any other bench's. */
const firstApplicant = 60_000_000;
/** Loopback addresses for the section's submits (bench/load/plan.ts), apart from every other bench's. */
const firstSubmitAddress = 11_000_000;

interface Submitted {
  /** When the POST was sent (performance.now()). */
  readonly sentAt: number;
  readonly elapsedMs: number;
  readonly caseId: string;
}

/**
 * `POST /clares-law/submit` over HTTP from a journey stored at check your answers beforehand (the service's
 * own bench answers, an applicant of their own each time), so only the POST is timed: to the 303. Each
 * comes from a loopback address of its own: applications are limited per address.
 */
const submitter = (context: BenchContext) => {
  let serial = 0;
  return async (): Promise<Submitted> => {
    const index = serial++;
    const journeyId = newJourneyId();
    await journeyStore().save(
      journeyId,
      { answers: benchAnswers(firstApplicant + index), reachedCheckAnswers: true },
      new Date(),
    );
    const { sentAt, elapsedMs } = await submitJourney(context.runtime, {
      path: '/clares-law/submit',
      confirmation: '/clares-law/confirmation',
      journeyCookie: applicationCookie.name,
      journeyId,
      address: firstSubmitAddress + index,
    });
    const journey = await journeyStore().load(journeyId, new Date());
    const caseId = journey?.status === 'sent' ? journey.reference : undefined;
    if (!caseId) throw new BenchSetupError('The submitted journey kept no case reference.');
    return { sentAt, elapsedMs, caseId };
  };
};

/** Whether the unit's inbox partition holds a notification about the case, among its newest. */
const announced = async (context: BenchContext, clients: LocalClients, caseId: string): Promise<boolean> => {
  const { Items } = await clients.dynamo.send(
    new QueryCommand({
      TableName: inboxTable(context.runtime),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': unitPartition, ':prefix': 'NOTIFICATION#' },
      ScanIndexForward: false,
      Limit: 20,
      ConsistentRead: true,
    }),
  );
  return (Items ?? []).some((item) => (item.source as { caseId?: string } | undefined)?.caseId === caseId);
};

/** The submit warm over HTTP against a plain PutItem, and submit → the PPU's inbox through the queue. */
const submitMeasurements = async (
  context: BenchContext,
  clients: LocalClients,
  counts: Repetitions,
): Promise<Measurement[]> => {
  const submit = submitter(context);
  context.log('  submit over HTTP');
  for (let warm = 0; warm < counts.warmUp; warm++) await submit();
  const submitSamples: number[] = [];
  for (let run = 0; run < counts.runs; run++) submitSamples.push((await submit()).elapsedMs);
  const submitted = distributionOf(
    'submit over HTTP (case, identity keys and notification in one transaction, relayed)',
    'ms',
    submitSamples,
    { note: 'POST /clares-law/submit from a journey stored at check your answers' },
  );
  const put = await plainPutBaseline(clients, claresLawConfig().casesTable, 'cases', counts.runs);

  context.log("  submit → the PPU's inbox");
  const endToEnd: number[] = [];
  for (let run = 0; run < (context.quick ? 3 : 20); run++) {
    const { caseId, sentAt } = await submit();
    await until('the new application in the PPU inbox', () => announced(context, clients, caseId), {
      intervalMs: 5,
      timeoutMs: 30_000,
    });
    endToEnd.push(performance.now() - sentAt);
  }
  return [
    submitted,
    put,
    ratioOf('submit over HTTP ÷ plain PutItem', submitted, put),
    distributionOf('submit → notification in the PPU inbox (through the queue)', 'ms', endToEnd, {
      note: 'from sending the POST to the notification stored, polled every 5 ms',
    }),
  ];
};

export const claresLawSection: BenchSection = {
  name: 'clares-law',
  description: `the right to ask: submit warm over HTTP; submit → the PPU's inbox through the queue; the case list with ${openCases} open cases`,
  run: async (context) => {
    const counts = repetitions(context.quick);
    const clients = localClients(context.runtime);
    try {
      const submitRows = (await loopbackAliasesWork(loopbackAddress(firstSubmitAddress)))
        ? await submitMeasurements(context, clients, counts)
        : [];
      const cases = context.quick ? 500 : openCases;
      context.log(`  seeding ${cases} open cases`);
      const seedStarted = performance.now();
      await seedOpenCases(cases);
      const seedMs = performance.now() - seedStarted;
      const repository = dynamoCaseRepository(dynamoDocumentClient(), claresLawConfig().casesTable, {
        holidays: englandAndWalesBankHolidays(),
      });
      context.log('  case list');
      const caseList = await listPageAgainstItsData(
        context.runtime,
        {
          name: `case list /staff/clares-law (${cases} open cases and the submitted ones)`,
          path: '/staff/clares-law',
          demoStaffId: 'ppu-officer',
          note: `the first 50 by clock; seeding took ${Math.round(seedMs)} ms${
            submitRows.length > 0
              ? ''
              : '; submits not measured: this machine cannot connect from other loopback addresses, and applications are limited per address'
          }`,
        },
        { name: '  the list read alone (repository listOpen(50))', read: () => repository.listOpen(50) },
        counts,
      );
      return [...submitRows, ...caseList];
    } finally {
      clients.destroy();
    }
  },
};
