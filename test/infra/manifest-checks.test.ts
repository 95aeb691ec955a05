import { describe, expect, it } from 'vitest';
import { manifestHandlers, manifestProblems } from '../../infra/stacks/manifest-checks.ts';
import { anyStaff } from '../../shared/auth/policy.ts';
import { defineService } from '../../shared/manifest/define-service.ts';

const owner = defineService({
  name: 'owner',
  queues: { 'owner-events': {} },
  routes: [
    { method: 'GET', path: '/things', handler: 'view-things', policy: anyStaff },
    { method: 'POST', path: '/things', handler: 'view-things', policy: anyStaff },
  ],
  consumers: [{ queue: 'owner-events', handler: 'record-event' }],
  schedules: [{ everyMinutes: 5, handler: 'view-things' }],
});

describe('manifest consistency (one source for CDK and the local runtime)', () => {
  it('a consistent set of manifests has no problems', () => {
    expect(manifestProblems([owner])).toEqual([]);
  });

  it('two services may not declare the same queue', () => {
    const other = defineService({ name: 'other', queues: { 'owner-events': {} } });

    expect(manifestProblems([owner, other])).toEqual([
      'queue owner-events is declared by both owner and other',
    ]);
  });

  it('two services may not declare the same route', () => {
    const other = defineService({
      name: 'other',
      routes: [{ method: 'GET', path: '/things', handler: 'list', policy: 'public' }],
    });

    expect(manifestProblems([owner, other])).toEqual([
      'route GET /things is declared by both owner and other',
    ]);
  });

  it("a service may not consume another service's queue", () => {
    const other = defineService({ name: 'other', consumers: [{ queue: 'owner-events', handler: 'steal' }] });

    expect(manifestProblems([owner, other])).toEqual([
      'other consumes owner-events, which it does not declare in queues',
    ]);
  });

  it('sendsTo must name a queue some service declares', () => {
    const other = defineService({ name: 'other', sendsTo: ['nowhere'] });

    expect(manifestProblems([owner, other])).toEqual(['other sends to nowhere, which no service declares']);
  });

  it("a service with staff routes must list 'sessions' in usesPlatform (signed-out sessions are refused there)", () => {
    const other = defineService({
      name: 'other',
      routes: [{ method: 'GET', path: '/staff/other', handler: 'view-other', policy: anyStaff }],
      usesPlatform: ['audit'],
    });

    expect(manifestProblems([other])).toEqual([
      "other has staff routes but does not list 'sessions' in usesPlatform (signed-out sessions are read there)",
    ]);
  });

  it("a service with public routes only need not list 'sessions'", () => {
    const other = defineService({
      name: 'other',
      routes: [{ method: 'GET', path: '/other', handler: 'view-other', policy: 'public' }],
      usesPlatform: [],
    });

    expect(manifestProblems([other])).toEqual([]);
  });

  it('a schedule runs every whole number of minutes, at least one', () => {
    const other = defineService({ name: 'other', schedules: [{ everyMinutes: 0.5, handler: 'sweep' }] });

    expect(manifestProblems([other])).toEqual(['other/sweep runs every 0.5 minutes']);
  });

  it('a handler behind several routes, a consumer and a schedule is one function', () => {
    expect(manifestHandlers([owner])).toEqual([
      { service: 'owner', handler: 'view-things', entry: 'services/owner/handlers/view-things.ts' },
      { service: 'owner', handler: 'record-event', entry: 'services/owner/handlers/record-event.ts' },
    ]);
  });
});
