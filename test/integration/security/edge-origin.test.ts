import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loopbackRequest } from '../../../bench/support/loopback-http.ts';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import { createHandlerLoader, localServices } from '../../../infra/local/handlers.ts';
import { type LocalHttpServer, startHttpServer } from '../../../infra/local/http-server.ts';
import { repositoryRoot } from '../../../infra/local/paths.ts';
import { freePort } from '../../../infra/local/ports.ts';
import { compileRoutes, createRouteDispatcher } from '../../../infra/local/router.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { services } from '../../../services/index.ts';
import { firstPageId } from '../../../services/online-report/domain/journey/engine.ts';
import { honeypotWeight, rateRules } from '../../../services/online-report/domain/rate-limit.ts';
import { honeypotField } from '../../../services/online-report/web/journey-web.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { principalOf } from '../../support/security/identities.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import {
  requestMethod,
  type ServedRoute,
  samplePath,
  servedRoutes,
  staffRoutes,
} from '../../support/security/manifest-routes.ts';
import {
  type CsrfPair,
  csrfPairFor,
  postForm,
  type SiteResponse,
  send,
  sessionCookies,
  urlEncoded,
} from '../../support/security/site-client.ts';

/**
 * SR-6: the HTTP API's own execute-api address stays reachable and skips CloudFront and its WAF, so every
 * handler refuses (403) a request without CloudFront's origin header (ORIGIN_VERIFY_SECRET). The local web
 * server plays CloudFront: it adds the header and the viewer's address (CloudFront-Viewer-Address, which the
 * per-client limits count), overwriting what a client sent. A second server here dispatches to the same
 * router without playing CloudFront: the API's own address.
 */
let runtime: LocalRuntime;
let logs: LogCapture;
let apiOwnAddress: LocalHttpServer;
/** The runtime as a client reaching the API's own address sees it. */
let roundTheEdge: LocalRuntime;
let csrf: CsrfPair;

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
  apiOwnAddress = await startHttpServer({
    port: await freePort(),
    assets: { files: [], directories: [], root: repositoryRoot },
    dispatch: createRouteDispatcher({
      routes: compileRoutes(localServices(services)),
      loadHandler: createHandlerLoader(),
      log: logs.runtimeLog,
    }),
    log: logs.runtimeLog,
  });
  roundTheEdge = { ...runtime, url: `http://127.0.0.1:${apiOwnAddress.port}` };
  csrf = csrfPairFor(runtime);
}, 120_000);

afterAll(async () => {
  await apiOwnAddress?.stop();
  await runtime?.stop();
  logs?.restore();
});

const wrongSecret = { 'x-origin-verify': 'a-guess-at-the-secret-of-at-least-32-characters' };

/** A token of the first demo member of staff the route admits. */
const admittedToken = async (route: ServedRoute): Promise<string> => {
  const member = demoStaff.find(
    (candidate) => route.policy !== 'public' && route.policy.allows(principalOf(candidate)),
  );
  if (!member) throw new Error(`No demo member of staff is admitted to ${route.routeKey}`);
  return runtime.identityProvider.mintToken(member.id);
};

/** The headers a page or API answer must carry whatever its status (the security-headers suite's list). */
const headerProblems = (response: SiteResponse): string[] =>
  [
    /frame-ancestors 'none'/.test(response.headers.get('content-security-policy') ?? '') ? '' : 'CSP',
    /max-age=\d+/.test(response.headers.get('strict-transport-security') ?? '') ? '' : 'HSTS',
    response.headers.get('x-content-type-options') === 'nosniff' ? '' : 'nosniff',
    (response.headers.get('x-frame-options') ?? '').toUpperCase() === 'DENY' ? '' : 'X-Frame-Options',
    /no-store/.test(response.headers.get('cache-control') ?? '') ? '' : 'no-store',
  ].filter(Boolean);

