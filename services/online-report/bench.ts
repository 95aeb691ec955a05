import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build, type Metafile } from 'esbuild';
import { lettersOf } from '../../bench/load/journey.ts';
import { median } from '../../bench/stats.ts';
import { probeImport } from '../../bench/support/node-process.ts';
import { type MeanLatency, meanLatency } from '../../bench/support/service-figures.ts';
import { esbuildOptions } from '../../infra/constructs/bundling-options.ts';
import { newJourneyId } from '../../shared/http/journey-session.ts';
import { csrfTokenFor } from '../../shared/http/middleware/csrf.ts';
import { originVerifyHeader } from '../../shared/http/origin-verify.ts';
import { journeySessions, reportStore } from './composition-root.ts';
import type { JourneyAnswers } from './domain/journey/engine.ts';
import { onlineReport } from './manifest.ts';
import { reportJourneyCookie } from './web/journey-web.ts';

/**
 * Figures for the online-report service, for `npm run bench`. Run with the local stack's environment in
 * `process.env` (the bench runner puts it there): the handlers talk to DynamoDB Local and the local queues.
 */

export type LatencyFigures = MeanLatency;

const figuresOf = (samples: readonly number[]): LatencyFigures => meanLatency(samples, 2);

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const importHandler = async (name: string): Promise<Handler> =>
  ((await import(`./handlers/${name}.ts`)) as { handler: Handler }).handler;

/** A whole journey answered: a report of messages from an ex-partner, or (`domesticAbuse: false`) a theft. */
/**
 * A report by person `serial`, who is nobody else in the run: matching reads letters, not digits, and a date
 * of birth and phone number, so each person's name, date of birth, phone and suspect are their own. (One
 * person reporting a hundred times a second would be measured instead: every report a repeat of the others.)
 */
const sampleAnswers = (domesticAbuse: boolean, serial: number): JourneyAnswers => ({
  'in-danger': { inDanger: 'no' },
  'happening-now': { happeningNow: 'no' },
  'suspect-present': { suspectPresent: 'no' },
  'anyone-injured': { anyoneInjured: 'no' },
  'what-happened': { category: domesticAbuse ? 'nuisance-communications' : 'theft' },
  when: { 'incidentDate-day': '1', 'incidentDate-month': '11', 'incidentDate-year': '2026' },
  where: { location: 'Outside the flats' },
  description: {
    description: domesticAbuse
      ? 'My ex keeps sending me messages late at night.'
      : 'My bike was taken from the shed.',
  },
  'suspect-known': { suspectKnown: domesticAbuse ? 'yes' : 'no' },
  ...(domesticAbuse
    ? {
        'suspect-details': { suspectName: `Jordan ${lettersOf(serial)}` },
        'suspect-age': { suspectAge: '18-or-over' },
        relationship: { relationship: 'ex-partner' },
      }
    : {}),
  'your-name': { fullName: `Bench ${lettersOf(serial)}` },
  'your-date-of-birth': {
    'dateOfBirth-day': String(1 + (serial % 28)),
    'dateOfBirth-month': String(1 + (serial % 12)),
    'dateOfBirth-year': String(1950 + (serial % 50)),
  },
  'contact-methods': {
    contactMethods: ['phone'],
    phone: `07700 9${String(serial % 100_000).padStart(5, '0')}`,
  },
  'safe-times': { safeTimes: 'any-time' },
  messages: { messagesAllowed: 'no' },
  'safe-word': {},
});

/**
 * A check-your-answers POST as API Gateway delivers it from CloudFront (with the origin header), from an
 * address of its own (no rate limit).
 */
