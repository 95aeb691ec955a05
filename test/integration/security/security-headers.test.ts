import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { principalOf } from '../../support/security/identities.ts';
import { headerFindingsByRoute } from '../../support/security/known-findings.ts';
import { captureLogs, internalDetailsIn, type LogCapture } from '../../support/security/log-capture.ts';
import {
  requestMethod,
  type ServedRoute,
  samplePath,
  servedRoutes,
} from '../../support/security/manifest-routes.ts';
import {
  type CsrfPair,
  csrfPairFor,
  postForm,
  postJson,
  type SiteResponse,
  send,
  sessionCookies,
} from '../../support/security/site-client.ts';

/**
 * ASVS V3 (web frontend) and V14 (data protection) on every route the manifests declare, signed in as someone
 * the route admits and signed out: whatever the answer (page, redirect, refusal, error), it carries the
 * headers that keep it out of frames, caches and other origins' scripts, and gives nothing internal away.
 */
let runtime: LocalRuntime;
let logs: LogCapture;
let tokens: Map<string, string>;
let csrf: CsrfPair;
const routes = servedRoutes();
const oneYearSeconds = 365 * 24 * 60 * 60;

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
  tokens = new Map(
    await Promise.all(
      demoStaff.map(
        async (member) => [member.id, await runtime.identityProvider.mintToken(member.id)] as const,
      ),
    ),
  );
  csrf = csrfPairFor(runtime);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.restore();
});

/** A token of the first demo member of staff the route admits (none for a public route). */
const admittedToken = (route: ServedRoute): string | undefined => {
  if (route.policy === 'public') return undefined;
  const policy = route.policy;
  const member = demoStaff.find((candidate) => policy.allows(principalOf(candidate)));
  return member ? tokens.get(member.id) : undefined;
};

const ask = (route: ServedRoute, token: string | undefined): Promise<SiteResponse> => {
  const path = samplePath(route);
  if (requestMethod(route) === 'GET')
    return send(runtime, { method: 'GET', path, cookies: sessionCookies(token) });
  if (route.kind === 'api') return postJson(runtime, path, {}, token);
  return postForm(runtime, path, { ...(token ? { session: token } : {}), csrf });
};

/** The header problems of one response; empty when it has everything. */
const headerProblems = (response: SiteResponse): string[] => {
  const problems: string[] = [];
  const csp = response.headers.get('content-security-policy') ?? '';
  if (!csp) problems.push('no Content-Security-Policy');
  if (/unsafe-inline|unsafe-eval|\*/.test(csp)) problems.push(`CSP allows too much: ${csp}`);
  if (!/frame-ancestors 'none'/.test(csp)) problems.push('CSP without frame-ancestors none');
  if (!/default-src '(self|none)'/.test(csp)) problems.push('CSP without default-src self or none');
  const hsts = /max-age=(\d+)/.exec(response.headers.get('strict-transport-security') ?? '');
  if (!hsts || Number(hsts[1]) < oneYearSeconds) problems.push('HSTS missing or under a year');
  if (response.headers.get('x-content-type-options') !== 'nosniff') problems.push('no nosniff');
  if ((response.headers.get('x-frame-options') ?? '').toUpperCase() !== 'DENY')
    problems.push('X-Frame-Options not DENY');
  if (!/no-store/.test(response.headers.get('cache-control') ?? '')) problems.push('not no-store');
  if (!response.headers.get('referrer-policy')) problems.push('no Referrer-Policy');
  return problems;
};

const headerRoutes = routes.filter((route) => !(route.routeKey in headerFindingsByRoute));

describe('Security headers on every route (ASVS 3.4.1, 3.4.3, 3.4.6, 14.3.2)', () => {
  it.each(headerRoutes.map((route) => [route.routeKey, route] as const))(
    '%s: CSP without unsafe-inline and with frame-ancestors none, HSTS, nosniff, DENY and no-store, signed in or not',
    async (_, route) => {
      const answers = await Promise.all([ask(route, admittedToken(route)), ask(route, undefined)]);

      const problems = answers.flatMap((response) =>
        headerProblems(response).map((problem) => `${response.status}: ${problem}`),
      );

      expect(problems).toEqual([]);
    },
  );
});

describe('"Exit this page" clears the site as it leaves (SR-2, fixed)', () => {
  it('GET /report/leave has the headers of every page and Clear-Site-Data for cookies and storage', async () => {
    const leave = routes.find((candidate) => candidate.routeKey === 'GET /report/leave');
    if (!leave) throw new Error('No route GET /report/leave in the manifests');

    const response = await ask(leave, undefined);

    expect([response.status, headerProblems(response), response.headers.get('clear-site-data')]).toEqual([
      200,
      [],
      '"cookies", "storage"',
    ]);
  });
});

describe('No answer gives away how the service is built (ASVS 13.4.2, 16.5.1)', () => {
  it.each(routes.map((route) => [route.routeKey, route] as const))(
    '%s: no stack trace, table name or file path in the body, signed in or not',
    async (_, route) => {
      const answers = await Promise.all([ask(route, admittedToken(route)), ask(route, undefined)]);

      const leaks = answers.flatMap((response) =>
        internalDetailsIn(response.body).map((leak) => `${response.status}: ${leak}`),
      );

      expect(leaks).toEqual([]);
    },
  );
});

describe('Cookies the site sets cannot be read by script or sent over plain HTTP (ASVS 3.3.1, 3.3.2, 3.3.4)', () => {
  it('the CSRF and session cookies are __Host-, Secure, HttpOnly and SameSite', async () => {
    const page = await send(runtime, { method: 'GET', path: '/sign-in?returnTo=/staff/notifications' });
    const signIn = await send(runtime, {
      method: 'POST',
      path: '/dev/sign-in',
      contentType: 'application/x-www-form-urlencoded',
      body: 'person=constable&returnTo=%2Fstaff%2Fnotifications',
    });
    const staffPage = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(tokens.get('constable')),
    });

    const cookies = [...page.setCookies, ...signIn.setCookies, ...staffPage.setCookies].filter((line) =>
      line.startsWith('__Host-'),
    );
    const weak = cookies.filter(
      (line) =>
        !/;\s*Secure/i.test(line) || !/;\s*HttpOnly/i.test(line) || !/;\s*SameSite=(Lax|Strict)/i.test(line),
    );

    expect([cookies.length > 0, weak]).toEqual([true, []]);
  });
});
