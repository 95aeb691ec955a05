import * as z from 'zod';
import { readConfig, required } from '../../shared/config/env.ts';

/**
 * Where staff sign in. An address on another site (Cognito's hosted UI authorize endpoint) means the
 * OAuth 2.0 code flow, which also needs the client id and callback address. A path on this site (the
 * local identity provider's page, `/dev/sign-in`) takes `returnTo` and sets the session cookie itself.
 */
export type SignInConfig =
  | {
      readonly kind: 'oauth';
      readonly signInUrl: string;
      readonly clientId: string;
      readonly redirectUri: string;
    }
  | { readonly kind: 'on-site'; readonly signInPath: string };

const sitePath = z.string().regex(/^\/[A-Za-z0-9/_-]*$/);

export const signInConfig = (source: NodeJS.ProcessEnv = process.env): SignInConfig => {
  const { AUTH_SIGN_IN_URL } = readConfig({ AUTH_SIGN_IN_URL: z.union([sitePath, z.url()]) }, source);
  if (AUTH_SIGN_IN_URL.startsWith('/')) return { kind: 'on-site', signInPath: AUTH_SIGN_IN_URL };
  const oauth = readConfig({ AUTH_AUDIENCE: required(), AUTH_REDIRECT_URI: z.url() }, source);
  return {
    kind: 'oauth',
    signInUrl: AUTH_SIGN_IN_URL,
    clientId: oauth.AUTH_AUDIENCE,
    redirectUri: oauth.AUTH_REDIRECT_URI,
  };
};

/** For redeeming the code the identity provider sends back (OAuth mode only). */
export const callbackConfig = () =>
  readConfig({ AUTH_TOKEN_URL: z.url(), AUTH_AUDIENCE: required(), AUTH_REDIRECT_URI: z.url() });

/** The cookie that carries one sign-in attempt; it lives ten minutes. */
export const signInCookie = { name: '__Host-sign-in', maxAgeSeconds: 600 } as const;
