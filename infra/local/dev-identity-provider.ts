import { randomUUID } from 'node:crypto';
import {
  type CryptoKey,
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from 'jose';
import * as z from 'zod';
import { type DemoStaffMember, demoStaff, demoStaffMember, findDemoStaff } from './demo-staff.ts';
import { renderSignInPage } from './dev-sign-in-page.ts';
import { LocalRuntimeError } from './errors.ts';
import { parseJsonOrUndefined, readIfExists, writePrivateJson } from './files.ts';

/** Where the provider lives under the local site; the issuer is `<site>/dev`. */
export const devIdentityPathPrefix = '/dev';
export const devJwksPath = `${devIdentityPathPrefix}/.well-known/jwks.json`;
export const devSignInPath = `${devIdentityPathPrefix}/sign-in`;
export const sessionCookieName = '__Host-session';
export const defaultReturnTo = '/staff/notifications';

const tokenLifetimeSeconds = 8 * 60 * 60;

export interface DevSigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
}

export interface TokenSettings {
  readonly issuer: string;
  readonly audience: string;
}

const StoredKey = z.object({
  kid: z.string().min(1),
  privateJwk: z.object({ kty: z.literal('RSA'), n: z.string(), e: z.string(), d: z.string() }).loose(),
});

const publicPart = (jwk: JWK, kid: string): JWK => ({
  kty: jwk.kty,
  n: jwk.n,
  e: jwk.e,
  kid,
  alg: 'RS256',
  use: 'sig',
});

const createSigningKey = async (): Promise<{ key: DevSigningKey; privateJwk: JWK }> => {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true, modulusLength: 2048 });
  const privateJwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: 'RSA', n: privateJwk.n, e: privateJwk.e });
  return { key: { kid, privateKey, publicJwk: publicPart(privateJwk, kid) }, privateJwk };
};

/**
 * The RSA key the local provider signs with: read from `file` when it exists, otherwise made and (if a file is
 * named) kept there, so tokens issued before a restart still verify after it. Without a file it lives in memory.
 */
export const loadOrCreateSigningKey = async (file?: string): Promise<DevSigningKey> => {
  const stored = file ? readIfExists(file) : undefined;
  if (file && stored !== undefined) {
    const parsed = StoredKey.safeParse(parseJsonOrUndefined(stored));
    const privateKey = parsed.success ? await importJWK(parsed.data.privateJwk as JWK, 'RS256') : undefined;
    if (!parsed.success || privateKey === undefined || privateKey instanceof Uint8Array) {
      throw new LocalRuntimeError(
        `${file} is not a signing key this runtime made: delete it and start again.`,
      );
    }
    return {
      kid: parsed.data.kid,
      privateKey,
      publicJwk: publicPart(parsed.data.privateJwk as JWK, parsed.data.kid),
    };
  }
  const { key, privateJwk } = await createSigningKey();
  if (file) {
    writePrivateJson(file, { kid: key.kid, privateJwk });
  }
  return key;
};

/**
 * An ID token with the claims a Cognito user pool issues for staff in AWS: `custom:rank`, `custom:department`
 * and `custom:collar_number` beside the standard ones.
 */
export const mintIdToken = (
  key: DevSigningKey,
  person: DemoStaffMember,
  settings: TokenSettings,
  now: Date = new Date(),
): Promise<string> => {
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    token_use: 'id',
    name: person.displayName,
    'custom:rank': person.rank,
    'custom:department': person.department,
    'custom:collar_number': person.collarNumber,
    auth_time: issuedAt,
  })
    .setProtectedHeader({ alg: 'RS256', kid: key.kid })
    .setIssuer(settings.issuer)
    .setAudience(settings.audience)
    .setSubject(person.subject)
    .setJti(randomUUID())
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + tokenLifetimeSeconds)
    .sign(key.privateKey);
};

/** The `Set-Cookie` value that carries a token for the page middleware to verify. */
export const sessionCookie = (token: string): string =>
  `${sessionCookieName}=${token}; Path=/; HttpOnly; Secure; SameSite=Lax; Max-Age=${tokenLifetimeSeconds}`;

