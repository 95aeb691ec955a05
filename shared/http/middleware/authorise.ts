import type { Policy } from '../../auth/policy.ts';
import { logger } from '../../observability/logger.ts';
import type { DeniedAccessRecorder } from '../denied-access.ts';
import { ForbiddenError, UnauthenticatedError } from '../errors.ts';
import { type HttpMiddleware, methodOf } from '../request-state.ts';

/**
 * Checks the route's policy against the signed-in member of staff. A refusal is recorded (who, which rule,
 * which route) before the 403; if recording fails the refusal still stands and the failure is logged.
 */
export const authorise = (
  policy: Policy,
  recorder: DeniedAccessRecorder,
  clock: () => Date,
): HttpMiddleware => ({
  before: async (request) => {
    const state = request.context.http;
    const principal = state.principal;
    if (!principal) throw new UnauthenticatedError();
    if (policy.allows(principal)) return;
    const routeKey = request.event.routeKey;
    try {
      await recorder.recordDenied({
        principal,
        policy: policy.description,
        method: methodOf(request.event),
        route: routeKey && routeKey !== '$default' ? routeKey : (request.event.rawPath ?? '/'),
        path: request.event.rawPath ?? '/',
        params: Object.fromEntries(
          Object.entries(request.event.pathParameters ?? {}).filter(
            (entry): entry is [string, string] => entry[1] !== undefined,
          ),
        ),
        correlationId: state.correlationId,
        at: clock(),
      });
    } catch (error) {
      logger().error('Could not record a denied access', { error });
    }
    throw new ForbiddenError();
  },
});