const submitEvent = (
  journeyId: string,
  submissionToken: string,
  csrfSecret: string,
  originSecret: string,
): APIGatewayProxyEventV2 => {
  const csrfCookie = randomBytes(32).toString('base64url');
  const body = new URLSearchParams({
    _csrf: csrfTokenFor(csrfSecret, csrfCookie),
    submissionToken,
  }).toString();
  const sourceIp = `198.18.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;
  return {
    version: '2.0',
    routeKey: 'POST /report/check-your-answers',
    rawPath: '/report/check-your-answers',
    rawQueryString: '',
    headers: {
      host: 'localhost',
      'content-type': 'application/x-www-form-urlencoded',
      [originVerifyHeader]: originSecret,
    },
    cookies: [`__Host-csrf=${csrfCookie}`, `${reportJourneyCookie.name}=${journeyId}`],
    requestContext: {
      accountId: '000000000000',
      apiId: 'bench',
      domainName: 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: 'POST',
        path: '/report/check-your-answers',
        protocol: 'HTTP/1.1',
        sourceIp,
        userAgent: 'bench',
      },
      requestId: randomBytes(8).toString('hex'),
      routeKey: 'POST /report/check-your-answers',
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
    body,
    isBase64Encoded: false,
  };
};

const environmentSecret = (name: 'CSRF_SECRET' | 'ORIGIN_VERIFY_SECRET'): string => {
  const secret = process.env[name];
  if (!secret) throw new Error(`${name} is not set: run with the local stack’s environment.`);
  return secret;
};

/** Seeds a journey at check your answers and returns the event that submits it. */
const preparedSubmit = async (domesticAbuse: boolean, serial: number): Promise<APIGatewayProxyEventV2> => {
  const journeyId = newJourneyId();
  const submissionToken = randomBytes(24).toString('base64url');
  await journeySessions().save(
    journeyId,
    { answers: sampleAnswers(domesticAbuse, serial), reachedCheckAnswers: true, submissionToken },
    new Date(),
  );
  return submitEvent(
    journeyId,
    submissionToken,
    environmentSecret('CSRF_SECRET'),
    environmentSecret('ORIGIN_VERIFY_SECRET'),
  );
};

const submitOnce = async (submit: Handler, event: APIGatewayProxyEventV2): Promise<number> => {
  const started = performance.now();
  const response = await submit(event);
  const elapsed = performance.now() - started;
  if (response.statusCode !== 303 || response.headers?.Location !== '/report/confirmation') {
    throw new Error(`The submit answered ${response.statusCode}, not a redirect to the confirmation.`);
  }
  return elapsed;
};

export interface SubmitFigures {
  /** A report with no domestic abuse: report, reference, keys and submission record in one transaction. */
  readonly plain: LatencyFigures;
  /** Domestic abuse: the same plus the outbox message, relayed to the work queue before the answer. */
  readonly domesticAbuse: LatencyFigures;
}

/**
 * The submit handler, warm, in this process against DynamoDB Local and the local queue: only the POST is
 * timed (the journey is seeded beforehand), after `warmUp` untimed runs.
 */
export const benchSubmitHandler = async (runs = 100, warmUp = 10): Promise<SubmitFigures> => {
  const submit = await importHandler('submit-report');
  const measure = async (domesticAbuse: boolean): Promise<LatencyFigures> => {
    for (let run = 0; run < warmUp; run += 1)
      await submitOnce(submit, await preparedSubmit(domesticAbuse, run));
    const samples: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      samples.push(await submitOnce(submit, await preparedSubmit(domesticAbuse, warmUp + run)));
    }
    return figuresOf(samples);
  };
  return { plain: await measure(false), domesticAbuse: await measure(true) };
};

/**
 * From the submit's answer to the incident log on the Force Response list, through the local queue: the
 * runtime's queue poller hands the message to the consumer, which opens the log. The list is read the way
 * its page reads it (the open-incident index), every 10 ms.
 */
export const benchSubmitToIncidentList = async (runs = 10, timeoutMs = 30_000): Promise<LatencyFigures> => {
  const submit = await importHandler('submit-report');
  const store = reportStore();
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const event = await preparedSubmit(true, 10_000 + run);
    const journeyId = (event.cookies ?? [])
      .find((cookie) => cookie.startsWith(`${reportJourneyCookie.name}=`))
      ?.split('=')[1];
    const response = await submit(event);
    const answered = performance.now();
    if (response.statusCode !== 303) throw new Error(`The submit answered ${response.statusCode}.`);
    const journey = journeyId ? await journeySessions().load(journeyId, new Date()) : undefined;
    const reference = journey?.status === 'sent' ? journey.reference : undefined;
    if (!reference) throw new Error('The submit kept no reference.');
    let seen: number | undefined;
    while (seen === undefined) {
      if ((await store.openIncidents()).some((log) => log.reference === reference)) seen = performance.now();
      else if (performance.now() - answered > timeoutMs)
        throw new Error('The log did not reach the list in time.');
      else await new Promise((resolveWait) => setTimeout(resolveWait, 10));
    }
    samples.push(seen - answered);
  }
  return figuresOf(samples);
};

export interface BundleFigures {
  readonly handler: string;
  readonly bytes: number;
  readonly gzipBytes: number;
  /** Of `bytes`, the AWS SDK's (clients, Smithy, crypto), which every page that reads or writes a table carries. */
  readonly awsSdkBytes: number;
  /** Median over the runs of `import()` in a fresh `node`, as a cold Lambda does. */
  readonly coldImportMs: number;
  readonly withinAim: boolean;
}

const awsSdkInput = /node_modules\/@(aws-sdk|smithy|aws-crypto)\//;

/** The bytes of a bundle that came from the AWS SDK, read from esbuild's metafile. */
const awsSdkBytesOf = (metafile: Metafile | undefined): number =>
  Object.values(metafile?.outputs ?? {})
    .flatMap((output) => Object.entries(output.inputs))
    .filter(([input]) => awsSdkInput.test(input))
    .reduce((sum, [, input]) => sum + input.bytesInOutput, 0);

/** What the public pages aim for: small enough to start fast for someone who may have little time. */
export const publicPageAim = { bytes: 400 * 1024, coldImportMs: 150 } as const;

/** Imported cold as a public page's function imports it, with source maps on (as every function runs). */
const probe = async (file: string): Promise<number> =>
  (await probeImport(file, { ...process.env, NODE_OPTIONS: '--enable-source-maps' })).importMs;

const repositoryRoot = fileURLToPath(new URL('../..', import.meta.url));

/** One public page handler bundled into `directory` (and `external` left out), measured as a cold function. */
const bundleFigures = async (
  handler: string,
  directory: string,
  runs: number,
  external: readonly string[] = [],
): Promise<BundleFigures> => {
  const file = join(directory, handler, 'index.mjs');
  const options = esbuildOptions(
    resolve(repositoryRoot, `services/online-report/handlers/${handler}.ts`),
    file,
  );
  const result = await build({
    ...options,
    external: [...(options.external ?? []), ...external],
    absWorkingDir: repositoryRoot,
  });
  const contents = readFileSync(file);
  const imports: number[] = [];
  for (let run = 0; run < runs; run += 1) imports.push(await probe(file));
  const coldImportMs = Math.round(median(imports) * 10) / 10;
  return {
    handler,
    bytes: contents.byteLength,
    gzipBytes: gzipSync(contents).byteLength,
    awsSdkBytes: awsSdkBytesOf(result.metafile),
    coldImportMs,
    withinAim: contents.byteLength <= publicPageAim.bytes && coldImportMs <= publicPageAim.coldImportMs,
  };
};

/**
 * Each public page handler bundled as deployed (infra/constructs/bundling-options.ts) and imported cold
 * `runs` times in a fresh process: bytes, gzipped bytes and the median import time, against the aim.
 */
export const benchPublicPageBundles = async (runs = 3): Promise<BundleFigures[]> => {
  const directory = mkdtempSync(join(tmpdir(), 'online-report-bench-'));
  const handlers = [
    ...new Set(
      onlineReport.routes.filter((route) => route.policy === 'public').map((route) => route.handler),
    ),
  ];
  try {
    const figures: BundleFigures[] = [];
    for (const handler of handlers) figures.push(await bundleFigures(handler, directory, runs));
    return figures;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

/** The SDK's packages, which Lambda's Node.js runtime also provides. */
const awsSdkPackages = ['@aws-sdk/*', '@smithy/*', '@aws-crypto/*'];

/**
 * The obvious way to a smaller bundle, measured against the one deployed: the submit handler with the AWS SDK
 * left to the runtime's copy (imported from node_modules, as the runtime's is from disk) and with it inside.
 * The bundle is written under node_modules/.cache so the left-out packages resolve.
 */
export const benchSdkChoice = async (
  runs = 5,
): Promise<{ readonly bundled: BundleFigures; readonly runtimeSdk: BundleFigures }> => {
  const directory = join(repositoryRoot, 'node_modules', '.cache', 'online-report-bench-sdk');
  try {
    return {
      bundled: await bundleFigures('submit-report', join(directory, 'bundled'), runs),
      runtimeSdk: await bundleFigures('submit-report', join(directory, 'runtime-sdk'), runs, awsSdkPackages),
    };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};
