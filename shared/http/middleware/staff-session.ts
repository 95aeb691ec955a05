import type { Principal } from '../../auth/principal.ts';
import type { SessionRevocations } from '../../auth/session-revocations.ts';
import type { TokenVerifier } from '../../auth/verify-token.ts';
import { logger } from '../../observability/logger.ts';
import { cookieNames } from '../cookies.ts';
import { UnauthenticatedError } from '../errors.ts';
import type { HttpEvent, HttpMiddleware } from '../request-state.ts';

const bearerToken = (event: HttpEvent): string | undefined => {
  const header = event.headers?.authorization;
  const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match?.[1];
};

export interface StaffSessionOptions {
  /** APIs also accept `Authorization: Bearer <ID token>`; pages read only the session cookie. */
  readonly acceptBearer: boolean;
}

/**
 * Finds out who is asking: verifies the ID token from the `__Host-session` cookie (or bearer header), then
 * asks whether it was signed out (one read), and puts the member of staff on the request. No token, one
 * that fails, or one signed out is a 401 (pages turn that into a trip to sign-in). When the revocations
 * cannot be read the request fails (500) rather than let a signed-out token through or sign anyone out.
 */
export const staffSession = (
  verifier: TokenVerifier,
  revocations: SessionRevocations,
  options: StaffSessionOptions,
): HttpMiddleware => ({
  before: async (request) => {
    const state = request.context.http;
    const token =
      (options.acceptBearer ? bearerToken(request.event) : undefined) ?? state.cookies[cookieNames.session];
    if (!token) throw new UnauthenticatedError();
    let principal: Principal;
    try {
      principal = await verifier.verify(token);
    } catch (error) {
      logger().info('Staff token refused', {
        reason: error instanceof Error ? error.message : 'unknown',
        cause: error instanceof Error && error.cause instanceof Error ? error.cause.name : undefined,
      });
      throw new UnauthenticatedError('You need to sign in again.');
    }
    // Only after verification, so a made-up token costs no read.
    if (await revocations.isRevoked(token)) {
      logger().info('Staff token refused', { reason: 'signed out' });
      throw new UnauthenticatedError('You need to sign in again.');
    }
    state.principal = principal;
  },
});
