import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoStaffMember } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import type { AuditEntry } from '../../../shared/audit/chain.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { allAuditEntries, entriesByCorrelation } from '../../support/security/audit-trail.ts';
import {
  demoStaff,
  principalOf,
  type UnauthenticatedKind,
  unauthenticatedKinds,
  unauthenticatedTokens,
} from '../../support/security/identities.ts';
import {
  requestMethod,
  type StaffRoute,
  samplePath,
  staffRoutes,
} from '../../support/security/manifest-routes.ts';
import {
  type CsrfPair,
  csrfPairFor,
  mapWithConcurrency,
  postForm,
  postJson,
  type SiteResponse,
  send,
  sessionCookies,
} from '../../support/security/site-client.ts';

/**
 * ASVS V8 (authorisation) against the running stack: every staff route in the manifests, asked by every demo
 * member of staff and by four kinds of caller who are nobody. The expectation is the manifest's own policy, so
 * a handler that checks a different rule from the one its route declares is caught here.
 */
let runtime: LocalRuntime;
let tokens: Map<string, string>;
let impostors: Readonly<Record<UnauthenticatedKind, string | undefined>>;
let csrf: CsrfPair;

const routes = staffRoutes();

beforeAll(async () => {
  runtime = await startTestRuntime();
  tokens = new Map(
    await Promise.all(
      demoStaff.map(
        async (member) => [member.id, await runtime.identityProvider.mintToken(member.id)] as const,
      ),
    ),
  );
  impostors = await unauthenticatedTokens(runtime);
  csrf = csrfPairFor(runtime);
}, 120_000);

afterAll(async () => {
  await runtime?.stop();
});

/** The request a browser (page) or client (API) makes to the route, signed in with `token` if given. */
const ask = (route: StaffRoute, token: string | undefined): Promise<SiteResponse> => {
  const path = samplePath(route);
  if (requestMethod(route) === 'GET') {
    return send(runtime, {
      method: 'GET',
      path,
      cookies: sessionCookies(token),
      ...(route.kind === 'api' ? { headers: { accept: 'application/json' } } : {}),
    });
  }
  if (route.kind === 'api') return postJson(runtime, path, {}, token);
  return postForm(runtime, path, { ...(token ? { session: token } : {}), csrf });
};

const summary = { requests: 0, allowed: 0, denied: 0, deniedAudited: 0, unauthenticated: 0 };

describe('Every staff route admits exactly whom its manifest policy admits (ASVS 8.2.1, 8.3.1)', () => {
  it.each(routes.map((route) => [route.routeKey, route] as const))(
    '%s: each demo identity is allowed exactly when the policy says so, and every refusal is audited',
    async (_, route) => {
      const answers = await mapWithConcurrency(demoStaff, 4, async (member: DemoStaffMember) => ({
        member,
        allowed: route.policy.allows(principalOf(member)),
        response: await ask(route, tokens.get(member.id)),
      }));
      const audit = entriesByCorrelation(await allAuditEntries());

      const wrong = answers
        .filter(({ allowed, response }) =>
          allowed
            ? response.status === 403 || response.status === 401 || response.status >= 500
            : response.status !== 403,
        )
        .map(
          ({ member, allowed, response }) =>
            `${member.id}: ${allowed ? 'allowed' : 'denied'} → ${response.status}`,
        );
      const unaudited = answers
        .filter(({ allowed }) => !allowed)
        .filter(({ member, response }) => {
          const entries: AuditEntry[] = audit.get(response.headers.get('x-correlation-id') ?? '') ?? [];
          return !entries.some(
            (entry) =>
              entry.outcome === 'denied' &&
              'collarNumber' in entry.actor &&
              entry.actor.collarNumber === member.collarNumber,
          );
        })
        .map(({ member }) => member.id);
      summary.requests += answers.length;
      summary.allowed += answers.filter((answer) => answer.allowed).length;
      summary.denied += answers.filter((answer) => !answer.allowed).length;
      summary.deniedAudited += answers.filter((answer) => !answer.allowed).length - unaudited.length;

      expect({ wrong, unaudited }).toEqual({ wrong: [], unaudited: [] });
    },
  );
});

describe('A staff route refuses a caller who is nobody (ASVS 7.2.1, 9.1.1, 9.1.2, 9.2.1)', () => {
  it.each(routes.map((route) => [route.routeKey, route] as const))(
    '%s: no token, an expired, forged, tampered or unsigned token are each refused',
    async (_, route) => {
      const answers = await Promise.all(
        unauthenticatedKinds.map(async (kind) => ({ kind, response: await ask(route, impostors[kind]) })),
      );

      const expected = (response: SiteResponse): boolean =>
        route.kind === 'page' && requestMethod(route) === 'GET'
          ? response.status === 303 &&
            (response.headers.get('location') ?? '').startsWith('/sign-in?returnTo=')
          : response.status === 401;
      const wrong = answers
        .filter(({ response }) => !expected(response))
        .map(
          ({ kind, response }) => `${kind} → ${response.status} ${response.headers.get('location') ?? ''}`,
        );
      summary.requests += answers.length;
      summary.unauthenticated += answers.length;

      expect(wrong).toEqual([]);
    },
  );
});

afterAll(() => {
  console.log(
    `[security] route × identity matrix: ${routes.length} staff routes, ${summary.requests} requests, ` +
      `${summary.allowed} allowed, ${summary.denied} denied (${summary.deniedAudited} with an audit entry), ` +
      `${summary.unauthenticated} unauthenticated refused`,
  );
});