describe('A request that goes round CloudFront is refused (SR-6)', () => {
  it('a public page: 200 through the edge; round it, without the header or with a wrong one, a plain 403 page with every security header', async () => {
    const throughEdge = await send(runtime, { method: 'GET', path: '/report' });
    const missing = await send(roundTheEdge, { method: 'GET', path: '/report' });
    const wrong = await send(roundTheEdge, { method: 'GET', path: '/report', headers: wrongSecret });

    expect({
      throughEdge: throughEdge.status,
      refused: [missing.status, wrong.status],
      heading: /<h1[^>]*>\s*([^<]+?)\s*<\/h1>/.exec(missing.body)?.[1],
      headerProblems: [...headerProblems(missing), ...headerProblems(wrong)],
    }).toEqual({ throughEdge: 200, refused: [403, 403], heading: 'Forbidden', headerProblems: [] });
  });

  it('a public POST with a good CSRF pair: taken through the edge; refused 403 round it, before the form is read', async () => {
    const path = `/report/${firstPageId}`;
    const throughEdge = await postForm(runtime, path, { csrf, fields: {} });
    const missing = await postForm(roundTheEdge, path, { csrf, fields: {} });
    const wrong = await postForm(roundTheEdge, path, { csrf, fields: {}, headers: wrongSecret });

    expect([throughEdge.status !== 403, missing.status, wrong.status]).toEqual([true, 403, 403]);
  });

  it('a staff API, signed in as someone it admits: 200 through the edge; 403 JSON round it', async () => {
    const route = staffRoutes().find((one) => one.routeKey === 'GET /api/dvpn');
    if (!route) throw new Error('No route GET /api/dvpn in the manifests');
    const token = await admittedToken(route);
    const ask = (site: LocalRuntime, headers: Record<string, string> = {}) =>
      send(site, {
        method: 'GET',
        path: '/api/dvpn',
        cookies: sessionCookies(token),
        headers: { accept: 'application/json', ...headers },
      });

    const [throughEdge, missing, wrong] = await Promise.all([
      ask(runtime),
      ask(roundTheEdge),
      ask(roundTheEdge, wrongSecret),
    ]);

    expect({
      throughEdge: throughEdge.status,
      refused: [missing.status, wrong.status],
      body: JSON.parse(missing.body),
      type: missing.headers.get('content-type'),
    }).toEqual({
      throughEdge: 200,
      refused: [403, 403],
      body: { error: 'forbidden', message: 'Forbidden.' },
      type: 'application/json; charset=utf-8',
    });
  });

  it.each(servedRoutes().map((route) => [route.routeKey, route] as const))(
    '%s: refused 403 at the API’s own address, signed out',
    async (_, route) => {
      const path = samplePath(route);
      const response =
        requestMethod(route) === 'GET'
          ? await send(roundTheEdge, { method: 'GET', path })
          : await postForm(roundTheEdge, path, { csrf });

      expect(response.status).toBe(403);
    },
  );

  it('each refusal is logged as a warning naming the route, with neither the secret nor the address', async () => {
    const before = logs.lines.length;
    await send(roundTheEdge, { method: 'GET', path: '/clares-law', headers: wrongSecret });

    const warnings = logs.lines
      .slice(before)
      .filter((line) => line.includes('did not come through the edge'));
    expect({
      count: warnings.length,
      route: warnings.every((line) => line.includes('GET /clares-law')),
      leaks: warnings.filter(
        (line) => line.includes(wrongSecret['x-origin-verify']) || line.includes('127.0.0.1'),
      ),
    }).toEqual({ count: 1, route: true, leaks: [] });
  });
});

/**
 * Answers to the first question with the honeypot filled count `honeypotWeight` each, so a client meets the
 * answers limit within a few posts; an empty answer is shown again (400) until then, and 429 after.
 */
const postsToLimit = Math.ceil(rateRules.answers.limit / honeypotWeight) + 1;

/** One honeypot answer from a loopback address of the client's own, through the local edge. */
const botAnswer = async (localAddress: string, headers: Record<string, string> = {}): Promise<number> => {
  const response = await loopbackRequest(`${runtime.url}/report/${firstPageId}`, {
    method: 'POST',
    localAddress,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      cookie: `__Host-csrf=${csrf.cookie}`,
      ...headers,
    },
    body: urlEncoded({ _csrf: csrf.token, [honeypotField]: 'https://example.invalid' }),
  });
  return response.status;
};

/**
 * Posts until told to wait, at most twice the posts the limit allows (a count window may turn over once while
 * it runs); the number of the post that was refused, or undefined.
 */
const postsUntilLimited = async (answer: () => Promise<number>): Promise<number | undefined> => {
  for (let post = 1; post <= postsToLimit * 2; post += 1) if ((await answer()) === 429) return post;
  return undefined;
};

describe("The per-client limits count the viewer's own address, as CloudFront reports it", () => {
  it('two viewers through the local edge do not share a count', async () => {
    const first = await postsUntilLimited(() => botAnswer('127.0.0.2'));
    const second = await botAnswer('127.0.0.3');

    expect([first !== undefined, second]).toEqual([true, 400]);
  });

  it('a CloudFront-Viewer-Address sent by the client is overwritten: forging a new one each time escapes nothing', async () => {
    let forged = 0;
    const limitedAfter = await postsUntilLimited(() => {
      forged += 1;
      return botAnswer('127.0.0.4', {
        'cloudfront-viewer-address': `198.51.100.${forged}:40000`,
        'x-origin-verify': 'a-forged-origin-header-the-edge-replaces-too',
      });
    });

    expect(limitedAfter).toBeDefined();
  });
});
