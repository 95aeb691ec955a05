import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import { requestMethod, samplePath, staffRoutes } from '../../support/security/manifest-routes.ts';
import { csrfPairFor, postForm, send, sessionCookies } from '../../support/security/site-client.ts';

/** Signing out (ASVS 7.4.1, 7.4.4): what the browser is told, and that an old copy of the token opens nothing. */
let runtime: LocalRuntime;
let logs: LogCapture;

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.restore();
});

describe('Signing out', () => {
  it('clears the session cookie and sends the person to the front page (ASVS 7.4.1)', async () => {
    const token = await runtime.identityProvider.mintToken('constable');

    const signedOut = await postForm(runtime, '/sign-out', { session: token, csrf: csrfPairFor(runtime) });

    const cleared = signedOut.setCookies.find((line) => line.startsWith('__Host-session='));
    expect([
      signedOut.status,
      signedOut.headers.get('location'),
      /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(cleared ?? ''),
    ]).toEqual([303, '/', true]);
  });

  it('every staff page offers a way to sign out (ASVS 7.4.4)', async () => {
    const page = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(await runtime.identityProvider.mintToken('sergeant')),
    });

    expect([page.status, /action="\/sign-out"/.test(page.body)]).toEqual([200, true]);
  });

  it('a copy of the token taken before signing out opens no staff page afterwards (ASVS 7.4.1, SR-7 fixed)', async () => {
    const token = await runtime.identityProvider.mintToken('constable');
    const before = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(token),
    });
    await postForm(runtime, '/sign-out', { session: token, csrf: csrfPairFor(runtime) });

    const replayed = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(token),
    });

    expect([
      before.status,
      replayed.status,
      replayed.headers.get('location')?.startsWith('/sign-in?'),
    ]).toEqual([200, 303, true]);
  });

  it('the same copy sent to a staff API as a bearer token is refused (401)', async () => {
    const token = await runtime.identityProvider.mintToken('inspector');
    const api = staffRoutes().find((route) => route.kind === 'api');
    if (!api) throw new Error('No staff API in the manifests');
    const method = requestMethod(api);
    const call = () =>
      send(runtime, {
        method,
        path: samplePath(api),
        headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
        ...(method === 'POST' ? { contentType: 'application/json', body: '{}' } : {}),
      });
    const before = await call();
    await postForm(runtime, '/sign-out', { session: token, csrf: csrfPairFor(runtime) });

    const replayed = await call();

    expect([before.status === 401, replayed.status]).toEqual([false, 401]);
  });
});
