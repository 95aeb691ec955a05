import * as z from 'zod';

export interface CodeExchange {
  readonly tokenUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
  readonly code: string;
  readonly verifier: string;
}

/** The token endpoint refused the code (used, expired, or not ours): the person should start again. */
export class CodeRejectedError extends Error {
  constructor(readonly status: number) {
    super(`Token endpoint refused the authorization code with status ${status}`);
    this.name = 'CodeRejectedError';
  }
}

/** The token endpoint could not be reached or answered nonsense: our fault, not the person's. */
export class TokenEndpointError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'TokenEndpointError';
  }
}

const TokenResponse = z.object({ id_token: z.string().min(1) });

/** Redeems an authorization code for the ID token (OAuth 2.0 §4.1.3, with the PKCE verifier). */
export const exchangeCode = async (exchange: CodeExchange): Promise<string> => {
  let response: Response;
  try {
    response = await fetch(exchange.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: exchange.clientId,
        code: exchange.code,
        redirect_uri: exchange.redirectUri,
        code_verifier: exchange.verifier,
      }),
      signal: AbortSignal.timeout(5000),
    });
  } catch (error) {
    throw new TokenEndpointError('Token endpoint could not be reached', { cause: error });
  }
  if (response.status === 400 || response.status === 401) throw new CodeRejectedError(response.status);
  if (!response.ok) throw new TokenEndpointError(`Token endpoint answered ${response.status}`);
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = TokenResponse.safeParse(body);
  if (!parsed.success) throw new TokenEndpointError('Token endpoint answer has no id_token');
  return parsed.data.id_token;
};
