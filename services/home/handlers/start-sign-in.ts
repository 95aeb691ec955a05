import { randomBytes } from 'node:crypto';
import {
  publicPageHandler,
  redirect,
  redirectToIdentityProvider,
  safeReturnTo,
  setCookie,
} from '../../../shared/http/index.ts';
import { signInConfig, signInCookie } from '../config.ts';
import {
  authorizationUrl,
  encodeSignInAttempt,
  returnPathAfterSignIn,
  staffHome,
} from '../domain/sign-in.ts';

const config = signInConfig();

const randomToken = (): string => randomBytes(32).toString('base64url');

export const handler = publicPageHandler({
  policy: 'public',
  handle: ({ query }) => {
    const returnTo = returnPathAfterSignIn(safeReturnTo(query.returnTo, staffHome));
    if (config.kind === 'on-site') {
      return redirect(`${config.signInPath}?returnTo=${encodeURIComponent(returnTo)}`);
    }
    const attempt = { state: randomToken(), verifier: randomToken(), returnTo };
    const url = authorizationUrl(
      { signInUrl: config.signInUrl, clientId: config.clientId, redirectUri: config.redirectUri },
      attempt,
    );
    return redirectToIdentityProvider(url, {
      cookies: [
        setCookie(signInCookie.name, encodeSignInAttempt(attempt), {
          maxAgeSeconds: signInCookie.maxAgeSeconds,
        }),
      ],
    });
  },
});
