import { JwtRsaVerifier } from 'aws-jwt-verify';
import type { Fetcher } from 'aws-jwt-verify/https';
import { type Jwks, SimpleJwksCache } from 'aws-jwt-verify/jwk';
import * as z from 'zod';
import { readConfig, required } from '../config/env.ts';
import { Department, Principal, Rank, StaffGrade } from './principal.ts';

/** Raised for a missing, expired, forged or malformed staff token. The reason stays in logs, not on pages. */
export class InvalidTokenError extends Error {
  readonly publicMessage = 'You need to sign in.';
  constructor(reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'InvalidTokenError';
  }
}

/**
 * The claims of an ID token as Cognito issues them (and the local identity provider imitates). A rank or
 * department outside our lists means a token we did not expect; it is refused, not guessed at.
 */
export const StaffClaims = z.object({
  sub: z.string().min(1),
  token_use: z.literal('id'),
  name: z.string().min(1),
  'custom:rank': z.union([Rank, StaffGrade]),
  'custom:department': Department,
  'custom:collar_number': z.string().min(1),
  /** A token must expire: aws-jwt-verify checks `exp` only when it is there, so one without it is refused here. */
  exp: z.number().int().positive(),
});
export type StaffClaims = z.infer<typeof StaffClaims>;

export const principalFromClaims = (claims: StaffClaims): Principal =>
  Principal.parse({
    subject: claims.sub,
    displayName: claims.name,
    rank: claims['custom:rank'],
    department: claims['custom:department'],
    collarNumber: claims['custom:collar_number'],
  });

export interface TokenVerifierConfig {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUri: string;
}

/** A verified staff session: who it is, and when the token stops being accepted. */
export interface VerifiedSession {
  readonly principal: Principal;
  readonly expiresAt: Date;
}

export interface TokenVerifier {
  /** The member of staff the token names; rejects with InvalidTokenError for anything else. */
  verify(token: string): Promise<Principal>;
  /** The same check, with the token's expiry (`exp`): what sign-out needs to revoke it for as long as it lasts. */
  verifySession(token: string): Promise<VerifiedSession>;
  /** Puts a JWKS in the cache so no fetch is needed (tests, or a JWKS bundled at build). */
  cacheJwks(jwks: Jwks): void;
}

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * aws-jwt-verify fetches over HTTPS only; the local identity provider serves its JWKS over plain HTTP on
 * loopback, so plain HTTP is allowed there and nowhere else.
 */
const jwksFetcher: Fetcher = {
  fetch: async (uri) => {
    const url = new URL(uri);
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopbackHosts.has(url.hostname))) {
      throw new InvalidTokenError(`JWKS must be fetched over HTTPS: ${url.origin}`);
    }
    const response = await fetch(url, { signal: AbortSignal.timeout(3000) });
    if (!response.ok) throw new InvalidTokenError(`JWKS fetch answered ${response.status}`);
    return response.arrayBuffer();
  },
};

export const createTokenVerifier = (config: TokenVerifierConfig): TokenVerifier => {
  const verifier = JwtRsaVerifier.create(
    { issuer: config.issuer, audience: config.audience, jwksUri: config.jwksUri },
    { jwksCache: new SimpleJwksCache({ fetcher: jwksFetcher }) },
  );
  const verifySession = async (token: string): Promise<VerifiedSession> => {
    let payload: unknown;
    try {
      payload = await verifier.verify(token);
    } catch (error) {
      throw new InvalidTokenError('Token failed verification', { cause: error });
    }
    const claims = StaffClaims.safeParse(payload);
    if (!claims.success) {
      throw new InvalidTokenError(
        `Token claims refused: ${claims.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
      );
    }
    return { principal: principalFromClaims(claims.data), expiresAt: new Date(claims.data.exp * 1000) };
  };
  return {
    verify: async (token) => (await verifySession(token)).principal,
    verifySession,
    cacheJwks: (jwks) => verifier.cacheJwks(jwks),
  };
};

export const authConfigShape = {
  AUTH_ISSUER: required(),
  AUTH_AUDIENCE: required(),
  AUTH_JWKS_URI: z.url(),
};

let shared: TokenVerifier | undefined;

/**
 * The process's verifier for staff ID tokens, configured from AUTH_ISSUER, AUTH_AUDIENCE and AUTH_JWKS_URI.
 * Call it at module load of a staff handler so a missing variable fails the cold start, naming it.
 */
export const staffTokenVerifier = (): TokenVerifier => {
  if (!shared) {
    const config = readConfig(authConfigShape);
    shared = createTokenVerifier({
      issuer: config.AUTH_ISSUER,
      audience: config.AUTH_AUDIENCE,
      jwksUri: config.AUTH_JWKS_URI,
    });
  }
  return shared;
};
