import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from '../../../shared/auth/verify-token.ts';
import { csrfTokenFor } from '../../../shared/http/middleware/csrf.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import {
  getEvent,
  header,
  httpEvent,
  postForm,
  setCookieLine,
  setCookieValue,
} from '../../support/http-events.ts';
import { startTestIdentityProvider, type TestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const redirectUri = 'https://localhost/auth/callback';
const csrfSecret = 'integration-csrf-secret-at-least-32-characters-long';
let provider: TestIdentityProvider;
let home: {
  viewHome: HttpHandler;
  startSignIn: HttpHandler;
  completeSignIn: HttpHandler;
  signOut: HttpHandler;
  showNotFound: HttpHandler;
  viewStaffHome: HttpHandler;
};

beforeAll(async () => {
  provider = await startTestIdentityProvider();
  useLocalEnvironment({
    ...provider.environment,
    CSRF_SECRET: csrfSecret,
    AUTH_SIGN_IN_URL: provider.tokenUrl.replace('/oauth2/token', '/oauth2/authorize'),
    AUTH_REDIRECT_URI: redirectUri,
  });
  home = {
    viewHome: (await import('../../../services/home/handlers/view-home.ts')).handler,
    startSignIn: (await import('../../../services/home/handlers/start-sign-in.ts')).handler,
    completeSignIn: (await import('../../../services/home/handlers/complete-sign-in.ts')).handler,
    signOut: (await import('../../../services/home/handlers/sign-out.ts')).handler,
    showNotFound: (await import('../../../services/home/handlers/show-not-found.ts')).handler,
    viewStaffHome: (await import('../../../services/home/handlers/view-staff-home.ts')).handler,
  };
});

afterAll(() => provider.stop());

/** Starts sign-in as a browser would and returns what the identity provider was asked for. */
const beginSignIn = async (returnTo: string) => {
  const response = await home.startSignIn(getEvent('/sign-in', { query: { returnTo } }));
  const location = new URL(header(response, 'location') ?? '');
  return {
    response,
    location,
    cookie: setCookieValue(response, '__Host-sign-in') ?? '',
    state: location.searchParams.get('state') ?? '',
    challenge: location.searchParams.get('code_challenge') ?? '',
  };
};

const callback = (query: Record<string, string>, signInCookie?: string) =>
  home.completeSignIn(
    getEvent('/auth/callback', {
      query,
      ...(signInCookie ? { cookies: { '__Host-sign-in': signInCookie } } : {}),
    }),
  );

describe('home: the landing page', () => {
  it('links to the public services and to staff sign-in, with "Exit this page"', async () => {
    const response = await home.viewHome(getEvent('/'));

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('href="/report"');
    expect(response.body).toContain('href="/clares-law"');
    expect(response.body).toContain('href="/sign-in"');
    expect(response.body).toContain('govuk-exit-this-page');
    expect(response.body).toContain('Beta');
  });

  it('is sent with no-store and a CSP without unsafe-inline', async () => {
    const response = await home.viewHome(getEvent('/'));

    expect(header(response, 'cache-control')).toBe('no-store');
    expect(header(response, 'content-security-policy')).not.toContain('unsafe-inline');
  });
});

describe('home: staff sign-in against the identity provider', () => {
  it('sends the browser to the provider (303) with a PKCE challenge and a state bound to a cookie', async () => {
    const { response, location, cookie, state, challenge } = await beginSignIn('/staff/dvpn/7');

    expect(response.statusCode).toBe(303);
    expect(location.pathname).toBe('/oauth2/authorize');
    expect(location.searchParams.get('client_id')).toBe(provider.audience);
    expect(location.searchParams.get('redirect_uri')).toBe(redirectUri);
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(cookie).not.toBe('');
    expect(setCookieLine(response, '__Host-sign-in')).toMatch(/HttpOnly; Secure; SameSite=Lax; Max-Age=600/);
  });

  it('completes: redeems the code, sets the session cookie and returns to the page asked for', async () => {
    const { cookie, state, challenge } = await beginSignIn('/staff/dvpn/7?tab=notes');
    const code = provider.issueCode(challenge, redirectUri, { rank: 'sergeant', collarNumber: 'S77' });

    const response = await callback({ code, state }, cookie);

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/staff/dvpn/7?tab=notes');
    const session = setCookieValue(response, '__Host-session') ?? '';
    expect(setCookieLine(response, '__Host-session')).toBe(
      `__Host-session=${encodeURIComponent(session)}; Path=/; HttpOnly; Secure; SameSite=Lax`,
    );
    const verifier = createTokenVerifier({
      issuer: provider.issuer,
      audience: provider.audience,
      jwksUri: provider.jwksUri,
    });
    await expect(verifier.verify(session)).resolves.toMatchObject({ collarNumber: 'S77', rank: 'sergeant' });
    expect(setCookieLine(response, '__Host-sign-in')).toContain('Max-Age=0');
  });

  it('redeems the code form-encoded with the PKCE verifier and the same callback address', async () => {
    const { cookie, state, challenge } = await beginSignIn('/staff/notifications');
    const code = provider.issueCode(challenge, redirectUri);
    const before = provider.tokenRequests.length;

    await callback({ code, state }, cookie);

    const request = provider.tokenRequests[before];
    expect(request?.contentType).toBe('application/x-www-form-urlencoded');
    expect(request?.fields).toMatchObject({
      grant_type: 'authorization_code',
      client_id: provider.audience,
      code,
      redirect_uri: redirectUri,
    });
    expect(request?.fields.code_verifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('an address off the site is never a return address: the staff home instead', async () => {
    const { cookie, state, challenge } = await beginSignIn('https://evil.example/phish');
    const code = provider.issueCode(challenge, redirectUri);

    const response = await callback({ code, state }, cookie);

    expect(header(response, 'location')).toBe('/staff/notifications');
  });

  it('a callback whose state is not this browser’s is refused (400) and no session is set', async () => {
    const mine = await beginSignIn('/staff/notifications');
    const theirs = await beginSignIn('/staff/notifications');
    const code = provider.issueCode(theirs.challenge, redirectUri);

    const response = await callback({ code, state: theirs.state }, mine.cookie);

    expect(response.statusCode).toBe(400);
    expect(setCookieLine(response, '__Host-session')).toBeUndefined();
  });

  it('a callback without the sign-in cookie is refused (400)', async () => {
    const { state, challenge } = await beginSignIn('/staff/notifications');
    const code = provider.issueCode(challenge, redirectUri);

    const response = await callback({ code, state });

    expect(response.statusCode).toBe(400);
  });

  it('a code already used is refused (400): the page says to start again', async () => {
    const { cookie, state, challenge } = await beginSignIn('/staff/notifications');
    const code = provider.issueCode(challenge, redirectUri);
    await callback({ code, state }, cookie);

    const response = await callback({ code, state }, cookie);

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Sign-in could not be completed');
  });

  it('the provider refusing (error=access_denied) is a 400 page, not a loop back to sign-in', async () => {
    const { cookie } = await beginSignIn('/staff/notifications');

    const response = await callback({ error: 'access_denied' }, cookie);

    expect(response.statusCode).toBe(400);
  });

  it('a token with a rank we do not know is a 401 page, not a redirect that would loop', async () => {
    const { cookie, state, challenge } = await beginSignIn('/staff/notifications');
    const code = provider.issueCode(challenge, redirectUri, { rank: 'commissioner' });

    const response = await callback({ code, state }, cookie);

    expect(response.statusCode).toBe(401);
    expect(header(response, 'location')).toBeUndefined();
    expect(setCookieLine(response, '__Host-session')).toBeUndefined();
  });
});

describe('home: sign-out', () => {
  it('a POST with the form token clears the session and goes to the front page (303)', async () => {
    // The front page has no form; its CSRF cookie is what a staff page's sign-out button would be signed with.
    const cookie = setCookieValue(await home.viewHome(getEvent('/')), '__Host-csrf') ?? '';
    const token = csrfTokenFor(csrfSecret, cookie);

    const response = await home.signOut(
      postForm(
        '/sign-out',
        { _csrf: token },
        { cookies: { '__Host-csrf': cookie, '__Host-session': 'x.y.z' } },
      ),
    );

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/');
    expect(setCookieLine(response, '__Host-session')).toContain('Max-Age=0');
  });

  it('the token signed out with opens no staff page afterwards, though it has not expired (ASVS 7.4.1)', async () => {
    const session = await provider.sign({ rank: 'sergeant', department: 'PPU' });
    const staffHome = () =>
      home.viewStaffHome(getEvent('/staff', { cookies: { '__Host-session': session } }));
    const before = await staffHome();
    const cookie = setCookieValue(await home.viewHome(getEvent('/')), '__Host-csrf') ?? '';

    await home.signOut(
      postForm(
        '/sign-out',
        { _csrf: csrfTokenFor(csrfSecret, cookie) },
        { cookies: { '__Host-csrf': cookie, '__Host-session': session } },
      ),
    );
    const after = await staffHome();

    expect([before.statusCode, after.statusCode, header(after, 'location')]).toEqual([
      200,
      303,
      `/sign-in?returnTo=${encodeURIComponent('/staff')}`,
    ]);
  });

  it('the revocation is kept as the SHA-256 of the token, never the token, until the token expires', async () => {
    const session = await provider.sign({ rank: 'sergeant' }, { expiresInSeconds: 1200 });
    const cookie = setCookieValue(await home.viewHome(getEvent('/')), '__Host-csrf') ?? '';
    await home.signOut(
      postForm(
        '/sign-out',
        { _csrf: csrfTokenFor(csrfSecret, cookie) },
        { cookies: { '__Host-csrf': cookie, '__Host-session': session } },
      ),
    );
    const { createHash } = await import('node:crypto');
    const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
    const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
    const { decodeJwt } = await import('jose');

    const stored = await dynamoDocumentClient().send(
      new GetCommand({
        TableName: process.env.TABLE_PLATFORM_SESSIONS,
        Key: { pk: `revoked-session#${createHash('sha256').update(session).digest('base64url')}` },
      }),
    );

    expect([stored.Item?.expiresAt, JSON.stringify(stored.Item).includes(session)]).toEqual([
      decodeJwt(session).exp,
      false,
    ]);
  });

  it('a POST without the form token is refused (403): another site cannot sign staff out', async () => {
    const response = await home.signOut(
      postForm('/sign-out', {}, { cookies: { '__Host-session': 'x.y.z' } }),
    );

    expect(response.statusCode).toBe(403);
    expect(setCookieLine(response, '__Host-session')).toBeUndefined();
  });
});

describe('home: unknown addresses', () => {
  it('GET is the 404 page with the security headers', async () => {
    const response = await home.showNotFound(getEvent('/no/such/page'));

    expect(response.statusCode).toBe(404);
    expect(response.body).toContain('Page not found');
    expect(header(response, 'content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header(response, 'cache-control')).toBe('no-store');
  });

  it('a POST is 404 too, not a CSRF refusal', async () => {
    const response = await home.showNotFound(postForm('/no/such/form', { a: 'b' }));

    expect(response.statusCode).toBe(404);
  });

  it('a caller asking for JSON gets a JSON 404', async () => {
    const response = await home.showNotFound(
      getEvent('/api/nothing', { headers: { accept: 'application/json' } }),
    );

    expect(response.statusCode).toBe(404);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({ error: 'not_found' });
  });

  it('an oversize body to an unknown address is still refused as too large (413)', async () => {
    const response = await home.showNotFound(
      httpEvent({
        method: 'POST',
        path: '/x',
        headers: { 'content-type': 'text/plain' },
        body: 'x'.repeat(70 * 1024),
      }),
    );

    expect(response.statusCode).toBe(413);
  });
});

describe('configuration is read at start-up and a missing value names itself', () => {
  it('a page handler without CSRF_SECRET does not load, naming the variable', async () => {
    const saved = process.env.CSRF_SECRET;
    delete process.env.CSRF_SECRET;
    vi.resetModules();
    try {
      await expect(import('../../../services/home/handlers/view-home.ts')).rejects.toThrow(/CSRF_SECRET/);
    } finally {
      process.env.CSRF_SECRET = saved;
    }
  });

  it('the sign-in callback without AUTH_TOKEN_URL does not load, naming it', async () => {
    const saved = process.env.AUTH_TOKEN_URL;
    delete process.env.AUTH_TOKEN_URL;
    vi.resetModules();
    try {
      await expect(import('../../../services/home/handlers/complete-sign-in.ts')).rejects.toThrow(
        /AUTH_TOKEN_URL/,
      );
    } finally {
      process.env.AUTH_TOKEN_URL = saved;
    }
  });

  it('with the local identity provider’s page as AUTH_SIGN_IN_URL, sign-in goes there with the return path', async () => {
    const saved = process.env.AUTH_SIGN_IN_URL;
    process.env.AUTH_SIGN_IN_URL = '/dev/sign-in';
    vi.resetModules();
    try {
      const { handler } = await import('../../../services/home/handlers/start-sign-in.ts');

      const response = await handler(getEvent('/sign-in', { query: { returnTo: '/staff/dvpn/9' } }));

      expect(response.statusCode).toBe(303);
      expect(header(response, 'location')).toBe(
        `/dev/sign-in?returnTo=${encodeURIComponent('/staff/dvpn/9')}`,
      );
    } finally {
      process.env.AUTH_SIGN_IN_URL = saved;
    }
  });
});
