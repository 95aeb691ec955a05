import { createHash } from 'node:crypto';
import * as z from 'zod';

/** Where staff land after signing in when they asked for nothing in particular. */
export const staffHome = '/staff/notifications';

/** Paths that are part of signing in; returning to one would start the journey over, possibly for ever. */
const signInPaths = ['/sign-in', '/auth/callback', '/sign-out'];

/**
 * Where to go after signing in, given a path already checked with safeReturnTo: the staff home instead of
 * the front page or any step of the sign-in journey itself.
 */
export const returnPathAfterSignIn = (checkedPath: string): string => {
  const pathOnly = checkedPath.split(/[?#]/)[0] ?? '';
  return checkedPath === '/' || signInPaths.includes(pathOnly) ? staffHome : checkedPath;
};

/** What the browser keeps between leaving for the identity provider and coming back. */
export const SignInAttempt = z.object({
  /** Binds the callback to this browser (RFC 6749 §10.12). */
  state: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  /** PKCE (RFC 7636): only the holder of the verifier can redeem the code. */
  verifier: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
  returnTo: z.string().startsWith('/'),
});
export type SignInAttempt = z.infer<typeof SignInAttempt>;

export const encodeSignInAttempt = (attempt: SignInAttempt): string =>
  Buffer.from(JSON.stringify(attempt)).toString('base64url');

export const decodeSignInAttempt = (value: string | undefined): SignInAttempt | undefined => {
  if (!value) return undefined;
  try {
    const parsed = SignInAttempt.safeParse(JSON.parse(Buffer.from(value, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const codeChallenge = (verifier: string): string =>
  createHash('sha256').update(verifier).digest('base64url');

export interface AuthorizationRequest {
  readonly signInUrl: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

/** The identity provider's authorize address for this attempt (OAuth 2.0 authorization code with PKCE). */
export const authorizationUrl = (request: AuthorizationRequest, attempt: SignInAttempt): URL => {
  const url = new URL(request.signInUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', request.clientId);
  url.searchParams.set('redirect_uri', request.redirectUri);
  url.searchParams.set('scope', 'openid profile');
  url.searchParams.set('state', attempt.state);
  url.searchParams.set('code_challenge', codeChallenge(attempt.verifier));
  url.searchParams.set('code_challenge_method', 'S256');
  return url;
};

/** The callback's query: either a code for our state, or the provider's refusal. */
export const CallbackQuery = z.union([
  z.object({ code: z.string().min(1).max(2048), state: z.string().min(1).max(256) }),
  z.object({ error: z.string().min(1).max(256) }),
]);
export type CallbackQuery = z.infer<typeof CallbackQuery>;
