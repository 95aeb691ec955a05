import { request as httpRequest } from 'node:http';
import AxeBuilder from '@axe-core/playwright';
import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Fetcher } from 'aws-jwt-verify/https';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { decodeJwt } from 'jose';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { Principal } from '../../../shared/auth/principal.ts';
import { binaryBody } from '../../fixtures/services/runtime-fixture/handlers/send-binary.ts';
import { runtimeFixtureService, startTestRuntime } from '../../support/runtime.ts';

let runtime: LocalRuntime;
const logLines: string[] = [];

beforeAll(async () => {
  runtime = await startTestRuntime({
    services: [],
    additionalServices: [runtimeFixtureService],
    log: (line) => logLines.push(line),
  });
});

afterAll(async () => {
  await runtime?.stop();
});

const echo = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${runtime.url}${path}`, init);
  return { response, event: (await response.json()) as APIGatewayProxyEventV2 };
};

/** A request whose path is sent exactly as written (fetch would normalise `..`). */
const rawGet = (path: string): Promise<{ status: number; body: string }> =>
  new Promise((resolve, reject) => {
    const url = new URL(runtime.url);
    const outgoing = httpRequest({ host: '127.0.0.1', port: url.port, path, method: 'GET' }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
      incoming.on('end', () =>
        resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    outgoing.on('error', reject);
    outgoing.end();
  });

describe('Local runtime: requests become API Gateway HTTP API (payload 2.0) events', () => {
  it('gives the handler path parameters, the query string and cookies as API Gateway does', async () => {
    const { event } = await echo('/fixture/echo/case%2042?tab=notes&tab=history&empty=', {
      headers: { cookie: 'first=1; second=two', 'X-Request-Marker': 'Marked' },
    });

    expect(event).toMatchObject({
      version: '2.0',
      routeKey: 'ANY /fixture/echo/{id}',
      rawPath: '/fixture/echo/case%2042',
      rawQueryString: 'tab=notes&tab=history&empty=',
      pathParameters: { id: 'case 42' },
      queryStringParameters: { tab: 'notes,history', empty: '' },
      cookies: ['first=1', 'second=two'],
      isBase64Encoded: false,
      requestContext: {
        routeKey: 'ANY /fixture/echo/{id}',
        stage: '$default',
        http: { method: 'GET', path: '/fixture/echo/case%2042', sourceIp: '127.0.0.1' },
      },
    });
    expect(event.headers['x-request-marker']).toBe('Marked');
    expect(event.headers.cookie).toBeUndefined();
    expect(event.body).toBeUndefined();
    expect(event.requestContext.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(event.requestContext.timeEpoch - Date.now())).toBeLessThan(10_000);
  });

  it('prefers an exact path to a {parameter}, and a {parameter} to a greedy {proxy+} (API Gateway route selection)', async () => {
    const exact = await echo('/fixture/echo/literal');
    const parameter = await echo('/fixture/echo/other');
    const greedy = await echo('/fixture/deeper/still/deeper');

    expect(exact.event.routeKey).toBe('GET /fixture/echo/literal');
    expect(parameter.event.routeKey).toBe('ANY /fixture/echo/{id}');
    expect(greedy.event.routeKey).toBe('GET /fixture/{proxy+}');
    expect(greedy.event.pathParameters).toEqual({ proxy: 'deeper/still/deeper' });
  });

  it('answers 404 when no route has the method, as API Gateway does', async () => {
    const response = await fetch(`${runtime.url}/fixture/deeper/path`, { method: 'POST', body: 'x' });

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ message: 'Not Found' });
  });

  it('passes a multipart upload to the handler base64-encoded, byte for byte', async () => {
    const form = new FormData();
    form.append('evidence', new Blob([binaryBody], { type: 'image/png' }), 'photo.png');

    const { event } = await echo('/fixture/echo/upload', { method: 'POST', body: form });

    expect(event.isBase64Encoded).toBe(true);
    expect(event.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(Buffer.from(event.body ?? '', 'base64').includes(binaryBody)).toBe(true);
  });

  it('passes a form or JSON body as text', async () => {
    const { event } = await echo('/fixture/echo/form', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'answer=yes&note=caf%C3%A9',
    });

    expect(event.isBase64Encoded).toBe(false);
    expect(event.body).toBe('answer=yes&note=caf%C3%A9');
  });

  it("writes the handler's cookies as separate Set-Cookie headers and its headers as given", async () => {
    const { response } = await echo('/fixture/echo/cookies');

    expect(response.headers.getSetCookie()).toEqual([
      'first=1; Path=/; HttpOnly',
      'second=2; Path=/; HttpOnly',
    ]);
    expect(response.headers.get('x-fixture')).toBe('echo');
    expect(response.headers.get('apigw-requestid')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('decodes a base64 body from the handler into bytes', async () => {
    const response = await fetch(`${runtime.url}/fixture-binary`);

    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await response.arrayBuffer())).toEqual(binaryBody);
  });

  it('answers a handler that throws with a generic 500 and logs the request id (API Gateway "Internal Server Error")', async () => {
    const response = await fetch(`${runtime.url}/fixture-broken`, { headers: { accept: 'text/html' } });
    const body = await response.text();
    const requestId = response.headers.get('apigw-requestid');

    expect(response.status).toBe(500);
    expect(body).toContain('Sorry, there is a problem with the service');
    expect(body).not.toContain('on purpose');
    expect(logLines.some((line) => line.includes(`request id ${requestId}`))).toBe(true);
  });

  it('refuses a body over 10 MB with 413, as an HTTP API does', async () => {
    const response = await fetch(`${runtime.url}/fixture/echo/large`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: Buffer.alloc(10 * 1024 * 1024 + 1),
    });

    expect(response.status).toBe(413);
  });
});

describe('Local runtime: static assets (CloudFront in AWS)', () => {
  it('serves GOV.UK Frontend styles and fonts with their content type and a year-long cache lifetime', async () => {
    const css = await fetch(`${runtime.url}/assets/govuk-frontend.min.css`);
    const font = await fetch(`${runtime.url}/assets/fonts/bold-b542beb274-v2.woff2`);

    expect(css.status).toBe(200);
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(font.headers.get('content-type')).toBe('font/woff2');
  });

  it('serves nothing outside the asset folders, however the path is written', async () => {
    const attempts = await Promise.all([
      rawGet('/assets/fonts/../../../../../../package.json'),
      rawGet('/assets/fonts/..%2f..%2f..%2f..%2f..%2f..%2fpackage.json'),
      rawGet('/assets/images/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json'),
    ]);

    for (const attempt of attempts) {
      expect(attempt.body).not.toContain('da-safeguarding-platform');
      expect(attempt.status).toBe(404);
    }
  });
});

/** aws-jwt-verify's own fetcher speaks only HTTPS; the local provider is on plain HTTP loopback. */
const loopbackFetcher: Fetcher = {
  fetch: async (uri) => (await fetch(uri)).arrayBuffer(),
};

const signIn = (form: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${runtime.url}/dev/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(form).toString(),
  });

const sessionToken = (response: Response): string | undefined =>
  /^__Host-session=([^;]+)/.exec(response.headers.getSetCookie()[0] ?? '')?.[1];

describe('Local runtime: dev identity provider (Cognito in AWS)', () => {
  it('issues an RS256 ID token that verifies against its JWKS, with rank, department and collar number claims', async () => {
    const response = await signIn({ person: 'superintendent' });
    const token = sessionToken(response) ?? '';
    const verifier = JwtRsaVerifier.create(
      {
        issuer: runtime.environment.AUTH_ISSUER ?? '',
        audience: runtime.environment.AUTH_AUDIENCE ?? '',
        jwksUri: runtime.environment.AUTH_JWKS_URI ?? '',
      },
      { jwksCache: new SimpleJwksCache({ fetcher: loopbackFetcher }) },
    );

    const payload = await verifier.verify(token);

    expect(payload).toMatchObject({
      token_use: 'id',
      iss: `${runtime.url}/dev`,
      aud: 'local-web',
      name: 'Supt Helen Marsh',
      'custom:rank': 'superintendent',
      'custom:department': 'COMMAND',
      'custom:collar_number': '0542',
    });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(8 * 60 * 60);
  });

  it('sets the session cookie HttpOnly, Secure, SameSite=Lax on / and sends the person where they were going (303)', async () => {
    const response = await signIn({ person: 'constable', returnTo: '/staff/dvpn/123?tab=notes' });

    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/staff/dvpn/123?tab=notes');
    expect(response.headers.getSetCookie()[0]).toMatch(
      /^__Host-session=[\w-]+\.[\w-]+\.[\w-]+; Path=\/; HttpOnly; Secure; SameSite=Lax; Max-Age=28800$/,
    );
  });

  it('never sends a person to another site after sign-in (open redirect)', async () => {
    const destinations = await Promise.all(
      [
        'https://elsewhere.example/x',
        '//elsewhere.example/x',
        '/\\elsewhere.example',
        '/\t/elsewhere.example',
      ].map(async (returnTo) => (await signIn({ person: 'constable', returnTo })).headers.get('location')),
    );

    expect(destinations).toEqual(Array(4).fill('/staff/notifications'));
  });

  it('shows the GOV.UK error summary when nobody is chosen', async () => {
    const response = await signIn({ returnTo: '/staff/notifications' });
    const page = await response.text();

    expect(response.status).toBe(400);
    expect(page).toContain('<title>Error: ');
    expect(page).toContain('<a href="#person">Select who to sign in as</a>');
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a sign-in form posted from another site', async () => {
    const response = await signIn({ person: 'psd-head' }, { origin: 'https://elsewhere.example' });

    expect(response.status).toBe(403);
    expect(response.headers.getSetCookie()).toEqual([]);
  });

  it('offers every kind of person the rules treat differently, each a valid principal (DOMAIN.md "People and words")', async () => {
    const principals = await Promise.all(
      demoStaff.map(async (person) => {
        const claims = decodeJwt(await runtime.identityProvider.mintToken(person.id));
        return Principal.parse({
          subject: claims.sub,
          displayName: claims.name,
          rank: claims['custom:rank'],
          department: claims['custom:department'],
          collarNumber: claims['custom:collar_number'],
        });
      }),
    );
    const kinds = principals.map((p) => `${p.rank}/${p.department}`);

    expect(new Set(principals.map((p) => p.rank))).toEqual(
      new Set([
        'constable',
        'sergeant',
        'inspector',
        'chief-inspector',
        'superintendent',
        'chief-superintendent',
        'police-staff',
      ]),
    );
    expect(kinds).toEqual(
      expect.arrayContaining([
        'constable/PPU',
        'sergeant/PPU',
        'sergeant/PSD',
        'superintendent/PSD',
        'inspector/FORCE_RESPONSE',
        'police-staff/CONTACT_CENTRE',
      ]),
    );
    expect(new Set(principals.map((p) => p.collarNumber)).size).toBe(demoStaff.length);
  });
});

describe('Local runtime: the dev sign-in page is accessible (WCAG 2.2 AA, axe)', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' });
  });

  afterAll(async () => {
    await browser?.close();
  });

  const violationsOf = async (path: string, submitEmpty: boolean) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${runtime.url}${path}`);
    if (submitEmpty) {
      await Promise.all([
        page.waitForResponse((response) => response.request().method() === 'POST'),
        page.getByRole('button', { name: 'Sign in' }).click(),
      ]);
      await page.waitForLoadState();
    }
    const results = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .analyze();
    await context.close();
    return results.violations.map((violation) => `${violation.id}: ${violation.help}`);
  };

  it('has no violations as first shown', async () => {
    expect(await violationsOf('/dev/sign-in?returnTo=/staff/notifications', false)).toEqual([]);
  });

  it('has no violations when it shows an error', async () => {
    expect(await violationsOf('/dev/sign-in', true)).toEqual([]);
  });

  it('signs a browser in: the __Host- session cookie is accepted on http://localhost', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${runtime.url}/dev/sign-in?returnTo=/fixture/echo/literal`);

    await page.getByLabel('DC Aisha Khan, Public Protection Unit officer').check();
    await Promise.all([
      page.waitForURL('**/fixture/echo/literal'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    const cookies = await context.cookies(runtime.url);
    const echoed = JSON.parse((await page.locator('body').textContent()) ?? '{}') as APIGatewayProxyEventV2;
    await context.close();

    const session = cookies.find((cookie) => cookie.name === '__Host-session');
    expect(session).toMatchObject({ httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
    expect(echoed.cookies).toEqual([`__Host-session=${session?.value}`]);
    expect(decodeJwt(session?.value ?? '')['custom:department']).toBe('PPU');
  });
});
