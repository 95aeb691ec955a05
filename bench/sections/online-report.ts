import { randomBytes } from 'node:crypto';
import {
  type BundleFigures,
  benchPublicPageBundles,
  benchSdkChoice,
  benchSubmitHandler,
  benchSubmitToIncidentList,
  publicPageAim,
} from '../../services/online-report/bench.ts';
import { journeySessions, reportStore } from '../../services/online-report/composition-root.ts';
import { JourneyAnswersSchema } from '../../services/online-report/domain/journey/engine.ts';
import { reportJourneyCookie } from '../../services/online-report/web/journey-web.ts';
import { newJourneyId } from '../../shared/http/journey-session.ts';
import { answersOf, personOf } from '../load/journey.ts';
import { loopbackAddress } from '../load/plan.ts';
import { reportJourney } from '../load/report-journey.ts';
import { loopbackAliasesWork } from '../load/source-addresses.ts';
import { distributionOf, ratioOf } from '../stats.ts';
import { plainPutBaseline } from '../support/baselines.ts';
import { submitJourney } from '../support/journey-submit.ts';
import { environmentValue, localClients } from '../support/local-clients.ts';
import { listPageAgainstItsData, repetitions } from '../support/pages.ts';
import { fromServiceFigures } from '../support/service-figures.ts';
import type { BenchContext, BenchSection, Measurement } from '../types.ts';

/** Loopback addresses for this section's submits (bench/load/plan.ts), apart from the load runs'. */
const firstSubmitAddress = 10_000_000;
/** People for this section's reports, apart from the load runs'. */
const firstSubmitPerson = 50_000_000;

/**
 * The check-your-answers POST over HTTP, as a browser sends it, each from a loopback address of its own
 * (the submit limit is per address). Each journey is seeded at check your answers beforehand (the answers
 * of the load run's journey, a new person each time), so only the POST is timed.
 */
const timeSubmitOverHttp = async (context: BenchContext, runs: number, warmUp: number): Promise<number[]> => {
  const sessions = journeySessions();
  const journey = reportJourney(new Date());
  let serial = 0;
  const submitOnce = async (): Promise<number> => {
    const index = serial++;
    const journeyId = newJourneyId();
    const submissionToken = randomBytes(24).toString('base64url');
    const answers = JourneyAnswersSchema.parse(answersOf(journey, personOf(firstSubmitPerson + index)));
    await sessions.save(journeyId, { answers, reachedCheckAnswers: true, submissionToken }, new Date());
    const { elapsedMs } = await submitJourney(context.runtime, {
      path: '/report/check-your-answers',
      confirmation: '/report/confirmation',
      journeyCookie: reportJourneyCookie.name,
      journeyId,
      fields: { submissionToken },
      address: firstSubmitAddress + index,
    });
    return elapsedMs;
  };
  for (let run = 0; run < warmUp; run++) await submitOnce();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) samples.push(await submitOnce());
  return samples;
};

/** Which of the public pages' aims (< 400 KB, < 150 ms cold import) a bundle misses. */
const aimNote = (bundle: {
  readonly bytes: number;
  readonly awsSdkBytes: number;
  readonly coldImportMs: number;
}): string => {
  const missed = [
    ...(bundle.bytes > publicPageAim.bytes ? [`over ${publicPageAim.bytes / 1024} KB`] : []),
    ...(bundle.coldImportMs > publicPageAim.coldImportMs
      ? [`cold import over ${publicPageAim.coldImportMs} ms`]
      : []),
  ];
  const sdk = `AWS SDK ${Math.round(bundle.awsSdkBytes / 1024)} KB of it`;
  return missed.length === 0 ? `within the aim (${sdk})` : `OVER the aim: ${missed.join(', ')} (${sdk})`;
};

/** Bundling the SDK against leaving it to the runtime: smaller, but slower to start. */
const sdkChoiceRows = async (runs: number): Promise<Measurement[]> => {
  const { bundled, runtimeSdk } = await benchSdkChoice(runs);
  const row = (name: string, bundle: BundleFigures): Measurement => ({
    name,
    unit: 'ms',
    value: bundle.coldImportMs,
    figures: { bytes: bundle.bytes, gzipBytes: bundle.gzipBytes },
  });
  const deployed = row('submit-report cold import, AWS SDK bundled (as deployed)', bundled);
  const alternative = row("submit-report cold import, AWS SDK left to the runtime's copy", runtimeSdk);
  return [
    deployed,
    alternative,
    ratioOf("cold import: runtime's SDK ÷ bundled", alternative, deployed),
    {
      name: "bundle size: runtime's SDK ÷ bundled",
      unit: 'ratio',
      value: Math.round((runtimeSdk.bytes / bundled.bytes) * 100) / 100,
    },
  ];
};

