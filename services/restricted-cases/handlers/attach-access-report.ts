import { DocumentFailed, DocumentReady } from '../../../shared/contracts/documents.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { attachAccessReport } from '../case-service.ts';
import { serviceDependencies } from '../composition-root.ts';

const deps = serviceDependencies();

/** The documents service's answer to a request for an access report: the signed PDF, or why there is none. */
export const handler = sqsConsumer({
  name: 'restricted-cases.attach-access-report',
  schemas: [DocumentReady, DocumentFailed],
  handle: async (reply) => {
    await attachAccessReport(deps, reply);
  },
});
