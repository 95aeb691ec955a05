import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { build } from 'esbuild';
import { esbuildOptions } from '../../infra/constructs/bundling-options.ts';
import { csrfTokenFor } from '../../shared/http/middleware/csrf.ts';
import { journeyCookieName, newJourneyId } from './adapters/journey-session-store.ts';
import { journeySessions, reportStore } from './composition-root.ts';
import type { JourneyAnswers } from './domain/journey/engine.ts';
import { onlineReport } from './manifest.ts';

/**
 * Figures for the online-report service, for `npm run bench`. Run with the local stack's environment in
 * `process.env` (the bench runner puts it there): the handlers talk to DynamoDB Local and the local queues.
 */

export interface LatencyFigures {
  readonly runs: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
}

const percentile = (sorted: readonly number[], fraction: number): number =>
  sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? 0;

const figuresOf = (samples: readonly number[]): LatencyFigures => {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    runs: sorted.length,
    p50Ms: round(percentile(sorted, 0.5)),
    p95Ms: round(percentile(sorted, 0.95)),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  };
};

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const importHandler = async (name: string): Promise<Handler> =>
  ((await import(`./handlers/${name}.ts`)) as { handler: Handler }).handler;

/** A whole journey answered: a report of messages from an ex-partner, or (`domesticAbuse: false`) a theft. */
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
        'suspect-details': { suspectName: 'Jordan Bench' },
        'suspect-age': { suspectAge: '18-or-over' },
        relationship: { relationship: 'ex-partner' },
      }
    : {}),
  'your-name': { fullName: `Bench Person ${serial}` },
  'your-date-of-birth': { 'dateOfBirth-day': '4', 'dateOfBirth-month': '11', 'dateOfBirth-year': '1990' },
  'contact-methods': { contactMethods: ['phone'], phone: '07700 900982' },
  'safe-times': { safeTimes: 'any-time' },
  messages: { messagesAllowed: 'no' },
  'safe-word': {},
});

/** A check-your-answers POST as API Gateway delivers it, from an address of its own (no rate limit). */
const submitEvent = (
  journeyId: string,
  submissionToken: string,
  csrfSecret: string,
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
    headers: { host: 'localhost', 'content-type': 'application/x-www-form-urlencoded' },
    cookies: [`__Host-csrf=${csrfCookie}`, `${journeyCookieName}=${journeyId}`],
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

const csrfSecret = (): string => {
  const secret = process.env.CSRF_SECRET;
  if (!secret) throw new Error('CSRF_SECRET is not set: run with the local stack’s environment.');
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
  return submitEvent(journeyId, submissionToken, csrfSecret());
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
      .find((cookie) => cookie.startsWith(`${journeyCookieName}=`))
      ?.split('=')[1];
    const response = await submit(event);
    const answered = performance.now();
    if (response.statusCode !== 303) throw new Error(`The submit answered ${response.statusCode}.`);
    const state = journeyId ? await journeySessions().load(journeyId, new Date()) : undefined;
    const reference = state?.submitted?.reference;
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
  /** Median over the runs of `import()` in a fresh `node`, as a cold Lambda does. */
  readonly coldImportMs: number;
  readonly withinAim: boolean;
}

/** What the public pages aim for: small enough to start fast for someone who may have little time. */
export const publicPageAim = { bytes: 400 * 1024, coldImportMs: 150 } as const;

const probe = (file: string): Promise<number> =>
  new Promise((resolvePromise, reject) => {
    const script = [
      'const started = performance.now();',
      'await import(process.argv[1]);',
      'process.stdout.write(JSON.stringify({ importMs: performance.now() - started }));',
      'process.exit(0);',
    ].join('\n');
    const child = spawn(process.execPath, ['--input-type=module', '-e', script, pathToFileURL(file).href], {
      env: { ...process.env, NODE_OPTIONS: '--enable-source-maps' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.once('error', reject);
    child.once('close', (code) => {
      const reported = /\{"importMs":[0-9.e+-]+\}/.exec(stdout)?.[0];
      if (code !== 0 || !reported) reject(new Error(`Importing ${file} failed (exit ${code})`));
      else resolvePromise((JSON.parse(reported) as { importMs: number }).importMs);
    });
  });

/**
 * Each public page handler bundled as deployed (infra/constructs/bundling-options.ts) and imported cold
 * `runs` times in a fresh process: bytes, gzipped bytes and the median import time, against the aim.
 */
export const benchPublicPageBundles = async (runs = 3): Promise<BundleFigures[]> => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const directory = mkdtempSync(join(tmpdir(), 'online-report-bench-'));
  const handlers = [
    ...new Set(
      onlineReport.routes.filter((route) => route.policy === 'public').map((route) => route.handler),
    ),
  ];
  try {
    const figures: BundleFigures[] = [];
    for (const handler of handlers) {
      const file = join(directory, handler, 'index.mjs');
      await build({
        ...esbuildOptions(resolve(root, `services/online-report/handlers/${handler}.ts`), file),
        absWorkingDir: root,
      });
      const contents = readFileSync(file);
      const imports: number[] = [];
      for (let run = 0; run < runs; run += 1) imports.push(await probe(file));
      const coldImportMs =
        Math.round(
          percentile(
            [...imports].sort((a, b) => a - b),
            0.5,
          ) * 10,
        ) / 10;
      figures.push({
        handler,
        bytes: contents.byteLength,
        gzipBytes: gzipSync(contents).byteLength,
        coldImportMs,
        withinAim: contents.byteLength <= publicPageAim.bytes && coldImportMs <= publicPageAim.coldImportMs,
      });
    }
    return figures;
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};
