import { sessionRevocationsFromEnvironment } from '../../../shared/auth/dynamo-session-revocations.ts';
import { InvalidTokenError, staffTokenVerifier } from '../../../shared/auth/verify-token.ts';
import { clearCookie, cookieNames, publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { logger } from '../../../shared/observability/logger.ts';

const verifier = staffTokenVerifier();
const revocations = sessionRevocationsFromEnvironment();

/**
 * Ends the session on the server as well as in the browser (ASVS 7.4.1): a token that still verifies is
 * recorded as revoked until it would have expired, so a copy of it taken before sign-out opens nothing. A
 * token that no longer verifies has nothing left to end.
 */
const endSession = async (token: string): Promise<void> => {
  let expiresAt: Date;
  try {
    ({ expiresAt } = await verifier.verifySession(token));
  } catch (error) {
    if (error instanceof InvalidTokenError) return;
    throw error;
  }
  await revocations.revoke(token, expiresAt);
};

/**
 * Public so that a member of staff whose token has already expired can still sign out cleanly. The cookie is
 * cleared whatever happens: if the revocation could not be recorded the person at this computer is still
 * signed out, and the failure is logged for the team to see.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async ({ cookies }) => {
    const token = cookies[cookieNames.session];
    if (token) {
      try {
        await endSession(token);
      } catch (error) {
        logger().error('Sign-out not recorded on the server; the token stays valid until it expires', {
          error,
        });
      }
    }
    return redirect('/', { cookies: [clearCookie(cookieNames.session)] });
  },
});
