import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTokenVerifier,
  InvalidTokenError,
  type TokenVerifier,
} from '../../../shared/auth/verify-token.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/staff-tokens.ts';

let provider: TestIdentityProvider;
let verifier: TokenVerifier;

beforeAll(async () => {
  provider = await startTestIdentityProvider();
  verifier = createTokenVerifier({
    issuer: provider.issuer,
    audience: provider.audience,
    jwksUri: provider.jwksUri,
  });
});

afterAll(() => provider.stop());

describe('staff ID tokens (aws-jwt-verify against the JWKS)', () => {
  it('a valid token becomes the member of staff it names', async () => {
    const token = await provider.sign({
      sub: 'abc-123',
      name: 'Robin Officer',
      rank: 'chief-inspector',
      department: 'PSD',
      collarNumber: 'CI9',
    });

    await expect(verifier.verify(token)).resolves.toEqual({
      subject: 'abc-123',
      displayName: 'Robin Officer',
      rank: 'chief-inspector',
      department: 'PSD',
      collarNumber: 'CI9',
    });
  });

  it('police staff hold a grade, not a rank, and are accepted as such', async () => {
    const token = await provider.sign({ rank: 'police-staff', department: 'CONTACT_CENTRE' });

    await expect(verifier.verify(token)).resolves.toMatchObject({ rank: 'police-staff' });
  });

  it.each([
    ['expired', { expiresInSeconds: -30 }, {}],
    ['that never expires (no exp)', { expiresInSeconds: null }, {}],
    ['forged (signed with another key)', { forged: true }, {}],
    ['for another audience', { audience: 'someone-else' }, {}],
    ['from another issuer', { issuer: 'https://evil.example' }, {}],
    ['with an unknown rank', {}, { rank: 'commissioner' }],
    ['with an unknown department', {}, { department: 'MI5' }],
    ['an access token, not an ID token', {}, { tokenUse: 'access' }],
    ['without a collar number', {}, { collarNumber: '' }],
  ])('a token %s is refused', async (_case, options, claims) => {
    const token = await provider.sign(claims, options);

    await expect(verifier.verify(token)).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('a verified session carries the token’s expiry, for sign-out to revoke it that long', async () => {
    const token = await provider.sign({}, { expiresInSeconds: 600 });

    const session = await verifier.verifySession(token);

    expect(Math.abs(session.expiresAt.getTime() - (Date.now() + 600_000))).toBeLessThan(5_000);
  });

  it('something that is not a JWT at all is refused', async () => {
    await expect(verifier.verify('not-a-token')).rejects.toBeInstanceOf(InvalidTokenError);
  });

  it('a JWKS placed in the cache is used without fetching', async () => {
    const offline = createTokenVerifier({
      issuer: provider.issuer,
      audience: provider.audience,
      jwksUri: 'https://jwks.invalid/.well-known/jwks.json',
    });
    const jwks = (await (await fetch(provider.jwksUri)).json()) as Parameters<TokenVerifier['cacheJwks']>[0];
    offline.cacheJwks(jwks);

    await expect(offline.verify(await provider.sign())).resolves.toMatchObject({
      subject: 'staff-subject-1',
    });
  });

  it('a JWKS address that is plain HTTP and not loopback is refused', async () => {
    const insecure = createTokenVerifier({
      issuer: provider.issuer,
      audience: provider.audience,
      jwksUri: 'http://jwks.example/.well-known/jwks.json',
    });

    await expect(insecure.verify(await provider.sign())).rejects.toBeInstanceOf(InvalidTokenError);
  });
});
