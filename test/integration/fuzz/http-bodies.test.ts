import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { cookieNames } from '../../../shared/http/cookies.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { crawlPublicSite } from '../../support/security/crawl.ts';
import { principalOf } from '../../support/security/identities.ts';
import { captureLogs, internalDetailsIn, type LogCapture } from '../../support/security/log-capture.ts';
import { type ServedRoute, samplePath, servedRoutes } from '../../support/security/manifest-routes.ts';
import {
  type CsrfPair,
  csrfPairFor,
  type SiteResponse,
  send,
  sessionCookies,
  urlEncoded,
} from '../../support/security/site-client.ts';

/**
 * Generated bad input through the real HTTP stack (ASVS 1.2, 2.2, 13.4, 16.5): every POST route and every GET
 * route of the manifests, through the local runtime's router as API Gateway would deliver it. Bodies are random
 * fields (names the page's own form uses and made-up ones), huge fields, repeated fields, malformed
 * percent-encoding, the wrong content type, invalid UTF-8 (which arrives base64-encoded) and a missing or wrong
 * CSRF token. Whatever arrives, the answer is 2xx, 3xx or 4xx, never 5xx, and never shows a stack trace, a table
 * name or a file path.
 */
const httpRuns = { publicPost: 400, staffPost: 30, get: 12 } as const;
const seed = Number(process.env.FUZZ_SEED ?? 20_261_123);

let runtime: LocalRuntime;
let logs: LogCapture;
let tokens: Map<string, string>;
let csrf: CsrfPair;
/** Values for path parameters seen in the site's own links, e.g. the journey's page names. */
const linkedValues = new Map<string, string[]>();
/** Field names the site's own forms use, by path. */
const formFields = new Map<string, string[]>();
const counts = { requests: 0, byStatus: new Map<number, number>() };

const routes = servedRoutes();
const posts = routes.filter((route) => route.method === 'POST' && route.kind === 'page');
const apis = routes.filter((route) => route.method === 'POST' && route.kind === 'api');
const gets = routes.filter((route) => route.method !== 'POST');

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
  const site = await crawlPublicSite(runtime, posts);
  for (const [name, values] of site.parameterValues) linkedValues.set(name, [...values]);
  for (const [path, names] of site.formFields) formFields.set(path, [...names]);
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.report(
    `[fuzz] HTTP: ${counts.requests} generated requests; statuses ${[...counts.byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ')}; seed ${seed}`,
  );
  logs?.restore();
});

const sessionFor = (route: ServedRoute): string | undefined => {
  if (route.policy === 'public') return undefined;
  const policy = route.policy;
  const member = demoStaff.find((candidate) => policy.allows(principalOf(candidate)));
  return member ? tokens.get(member.id) : undefined;
};

const pathFor = (route: ServedRoute): fc.Arbitrary<string> => {
  const names = [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] ?? '');
  const choices = names.map((name) =>
    fc.oneof(
      fc.constantFrom(...(linkedValues.get(name) ?? ['x'])),
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: 40 }).filter((value) => value !== '.' && value !== '..'),
    ),
  );
  return fc
    .tuple(...choices)
    .map((values) =>
      samplePath(route, Object.fromEntries(names.map((name, index) => [name, values[index] ?? 'x']))),
    );
};

/** A script the fuzz sends in fields; a page that shows it back unescaped would run it (ASVS 1.2.1). */
const injectedScript = '<script>alert(1)</script>';

const anyText = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 60 }),
  fc.constantFrom(
    '',
    ' ',
    injectedScript,
    "' OR '1'='1",
    '{{7*7}}',
    '#{7*7}',
    '../../etc/passwd',
    '\u0000',
    '🙂',
  ),
  fc.integer().map(String),
);

/** A field value: text, a repeated field, or one far over any limit (a body over 64 KiB must be a 413). */
const fieldValue = fc.oneof(
  { arbitrary: anyText, weight: 8 },
  { arbitrary: fc.array(anyText, { minLength: 2, maxLength: 4 }), weight: 2 },
  { arbitrary: fc.integer({ min: 1_000, max: 80_000 }).map((n) => 'x'.repeat(n)), weight: 1 },
);

interface Body {
  readonly contentType: string;
  readonly body: string | Uint8Array;
}

