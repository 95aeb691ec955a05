import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  authorizationUrl,
  CallbackQuery,
  decodeSignInAttempt,
  encodeSignInAttempt,
  returnPathAfterSignIn,
  staffHome,
} from './sign-in.ts';

const attempt = {
  state: 'S'.repeat(43),
  verifier: 'v'.repeat(43),
  returnTo: '/staff/dvpn/123?tab=notes',
};

describe('sign-in attempt (OAuth 2.0 authorization code with PKCE, RFC 6749 / RFC 7636)', () => {
  it('the authorize address carries the client, callback, state and an S256 challenge of the verifier', () => {
    const url = authorizationUrl(
      {
        signInUrl: 'https://auth.example/oauth2/authorize',
        clientId: 'client-1',
        redirectUri: 'https://site.example/auth/callback',
      },
      attempt,
    );

    expect(url.origin + url.pathname).toBe('https://auth.example/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'client-1',
      redirect_uri: 'https://site.example/auth/callback',
      scope: 'openid profile',
      state: attempt.state,
      code_challenge: createHash('sha256').update(attempt.verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
  });

  it('the verifier itself never appears in the authorize address', () => {
    const url = authorizationUrl(
      { signInUrl: 'https://a.example/', clientId: 'c', redirectUri: 'https://b.example/' },
      attempt,
    );

    expect(url.toString()).not.toContain(attempt.verifier);
  });

  it('an attempt survives the round trip through its cookie', () => {
    expect(decodeSignInAttempt(encodeSignInAttempt(attempt))).toEqual(attempt);
  });

  it.each([
    ['no cookie', undefined],
    ['not base64 JSON', 'garbage!'],
    ['a short state', Buffer.from(JSON.stringify({ ...attempt, state: 'short' })).toString('base64url')],
    [
      'an absolute return address',
      Buffer.from(JSON.stringify({ ...attempt, returnTo: 'https://evil.example' })).toString('base64url'),
    ],
  ])('a cookie with %s is no attempt at all', (_case, value) => {
    expect(decodeSignInAttempt(value)).toBeUndefined();
  });

  it('the callback query is either a code with its state or the provider’s error', () => {
    expect(CallbackQuery.safeParse({ code: 'abc', state: 'xyz' }).success).toBe(true);
    expect(CallbackQuery.safeParse({ error: 'access_denied' }).success).toBe(true);
    expect(CallbackQuery.safeParse({ code: 'abc' }).success).toBe(false);
  });
});

describe('where staff land after signing in', () => {
  it('the page they asked for', () => {
    expect(returnPathAfterSignIn('/staff/dvpn/123')).toBe('/staff/dvpn/123');
  });

  it.each(['/', '/sign-in', '/sign-in?returnTo=/x', '/auth/callback?code=1', '/sign-out'])(
    '%s would loop or lead nowhere useful, so the staff home instead',
    (path) => {
      expect(returnPathAfterSignIn(path)).toBe(staffHome);
    },
  );
});
