import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { Browser } from '../../support/security/browser.ts';
import { crawlPublicSite, formPageOf, type PublicSiteMap } from '../../support/security/crawl.ts';
import { inventedPerson, reportOnline } from '../../support/security/journeys.ts';
import { rateLimitFindingsByRoute } from '../../support/security/known-findings.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import { publicRoutes, type ServedRoute, samplePath } from '../../support/security/manifest-routes.ts';
import { send } from '../../support/security/site-client.ts';

/**
 * Public submissions are rate limited per client (ASVS 2.4.1; the WAF's per-address limit in AWS is checked in
 * test/infra/edge-stack.test.ts): one client sending a public form over and over is told to wait (429) well
 * before it could fill a table or a queue, while the advice pages for someone in danger stay open to it.
 */
const maximumAttempts = 400;

let runtime: LocalRuntime;
let logs: LogCapture;
let site: PublicSiteMap;

/** Public POSTs that take a page of a journey; signing out stores nothing and needs the visitor's own token. */
const journeyPages = publicRoutes().filter((route) => route.method === 'POST' && route.path.includes('{'));

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
  site = await crawlPublicSite(runtime, journeyPages);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.restore();
});

/** A client that opens a journey's first page and then answers it over and over, as a script would. */
const attemptsUntilLimited = async (route: ServedRoute): Promise<number | undefined> => {
  const path = formPageOf(site, route) ?? samplePath(route);
  const client = new Browser(runtime, { retries: 0 });
  await client.get(path);
  for (let attempt = 1; attempt <= maximumAttempts; attempt += 1) {
    const response = await client.post(path, { anything: String(attempt) });
    if (response.status === 429) return attempt;
  }
  return undefined;
};

describe('Public forms are rate limited per client (ASVS 2.4.1)', () => {
  // First, while the client's answer count is low: the eleventh report is refused for the submission limit.
  it('online report: one client can send ten reports an hour; the eleventh is told to wait', async () => {
    const outcomes = [];
    for (let index = 0; index < 11; index += 1)
      outcomes.push(await reportOnline(new Browser(runtime), inventedPerson(index)));

    expect([
      outcomes.slice(0, 10).every((one) => one.reference !== undefined),
      outcomes[10]?.finalStatus,
    ]).toEqual([true, 429]);
  });

  const limited = journeyPages.filter((route) => !(route.routeKey in rateLimitFindingsByRoute));

  it.each(limited.map((route) => [route.routeKey, route] as const))(
    `%s: one client answering a page over and over is told to wait (429) within ${maximumAttempts} posts`,
    async (_, route) => {
      const limitedAfter = await attemptsUntilLimited(route);

      expect([formPageOf(site, route) !== undefined, limitedAfter !== undefined]).toEqual([true, true]);
    },
  );

  it('a limited client still reaches every emergency advice page', async () => {
    const advice = publicRoutes().filter((route) => route.method === 'GET' && /advice/.test(route.handler));

    const statuses = await Promise.all(
      advice.map(async (route) => (await send(runtime, { method: 'GET', path: samplePath(route) })).status),
    );

    expect([advice.length > 0, statuses.filter((status) => status !== 200)]).toEqual([true, []]);
  });
});
