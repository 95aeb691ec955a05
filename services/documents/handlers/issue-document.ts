import { type DocumentFailed, DocumentRequestHeader } from '../../../shared/contracts/documents.ts';
import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { issueDependencies } from '../adapters/composition.ts';
import { issueDocument } from '../domain/issue-document.ts';

/**
 * A request whose template data was refused. The requester has been told (`document-failed`); failing the
 * message sends it on to the dead-letter queue. Field paths and rules only, never a value.
 */
export class DocumentRequestRefusedError extends Error {
  constructor(reply: DocumentFailed) {
    super(
      `Document request refused (${reply.data.reason}): ${reply.data.fieldErrors
        .map((error) => `${error.path}: ${error.message}`)
        .join('; ')}`,
    );
    this.name = 'DocumentRequestRefusedError';
  }
}

const dependencies = issueDependencies();
// Surfaced by the first message instead, so the failure is logged with the message it stopped.
dependencies.catch(() => undefined);

export const handler = sqsConsumer({
  name: 'documents.issue-document',
  schemas: DocumentRequestHeader,
  idempotency: true,
  handle: async (message, { logger }) => {
    const outcome = await issueDocument(message, await dependencies);
    if (outcome.kind === 'refused') throw new DocumentRequestRefusedError(outcome.reply);
    logger.info('Document issued', {
      documentId: outcome.reply.data.documentId,
      documentType: outcome.reply.data.documentType,
      pageCount: outcome.reply.data.pageCount,
      requestingService: message.data.requestingService,
      repeated: outcome.repeated,
    });
  },
});