const publicPageRows = async (runs: number): Promise<Measurement[]> => {
  const bundles = await benchPublicPageBundles(runs);
  return bundles.map((bundle) => ({
    name: `public page bundle online-report/${bundle.handler}`,
    unit: 'bytes',
    value: bundle.bytes,
    figures: {
      gzipBytes: bundle.gzipBytes,
      awsSdkBytes: bundle.awsSdkBytes,
      coldImportMs: bundle.coldImportMs,
    },
    note: aimNote(bundle),
  }));
};

export const onlineReportSection: BenchSection = {
  name: 'online-report',
  description:
    'the public report: submit warm (handler alone, and over HTTP), submit → Force Response list, staff lists, public page bundles',
  run: async (context) => {
    const counts = repetitions(context.quick);
    const clients = localClients(context.runtime);
    try {
      context.log('  submit handler, in process');
      const handler = await benchSubmitHandler(context.quick ? 20 : 100, context.quick ? 3 : 10);
      const put = await plainPutBaseline(
        clients,
        environmentValue(context.runtime, 'TABLE_ONLINE_REPORT_REPORTS'),
        'reports',
        counts.runs,
      );
      // Submits are limited per address: without addresses of their own, ten would end in 429s.
      const overHttp: Measurement[] = [];
      if (await loopbackAliasesWork(loopbackAddress(firstSubmitAddress))) {
        context.log('  submit over HTTP');
        const submit = distributionOf(
          'submit over HTTP (domestic abuse: transaction + relay to the work queue)',
          'ms',
          await timeSubmitOverHttp(context, counts.runs, counts.warmUp),
          { note: 'the check-your-answers POST, each from a loopback address of its own' },
        );
        overHttp.push(submit, ratioOf('submit over HTTP ÷ plain PutItem', submit, put));
      }
      context.log('  submit → Force Response incident list');
      const endToEnd = await benchSubmitToIncidentList(context.quick ? 3 : 10);

      context.log('  staff lists');
      const store = reportStore();
      const queued = (await store.contactQueue()).length;
      const open = (await store.openIncidents()).length;
      const contactQueue = await listPageAgainstItsData(
        context.runtime,
        {
          name: `contact queue page /staff/online-reports (${queued} reports)`,
          path: '/staff/online-reports',
          demoStaffId: 'contact-handler',
        },
        { name: '  the queue read alone (store.contactQueue)', read: () => store.contactQueue() },
        counts,
      );
      const incidents = await listPageAgainstItsData(
        context.runtime,
        {
          name: `Force Response incident list /staff/incidents (${open} open logs)`,
          path: '/staff/incidents',
          demoStaffId: 'sergeant',
        },
        { name: '  the open logs read alone (store.openIncidents)', read: () => store.openIncidents() },
        counts,
      );

      context.log('  public page bundles');
      const bundles = await publicPageRows(context.quick ? 1 : 3);
      context.log('  AWS SDK bundled or left to the runtime');
      const sdkChoice = await sdkChoiceRows(context.quick ? 1 : 5);

      return [
        fromServiceFigures('submit handler alone, not domestic abuse', handler.plain, handler.plain.samples, {
          note: 'services/online-report/bench.ts: in process, journey seeded, only the handler timed',
        }),
        fromServiceFigures(
          'submit handler alone, domestic abuse',
          handler.domesticAbuse,
          handler.domesticAbuse.samples,
        ),
        ...(overHttp.length > 0
          ? [put, ...overHttp]
          : [
              {
                ...put,
                note: 'submit over HTTP not measured: this machine cannot connect from other loopback addresses, and submits are limited per address',
              },
            ]),
        fromServiceFigures(
          'submit → log on the Force Response list (through the queue)',
          endToEnd,
          endToEnd.samples,
          {
            note: 'from the submit answering to the log in the open-incident index, polled every 10 ms',
          },
        ),
        ...contactQueue,
        ...incidents,
        ...bundles,
        ...sdkChoice,
      ];
    } finally {
      clients.destroy();
    }
  },
};
