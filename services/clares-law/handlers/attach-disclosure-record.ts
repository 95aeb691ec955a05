import { DocumentFailed, DocumentReady } from '../../../shared/contracts/documents.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { currentCorrelationId } from '../../../shared/observability/index.ts';
import { claresLawService } from '../composition-root.ts';

const service = claresLawService();

/**
 * The documents service's answer to a disclosure record request: the signed record (object-locked, for the
 * unit's eyes only) is attached to the case. Idempotent by itself: an answer the case already took, or one
 * for a request the case did not make, changes nothing.
 */
export const handler = sqsConsumer({
  name: 'clares-law.attach-disclosure-record',
  schemas: [DocumentReady, DocumentFailed],
  handle: async (message, { logger }) => {
    const context = { now: new Date(), correlationId: currentCorrelationId() ?? message.correlationId };
    const outcome =
      message.type === 'document-ready'
        ? await service.attachRecord(
            {
              kind: 'ready',
              caseId: message.data.caseId,
              requestId: message.data.requestId,
              documentId: message.data.documentId,
              downloadPath: message.data.downloadPath,
              sha256: message.data.sha256,
              createdAt: new Date(message.data.createdAt),
            },
            context,
          )
        : await service.attachRecord(
            { kind: 'failed', caseId: message.data.caseId, requestId: message.data.requestId },
            context,
          );
    if (outcome === 'unchanged')
      logger.info('Document answer already applied or not expected', { messageId: message.id });
  },
});
