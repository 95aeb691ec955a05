import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLogFromEnvironment } from '../../../shared/audit/dynamo-audit-log.ts';
import { atLeast } from '../../../shared/auth/policy.ts';
import { routeRefusalsChain } from '../../../shared/http/audit-denied-access.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import { getEvent, header } from '../../support/http-events.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

let provider: TestIdentityProvider;
let viewCase: HttpHandler;

beforeAll(async () => {
  provider = await startTestIdentityProvider();
  useLocalEnvironment({
    ...provider.environment,
    CSRF_SECRET: 'integration-csrf-secret-at-least-32-characters-long',
  });
  // No recorder passed: the stack's default, the platform audit table, is what is under test.
  viewCase = pageHandler({
    policy: atLeast('superintendent'),
    handle: () => view('errors/error.njk', { heading: 'Case', paragraphs: [] }),
  });
});

afterAll(() => provider.stop());

describe('a refusal by policy is written to the audit trail (DPA 2018 s.62)', () => {
  it('a constable refused a superintendent page leaves a denied entry naming the rule and route', async () => {
    const token = await provider.sign({
      rank: 'constable',
      department: 'FORCE_RESPONSE',
      collarNumber: 'PC4321',
    });

    const response = await viewCase(
      getEvent('/staff/dvpn/D-1/authorise', {
        cookies: { '__Host-session': token },
        routeKey: 'GET /staff/dvpn/{id}/authorise',
        pathParameters: { id: 'D-1' },
      }),
    );

    expect(response.statusCode).toBe(403);
    const correlationId = header(response, 'x-correlation-id');
    const entries = await auditLogFromEnvironment().entries(routeRefusalsChain);
    const entry = entries.find((one) => one.correlationId === correlationId);
    expect(entry).toMatchObject({
      outcome: 'denied',
      action: 'access-route',
      actor: { collarNumber: 'PC4321', rank: 'constable', department: 'FORCE_RESPONSE' },
      reason: 'rank superintendent or above is required for GET /staff/dvpn/{id}/authorise',
    });
  });

  it('an allowed request writes no refusal', async () => {
    const token = await provider.sign({ rank: 'superintendent' });

    const response = await viewCase(getEvent('/staff/dvpn/D-2', { cookies: { '__Host-session': token } }));

    expect(response.statusCode).toBe(200);
    const entries = await auditLogFromEnvironment().entries(routeRefusalsChain);
    expect(entries.some((one) => one.correlationId === header(response, 'x-correlation-id'))).toBe(false);
  });
});
