import { timingSafeEqual } from 'node:crypto';
import { InvalidTokenError, staffTokenVerifier } from '../../../shared/auth/verify-token.ts';
import {
  clearCookie,
  cookieNames,
  publicPageHandler,
  redirect,
  safeReturnTo,
  setCookie,
} from '../../../shared/http/index.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { CodeRejectedError, exchangeCode } from '../adapters/token-endpoint.ts';
import { callbackConfig, signInCookie } from '../config.ts';
import { CallbackQuery, decodeSignInAttempt, returnPathAfterSignIn, staffHome } from '../domain/sign-in.ts';
import { SignInFailedError } from '../errors.ts';

const config = callbackConfig();
const verifier = staffTokenVerifier();

const startAgain = 'Sign-in could not be completed. Go back to the sign-in page and try again.';

const sameState = (expected: string, received: string): boolean => {
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
};

/** The identity provider's callback: redeem the code, check the ID token, start the staff session. */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async ({ query, cookies }) => {
    const attempt = decodeSignInAttempt(cookies[signInCookie.name]);
    const callback = CallbackQuery.safeParse(query);
    if (!attempt || !callback.success) throw new SignInFailedError(400, startAgain);
    if ('error' in callback.data) {
      logger().info('Identity provider refused sign-in', { reason: callback.data.error });
      throw new SignInFailedError(400, startAgain);
    }
    if (!sameState(attempt.state, callback.data.state)) throw new SignInFailedError(400, startAgain);

    let idToken: string;
    try {
      idToken = await exchangeCode({
        tokenUrl: config.AUTH_TOKEN_URL,
        clientId: config.AUTH_AUDIENCE,
        redirectUri: config.AUTH_REDIRECT_URI,
        code: callback.data.code,
        verifier: attempt.verifier,
      });
    } catch (error) {
      if (error instanceof CodeRejectedError) throw new SignInFailedError(400, startAgain, { cause: error });
      throw error;
    }

    try {
      await verifier.verify(idToken);
    } catch (error) {
      if (error instanceof InvalidTokenError) {
        logger().warn('Identity provider issued a token we do not accept', { reason: error.message });
        throw new SignInFailedError(
          401,
          'Your account cannot be used with this service. Contact the service desk.',
        );
      }
      throw error;
    }

    return redirect(returnPathAfterSignIn(safeReturnTo(attempt.returnTo, staffHome)), {
      cookies: [setCookie(cookieNames.session, idToken), clearCookie(signInCookie.name)],
    });
  },
});