/** Only a relative path on this site may be a destination after sign-in; anything else goes to the inbox. */
export const safeReturnTo = (value: string | null | undefined): string => {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) {
    return defaultReturnTo;
  }
  const base = 'http://return-to.invalid';
  try {
    const url = new URL(value, base);
    return url.origin === base ? `${url.pathname}${url.search}${url.hash}` : defaultReturnTo;
  } catch {
    return defaultReturnTo;
  }
};

export interface DevRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Buffer;
}

export interface DevResponse {
  readonly statusCode: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

export interface DevIdentityProvider {
  readonly settings: TokenSettings;
  readonly jwks: { readonly keys: readonly JWK[] };
  /** A signed ID token for one of the demo staff, as the sign-in page would issue (tests sign in with this). */
  mintToken(personId: string, now?: Date): Promise<string>;
  /** Answers the provider's own paths under `/dev`; anything else is not its business (undefined). */
  handle(request: DevRequest): Promise<DevResponse | undefined>;
}

const pageHeaders = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'content-security-policy':
    "default-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'; object-src 'none'",
  // Not `no-referrer`: under it browsers send `Origin: null` with the form, and the origin check refuses it.
  'referrer-policy': 'same-origin',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

const json = (statusCode: number, value: unknown, cache = 'no-store'): DevResponse => ({
  statusCode,
  headers: { 'content-type': 'application/json', 'cache-control': cache },
  body: JSON.stringify(value),
});

const sameOrigin = (request: DevRequest): boolean => {
  const origin = request.headers.origin;
  if (!origin) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
};

export interface DevIdentityProviderOptions extends TokenSettings {
  readonly key: DevSigningKey;
  readonly forceName: string;
}

/**
 * A stand-in for the Cognito user pool, only in the local runtime: a page listing demo staff that issues RS256
 * ID tokens, and the JWKS that verifies them.
 */
export const createDevIdentityProvider = (options: DevIdentityProviderOptions): DevIdentityProvider => {
  const settings: TokenSettings = { issuer: options.issuer, audience: options.audience };
  const jwks = { keys: [options.key.publicJwk] };
  const page = (statusCode: number, returnTo: string, missingChoice: boolean): DevResponse => ({
    statusCode,
    headers: pageHeaders,
    body: renderSignInPage({ forceName: options.forceName, staff: demoStaff, returnTo, missingChoice }),
  });

  const signIn = async (request: DevRequest): Promise<DevResponse> => {
    if (!sameOrigin(request)) return json(403, { message: 'Forbidden' });
    const form = new URLSearchParams(request.body.toString('utf8'));
    const returnTo = safeReturnTo(form.get('returnTo'));
    const person = findDemoStaff(form.get('person') ?? '');
    if (!person) return page(400, returnTo, true);
    const token = await mintIdToken(options.key, person, settings);
    return {
      statusCode: 303,
      headers: { location: returnTo, 'set-cookie': sessionCookie(token), 'cache-control': 'no-store' },
      body: '',
    };
  };

  return {
    settings,
    jwks,
    mintToken: (personId, now) => mintIdToken(options.key, demoStaffMember(personId), settings, now),
    handle: async (request) => {
      if (request.path === devJwksPath && request.method === 'GET') {
        return json(200, jwks, 'public, max-age=300');
      }
      if (
        request.path === `${devIdentityPathPrefix}/.well-known/openid-configuration` &&
        request.method === 'GET'
      ) {
        return json(200, {
          issuer: settings.issuer,
          jwks_uri: `${settings.issuer}/.well-known/jwks.json`,
          authorization_endpoint: `${settings.issuer}/sign-in`,
          id_token_signing_alg_values_supported: ['RS256'],
          response_types_supported: ['id_token'],
          subject_types_supported: ['public'],
        });
      }
      if (request.path === devSignInPath) {
        if (request.method === 'GET') return page(200, safeReturnTo(request.query.get('returnTo')), false);
        if (request.method === 'POST') return signIn(request);
        return { statusCode: 405, headers: { allow: 'GET, POST' }, body: '' };
      }
      return undefined;
    },
  };
};
