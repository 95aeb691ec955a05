import { DispatchRequested } from '../contracts.ts';
import type { CommandAndControl } from '../domain/ports.ts';
import type { DynamoReportStore } from './dynamo-report-store.ts';

/**
 * The command-and-control port until the force's dispatch system is connected: each `dispatch-requested`
 * message is recorded once against its incident log, where staff see it on the report's page. The message
 * is exactly what a real adapter would send.
 */
export const localCommandAndControl = (
  store: DynamoReportStore,
  clock: () => Date = () => new Date(),
): CommandAndControl => ({
  requestDispatch: async (request) => {
    await store.recordDispatchRequest(DispatchRequested.parse(request), clock());
  },
});
