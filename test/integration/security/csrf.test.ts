import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { cookieNames } from '../../../shared/http/cookies.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { principalOf } from '../../support/security/identities.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import { type ServedRoute, samplePath, servedRoutes } from '../../support/security/manifest-routes.ts';
import {
  csrfPairFor,
  postForm,
  type SiteResponse,
  send,
  sessionCookies,
} from '../../support/security/site-client.ts';

/**
 * ASVS 3.5.1 (cross-site request forgery) on every POST the manifests declare. Pages use a signed
 * double-submit token; APIs take only `application/json`, which a cross-site form cannot send.
 */
let runtime: LocalRuntime;
let logs: LogCapture;
let tokens: Map<string, string>;

const posts = servedRoutes().filter((route) => route.method === 'POST');
const pagePosts = posts.filter((route) => route.kind === 'page');
const apiPosts = posts.filter((route) => route.kind === 'api');

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
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.restore();
});

/** The session of the first demo member of staff the route admits; none on a public route. */
const admittedSession = (route: ServedRoute): { session?: string } => {
  if (route.policy === 'public') return {};
  const policy = route.policy;
  const member = demoStaff.find((candidate) => policy.allows(principalOf(candidate)));
  const session = member ? tokens.get(member.id) : undefined;
  return session ? { session } : {};
};

const refusedAsForgery = (response: SiteResponse): boolean =>
  response.status === 403 && response.body.includes('Your form could not be sent');

describe('A page POST without the right token is refused (ASVS 3.5.1)', () => {
  it.each(pagePosts.map((route) => [route.routeKey, route] as const))(
    '%s: refused with no token, with another session’s token and with no cookie; accepted past CSRF with its own pair',
    async (_, route) => {
      const path = samplePath(route);
      const own = csrfPairFor(runtime);
      const someoneElses = csrfPairFor(runtime);
      const who = admittedSession(route);

      const [withOwnPair, withoutToken, withOtherToken, withoutCookie] = await Promise.all([
        postForm(runtime, path, { ...who, csrf: own }),
        postForm(runtime, path, { ...who, csrf: { cookie: own.cookie, token: '' } }),
        postForm(runtime, path, { ...who, csrf: { cookie: own.cookie, token: someoneElses.token } }),
        postForm(runtime, path, { ...who, fields: { _csrf: own.token } }),
      ]);

      expect({
        ownPairPassesCsrf: !refusedAsForgery(withOwnPair),
        withoutToken: refusedAsForgery(withoutToken),
        withOtherToken: refusedAsForgery(withOtherToken),
        withoutCookie: refusedAsForgery(withoutCookie),
      }).toEqual({ ownPairPassesCsrf: true, withoutToken: true, withOtherToken: true, withoutCookie: true });
    },
  );

  it('the token a rendered form carries works only with the cookie that came with it', async () => {
    const session = tokens.get('constable') ?? '';
    const page = await send(runtime, {
      method: 'GET',
      path: '/staff/restricted-cases/report',
      cookies: sessionCookies(session),
    });
    const token = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1] ?? '';
    const cookie =
      /^__Host-csrf=([^;]+)/.exec(
        page.setCookies.find((line) => line.startsWith(`${cookieNames.csrf}=`)) ?? '',
      )?.[1] ?? '';
    const otherBrowser = await send(runtime, {
      method: 'GET',
      path: '/staff/restricted-cases/report',
      cookies: sessionCookies(tokens.get('sergeant')),
    });
    const otherToken = /name="_csrf" value="([^"]+)"/.exec(otherBrowser.body)?.[1] ?? '';

    const mine = await postForm(runtime, '/staff/restricted-cases/report', {
      session,
      csrf: { cookie, token },
    });
    const theirs = await postForm(runtime, '/staff/restricted-cases/report', {
      session,
      csrf: { cookie, token: otherToken },
    });

    expect([token !== '', cookie !== '', mine.status, refusedAsForgery(theirs)]).toEqual([
      true,
      true,
      400,
      true,
    ]);
  });
});

describe('An API takes only JSON, so no cross-site form can reach it (ASVS 3.5.2)', () => {
  it.each(apiPosts.map((route) => [route.routeKey, route] as const))(
    '%s: a signed-in browser’s form post (urlencoded, multipart or text/plain) is refused with 415',
    async (_, route) => {
      const path = samplePath(route);
      const cookies = sessionCookies(admittedSession(route).session);

      const answers = await Promise.all(
        ['application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'text/plain'].map(
          (contentType) => send(runtime, { method: 'POST', path, cookies, contentType, body: 'note=forged' }),
        ),
      );

      expect(answers.map((answer) => answer.status)).toEqual([415, 415, 415]);
    },
  );
});
