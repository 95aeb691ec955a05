import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import type { Department, Rank } from '../../shared/auth/principal.ts';

export interface StaffClaimsInput {
  readonly sub?: string;
  readonly name?: string;
  readonly rank?: Rank | 'police-staff' | string;
  readonly department?: Department | string;
  readonly collarNumber?: string;
  readonly tokenUse?: string;
}

export interface SignOptions {
  /** Seconds from now until expiry; negative for a token that has already expired; null for no `exp` at all. */
  readonly expiresInSeconds?: number | null;
  readonly issuer?: string;
  readonly audience?: string;
  /** Sign with a key the JWKS does not hold, under the published key id: a forgery. */
  readonly forged?: boolean;
}

export interface TokenRequestRecord {
  readonly contentType: string | undefined;
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * A stand-in identity provider on loopback: publishes a JWKS, signs staff ID tokens with the claims
 * Cognito issues, and answers the OAuth token endpoint for codes it has handed out (checking PKCE).
 */
export interface TestIdentityProvider {
  readonly issuer: string;
  readonly audience: string;
  readonly jwksUri: string;
  readonly tokenUrl: string;
  /** Environment variables a handler needs to verify these tokens. */
  readonly environment: Readonly<Record<string, string>>;
  sign(claims?: StaffClaimsInput, options?: SignOptions): Promise<string>;
  /** A code the token endpoint will redeem once for a token with `claims`, if the verifier matches. */
  issueCode(codeChallenge: string, redirectUri: string, claims?: StaffClaimsInput): string;
  /** Makes the token endpoint answer every request with this status (a provider that is down). */
  failTokenEndpoint(status: number): void;
  readonly tokenRequests: readonly TokenRequestRecord[];
  stop(): Promise<void>;
}

const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
};

export const startTestIdentityProvider = async (): Promise<TestIdentityProvider> => {
  const kid = 'test-key';
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256', { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: 'RS256', use: 'sig' };
  const codes = new Map<string, { challenge: string; redirectUri: string; claims: StaffClaimsInput }>();
  const tokenRequests: TokenRequestRecord[] = [];
  let failure: number | undefined;
  let issuer = '';
  const audience = 'test-client';

  const sign = (claims: StaffClaimsInput = {}, options: SignOptions = {}): Promise<string> => {
    const now = Math.floor(Date.now() / 1000);
    const token = new SignJWT({
      token_use: claims.tokenUse ?? 'id',
      name: claims.name ?? 'Alex Example',
      'custom:rank': claims.rank ?? 'constable',
      'custom:department': claims.department ?? 'FORCE_RESPONSE',
      'custom:collar_number': claims.collarNumber ?? 'PC1234',
    })
      .setProtectedHeader({ alg: 'RS256', kid })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? audience)
      .setSubject(claims.sub ?? 'staff-subject-1')
      .setIssuedAt(now - 60);
    if (options.expiresInSeconds !== null) token.setExpirationTime(now + (options.expiresInSeconds ?? 3600));
    return token.sign(options.forged ? forger.privateKey : privateKey);
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (request.method === 'GET' && url.pathname === '/.well-known/jwks.json') {
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ keys: [publicJwk] }));
      return;
    }
    if (request.method === 'POST' && url.pathname === '/oauth2/token') {
      const fields = Object.fromEntries(new URLSearchParams(await readBody(request)));
      tokenRequests.push({ contentType: request.headers['content-type'], fields });
      if (failure !== undefined) {
        response.writeHead(failure, { 'content-type': 'application/json' }).end('{"error":"server_error"}');
        return;
      }
      const issued = codes.get(fields.code ?? '');
      const verifierMatches =
        issued !== undefined &&
        createHash('sha256')
          .update(fields.code_verifier ?? '')
          .digest('base64url') === issued.challenge;
      if (
        !issued ||
        !verifierMatches ||
        fields.grant_type !== 'authorization_code' ||
        fields.client_id !== audience ||
        fields.redirect_uri !== issued.redirectUri
      ) {
        response.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid_grant"}');
        return;
      }
      codes.delete(fields.code ?? '');
      const idToken = await sign(issued.claims);
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id_token: idToken,
          access_token: 'opaque',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      );
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  issuer = `${origin}/issuer`;

  return {
    issuer,
    audience,
    jwksUri: `${origin}/.well-known/jwks.json`,
    tokenUrl: `${origin}/oauth2/token`,
    environment: {
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: audience,
      AUTH_JWKS_URI: `${origin}/.well-known/jwks.json`,
      AUTH_TOKEN_URL: `${origin}/oauth2/token`,
    },
    sign,
    issueCode: (challenge, redirectUri, claims = {}) => {
      const code = randomBytes(16).toString('hex');
      codes.set(code, { challenge, redirectUri, claims });
      return code;
    },
    failTokenEndpoint: (status) => {
      failure = status;
    },
    tokenRequests,
    stop: () =>
      new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
};
