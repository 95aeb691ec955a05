import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  inMemorySessionRevocations,
  type SessionRevocations,
} from '../../../shared/auth/session-revocations.ts';
import { createTokenVerifier, type TokenVerifier } from '../../../shared/auth/verify-token.ts';
import { getEvent, header } from '../../support/http-events.ts';
import { createTestPages, recordingDeniedAccess } from '../../support/http-test-pages.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/staff-tokens.ts';

/**
 * ASVS 7.4.1: once a member of staff signs out, the token that was their session opens nothing, though it has
 * not expired; the stack asks the revocations on every staff page and API request.
 */
let provider: TestIdentityProvider;
let verifier: TokenVerifier;

beforeAll(async () => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  provider = await startTestIdentityProvider();
  verifier = createTokenVerifier({
    issuer: provider.issuer,
    audience: provider.audience,
    jwksUri: provider.jwksUri,
  });
});

afterAll(() => provider.stop());

const pagesWith = (sessionRevocations: SessionRevocations) =>
  createTestPages({ tokenVerifier: verifier, deniedAccess: recordingDeniedAccess(), sessionRevocations });

const caseEvent = (session: string) =>
  getEvent('/test/cases/C-100', {
    pathParameters: { id: 'C-100' },
    routeKey: 'GET /test/cases/{id}',
    cookies: { '__Host-session': session },
  });

const notesEvent = (token: string) =>
  getEvent('/api/cases/C-1/notes', {
    pathParameters: { id: 'C-1' },
    headers: { authorization: `Bearer ${token}` },
  });

describe('A signed-out session opens nothing (ASVS 7.4.1)', () => {
  it('a revoked token on a staff page is treated as no session: sent to sign in', async () => {
    const revocations = inMemorySessionRevocations();
    const token = await provider.sign({ rank: 'inspector' });
    await revocations.revoke(token, new Date(Date.now() + 3_600_000));

    const response = await pagesWith(revocations).viewCase(caseEvent(token));

    expect([response.statusCode, header(response, 'location')?.startsWith('/sign-in?')]).toEqual([303, true]);
  });

  it('a revoked token as an API bearer token is a JSON 401', async () => {
    const revocations = inMemorySessionRevocations();
    const token = await provider.sign({ rank: 'sergeant' });
    await revocations.revoke(token, new Date(Date.now() + 3_600_000));

    const response = await pagesWith(revocations).readNotes(notesEvent(token));

    expect([response.statusCode, JSON.parse(response.body ?? '{}').error]).toEqual([401, 'unauthenticated']);
  });

  it('another token of the same person, not revoked, still opens the page', async () => {
    const revocations = inMemorySessionRevocations();
    await revocations.revoke(await provider.sign({ rank: 'inspector' }), new Date(Date.now() + 3_600_000));
    const other = await provider.sign({ rank: 'inspector' }, { expiresInSeconds: 1800 });

    const response = await pagesWith(revocations).viewCase(caseEvent(other));

    expect(response.statusCode).toBe(200);
  });

  it('when the revocations cannot be read the page fails (500), neither letting the token in nor signing out', async () => {
    const unreadable: SessionRevocations = {
      revoke: async () => undefined,
      isRevoked: async () => {
        throw new Error('ProvisionedThroughputExceededException');
      },
    };
    const token = await provider.sign({ rank: 'inspector' });

    const response = await pagesWith(unreadable).viewCase(caseEvent(token));

    expect([response.statusCode, response.body?.includes('Case C-100')]).toEqual([500, false]);
  });

  it('a forged token is refused without asking the revocations (no read for a made-up token)', async () => {
    let asked = 0;
    const counting: SessionRevocations = {
      revoke: async () => undefined,
      isRevoked: async () => {
        asked += 1;
        return false;
      },
    };

    const response = await pagesWith(counting).viewCase(
      caseEvent(await provider.sign({ rank: 'inspector' }, { forged: true })),
    );

    expect([response.statusCode, asked]).toEqual([303, 0]);
  });
});