const bodyFor = (path: string): fc.Arbitrary<Body> => {
  const known = formFields.get(path) ?? [];
  const fieldName =
    known.length > 0
      ? fc.oneof(fc.constantFrom(...known), fc.string({ maxLength: 20 }))
      : fc.string({ maxLength: 20 });
  const fields = fc.dictionary(fieldName, fieldValue, { maxKeys: 12 });
  // Mostly the page's own token, so most bodies reach the form's validation; now and then none or a forged one.
  const withToken = fc.oneof(
    { arbitrary: fc.constant('own'), weight: 8 },
    { arbitrary: fc.constant('none'), weight: 1 },
    { arbitrary: fc.constant('forged'), weight: 1 },
  );
  return fc.oneof(
    {
      arbitrary: fc.tuple(fields, withToken).map(
        ([values, token]): Body => ({
          contentType: 'application/x-www-form-urlencoded',
          body: urlEncoded({
            ...values,
            ...(token === 'own' ? { _csrf: csrf.token } : token === 'forged' ? { _csrf: 'forged' } : {}),
          }),
        }),
      ),
      weight: 10,
    },
    {
      arbitrary: fc
        .constantFrom('%', '%zz', 'a=%E0%A4%A', '&&==&', 'a=1&a', `_csrf=${csrf.token}&%ff=%fe`)
        .map(
          (body): Body => ({
            contentType: 'application/x-www-form-urlencoded',
            body,
          }),
        ),
      weight: 2,
    },
    {
      arbitrary: fc
        .tuple(fc.constantFrom('application/json', 'text/plain', 'application/xml', 'text/html'), fc.json())
        .map(([contentType, body]): Body => ({ contentType, body })),
      weight: 2,
    },
    {
      arbitrary: fc.uint8Array({ maxLength: 300 }).map(
        (bytes): Body => ({
          // Not text, so the gateway hands it over base64-encoded: a body of invalid UTF-8.
          contentType: 'multipart/form-data; boundary=----fuzz',
          body: bytes,
        }),
      ),
      weight: 2,
    },
    {
      arbitrary: fc.uint8Array({ maxLength: 300 }).map(
        (bytes): Body => ({
          contentType: 'application/x-www-form-urlencoded',
          body: bytes,
        }),
      ),
      weight: 1,
    },
  );
};

const record = (response: SiteResponse): void => {
  counts.requests += 1;
  counts.byStatus.set(response.status, (counts.byStatus.get(response.status) ?? 0) + 1);
};

/** A failed run names the status and the leak, never the whole body (which may be a page of HTML). */
const verdict = (response: SiteResponse): string => {
  const leaks = [
    ...internalDetailsIn(response.body),
    ...(response.body.includes(injectedScript) ? ['the injected script, unescaped'] : []),
  ];
  if (response.status >= 500) return `${response.status}`;
  return leaks.length > 0 ? `leaks ${leaks.join(', ')}` : 'ok';
};

const postOnce = async (route: ServedRoute, path: string, body: Body): Promise<SiteResponse> => {
  const response = await send(runtime, {
    method: 'POST',
    path,
    cookies: { ...sessionCookies(sessionFor(route)), [cookieNames.csrf]: csrf.cookie },
    contentType: body.contentType,
    body: body.body,
  });
  record(response);
  return response;
};

describe('Generated form bodies never break a page POST (fast-check through HTTP)', () => {
  it.each(posts.map((route) => [route.routeKey, route] as const))(
    '%s answers below 500 and leaks nothing',
    async (_, route) => {
      const numRuns = route.policy === 'public' ? httpRuns.publicPost : httpRuns.staffPost;

      await fc.assert(
        fc.asyncProperty(
          pathFor(route).chain((path) => fc.tuple(fc.constant(path), bodyFor(path))),
          async ([path, body]) => verdict(await postOnce(route, path, body)) === 'ok',
        ),
        { numRuns, seed },
      );
    },
  );
});

describe('Generated JSON never breaks an API POST (fast-check through HTTP)', () => {
  it.each(apis.map((route) => [route.routeKey, route] as const))(
    '%s answers below 500 and leaks nothing',
    async (_, route) => {
      await fc.assert(
        fc.asyncProperty(
          pathFor(route),
          fc.oneof(
            fc.json(),
            fc.constantFrom('{', '[', 'null', '"', '{"a":'),
            fc.jsonValue().map((value) => JSON.stringify(value)),
          ),
          async (path, body) =>
            verdict(await postOnce(route, path, { contentType: 'application/json', body })) === 'ok',
        ),
        { numRuns: httpRuns.staffPost, seed },
      );
    },
  );
});

describe('Generated query strings never break a GET (fast-check through HTTP)', () => {
  it.each(gets.map((route) => [route.routeKey, route] as const))(
    '%s answers below 500 and leaks nothing',
    async (_, route) => {
      await fc.assert(
        fc.asyncProperty(
          pathFor(route),
          fc.dictionary(fc.string({ maxLength: 12 }), anyText, { maxKeys: 5 }),
          fc.constantFrom('', '&%', '&%zz=1', '&returnTo=//evil.example', '&returnTo=https://evil.example'),
          async (path, query, raw) => {
            const response = await send(runtime, {
              method: 'GET',
              path: `${path}?${new URLSearchParams(query).toString()}${raw}`,
              cookies: sessionCookies(sessionFor(route)),
            });
            record(response);
            const location = response.headers.get('location') ?? '';
            // A redirect never leaves the site, whatever returnTo says.
            return (
              verdict(response) === 'ok' &&
              (location === '' || /^\/(?!\/)/.test(location) || location.startsWith(runtime.url))
            );
          },
        ),
        { numRuns: httpRuns.get, seed },
      );
    },
  );

  it('fuzzed at least one public page reached through the site’s own links', () => {
    expect([...linkedValues.values()].flat().length).toBeGreaterThan(0);
  });
});
