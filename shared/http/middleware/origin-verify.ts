import { logger } from '../../observability/logger.ts';
import { OriginNotVerifiedError } from '../errors.ts';
import { cameThroughEdge, originVerifyHeader } from '../origin-verify.ts';
import { type HttpMiddleware, methodOf } from '../request-state.ts';

/**
 * Refuses (403) any request whose origin header does not hold an accepted secret: one that went round
 * CloudFront and its WAF to the API's own address. It runs before anything reads the body, a cookie or a
 * token, and before any address in the headers is believed. The warning names the route, never the caller.
 */
export const originVerification = (originSecrets: readonly string[]): HttpMiddleware => ({
  before: ({ event }) => {
    const header = event.headers?.[originVerifyHeader];
    if (cameThroughEdge(header, originSecrets)) return;
    logger().warn('Request refused: it did not come through the edge', {
      route: event.routeKey,
      method: methodOf(event),
      originHeader: header === undefined ? 'missing' : 'wrong',
    });
    throw new OriginNotVerifiedError();
  },
});
