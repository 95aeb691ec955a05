import { logger } from '../../observability/logger.ts';
import { RequestValidationError } from '../errors.ts';
import { type HttpMiddleware, methodOf } from '../request-state.ts';
import { errorStatus } from './error-status.ts';

const codes: Readonly<Record<number, string>> = {
  400: 'bad_request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
};

/**
 * Turns anything thrown into a JSON error: `{ error, message, fields? }` below 500, and for our own faults
 * only a generic message and the correlation id, the detail going to the log.
 */
export const apiErrors = (): HttpMiddleware => ({
  onError: (request) => {
    if (request.response !== undefined) return;
    const error = request.error;
    const { statusCode, publicMessage } = errorStatus(error);
    const method = methodOf(request.event);
    const correlationId = request.context.http.correlationId;
    let body: Record<string, unknown>;
    if (statusCode >= 500) {
      logger().error('Request failed', { error, statusCode, method, route: request.event.routeKey });
      body = { error: 'internal', message: 'Something went wrong.', reference: correlationId };
    } else {
      logger().info('Request refused', {
        statusCode,
        reason: error?.name,
        method,
        route: request.event.routeKey,
      });
      body = {
        error: codes[statusCode] ?? 'bad_request',
        message: publicMessage ?? 'The request could not be processed.',
        ...(error instanceof RequestValidationError ? { fields: error.fields } : {}),
      };
    }
    request.response = {
      statusCode,
      headers: { 'Content-Type': 'application/json; charset=utf-8' },
      body: JSON.stringify(body),
    };
  },
});
