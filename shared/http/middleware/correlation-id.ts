import { isSafeCorrelationId, newCorrelationId, setCorrelationId } from '../../observability/correlation.ts';
import type { HttpMiddleware, HttpRequest } from '../request-state.ts';

const addHeader = (request: HttpRequest): void => {
  if (!request.response) return;
  request.response.headers = {
    ...request.response.headers,
    'X-Correlation-Id': request.context.http.correlationId,
  };
};

/**
 * Gives the request its correlation id: API Gateway's request id when it has one, a fresh one otherwise.
 * A header sent by the browser is not trusted, so nobody can make their requests look like someone else's.
 * The id goes into every log line (through the correlation scope), onto messages, and back in a header.
 */
export const correlationId = (): HttpMiddleware => ({
  before: (request) => {
    const fromGateway = request.event.requestContext?.requestId;
    const id = isSafeCorrelationId(fromGateway) ? fromGateway : newCorrelationId();
    request.context.http.correlationId = id;
    setCorrelationId(id);
  },
  after: addHeader,
  onError: addHeader,
});
