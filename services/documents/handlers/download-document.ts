import { createHash } from 'node:crypto';
import { recordAccess } from '../../../shared/audit/audit-log.ts';
import { auditLogFromEnvironment } from '../../../shared/audit/dynamo-audit-log.ts';
import { anyStaff } from '../../../shared/auth/policy.ts';
import { DocumentId } from '../../../shared/contracts/documents.ts';
import { ForbiddenError, NotFoundError } from '../../../shared/http/index.ts';
import { documentRegister, documentStore } from '../adapters/composition.ts';
import { downloadPolicyFor } from '../domain/download-policy.ts';
import { fileDownloadHandler } from '../http-stacks.ts';

const register = documentRegister();
const store = documentStore();
const auditLog = auditLogFromEnvironment();

/** The stored copy no longer matches the hash recorded when it was issued. */
export class StoredDocumentAlteredError extends Error {
  constructor(documentId: string) {
    super(`The stored copy of ${documentId} does not match its recorded hash.`);
    this.name = 'StoredDocumentAlteredError';
  }
}

/**
 * Serves a signed document to staff whom the requesting service's policy admits. Every attempt, allowed
 * or refused, is recorded in that service's audit chain for the case, before anything is served.
 */
export const handler = fileDownloadHandler({
  policy: anyStaff,
  handle: async ({ params, principal, correlationId, now }) => {
    const documentId = DocumentId.safeParse(params.id);
    if (!documentId.success) throw new NotFoundError();
    const record = await register.findById(documentId.data);
    if (!record) throw new NotFoundError();
    const allowed = downloadPolicyFor(record.requestingService).allows(principal);
    await recordAccess(auditLog, {
      principal,
      caseRef: { service: record.requestingService, caseId: record.caseId },
      action: `download-${record.documentType}`,
      outcome: allowed ? 'allowed' : 'denied',
      correlationId,
      now,
    });
    if (!allowed) throw new ForbiddenError();
    const pdf = await store.get(record.documentId, record.storageVersionId);
    if (!pdf) throw new NotFoundError();
    if (createHash('sha256').update(pdf).digest('hex') !== record.sha256) {
      throw new StoredDocumentAlteredError(record.documentId);
    }
    return { filename: `${record.documentId}.pdf`, contentType: 'application/pdf', content: pdf };
  },
});
