import { DocumentFailed, DocumentReady } from '../../../shared/contracts/documents.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { attachDocument } from '../case-service.ts';
import { caseServiceDependencies } from '../composition-root.ts';

const deps = caseServiceDependencies();

/**
 * The documents service's answers: a signed notice issues it; a failure leaves the case "authorised, notice
 * pending" with a retry. Idempotent by itself: an answer the case already took changes nothing.
 */
export const handler = sqsConsumer({
  name: 'dvpn.attach-document',
  schemas: [DocumentReady, DocumentFailed],
  handle: (message) => attachDocument(deps, message, new Date()),
});
