import { createHash } from 'node:crypto';
import {
  DocumentFailed,
  type DocumentFailedData,
  DocumentReady,
  type DocumentReply,
  type DocumentRequestHeader,
} from '../../../shared/contracts/documents.ts';
import type { FontFiles } from './layout/typeface.ts';
import type { DocumentRegister, DocumentStore, ReplySender } from './ports.ts';
import { produceSignedDocument } from './produce.ts';
import { type Signer, SigningUnavailableError } from './signing/signer.ts';
import { inspectSignature } from './verification/inspect-signature.ts';

export interface IssueDependencies {
  readonly register: DocumentRegister;
  readonly store: DocumentStore;
  readonly replies: ReplySender;
  readonly signer: Signer;
  readonly fonts: FontFiles;
  readonly forceName: string;
  readonly newDocumentId: () => string;
  readonly now: () => Date;
}

export type IssueOutcome =
  | { readonly kind: 'issued'; readonly reply: DocumentReady; readonly repeated: boolean }
  | { readonly kind: 'refused'; readonly reply: DocumentFailed; readonly repeated: boolean };

/**
 * The reply's envelope id, derived from the request (a name-based UUID, RFC 9562 §5.5), so every answer
 * to one request carries the same id and the requester's idempotent consumer acts on it once.
 */
export const replyIdFor = (requestingService: string, requestId: string): string => {
  const hash = createHash('sha1')
    .update(`document-reply\u0000${requestingService}\u0000${requestId}`)
    .digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
};

/** Staff route that serves a document (the requesting service's policy decides who may). */
export const downloadPathOf = (documentId: string): string => `/staff/documents/${documentId}`;

const outcomeOf = (reply: DocumentReply, repeated: boolean): IssueOutcome =>
  reply.type === 'document-ready'
    ? { kind: 'issued', reply, repeated }
    : { kind: 'refused', reply, repeated };

/**
 * A `document-requested` message, answered: render, sign, store, record, reply. Idempotent on the
 * request id: the first attempt fixes the document id and instant, a retry re-creates the same bytes
 * under them, and a request already answered gets the very same reply again, with no second document.
 * Data the template refuses is answered with `document-failed` (field paths and rules, never values).
 */
export const issueDocument = async (
  request: DocumentRequestHeader,
  dependencies: IssueDependencies,
): Promise<IssueOutcome> => {
  const { register, store, replies, signer } = dependencies;
  const { data } = request;
  const key = { requestingService: data.requestingService, requestId: data.requestId };
  const now = dependencies.now();
  const claim = await register.claimRequest(key, {
    documentId: dependencies.newDocumentId(),
    createdAt: now.toISOString(),
  });
  if (claim.reply) {
    await replies.send(data.replyTo, claim.reply);
    return outcomeOf(claim.reply, true);
  }

  const envelope = {
    id: replyIdFor(data.requestingService, data.requestId),
    occurredAt: now.toISOString(),
    correlationId: request.correlationId,
  };
  const createdAt = new Date(claim.createdAt);
  const produced = await produceSignedDocument(
    {
      documentType: data.documentType,
      templateData: data.templateData,
      context: { documentId: claim.documentId, forceName: dependencies.forceName, createdAt },
    },
    dependencies.fonts,
    signer,
  );

  let reply: DocumentReply;
  if (!produced.ok) {
    const failed: DocumentFailedData = {
      requestId: data.requestId,
      caseId: data.caseId,
      documentType: data.documentType,
      reason: produced.reason,
      fieldErrors: [...produced.fieldErrors],
    };
    reply = DocumentFailed.parse({ type: 'document-failed', version: 1, ...envelope, data: failed });
  } else {
    // A key that does not match its certificate must never put a file into the locked bucket.
    const check = inspectSignature(produced.pdf);
    if (
      check.kind !== 'signed' ||
      !check.signatureVerifies ||
      !check.digestMatches ||
      !check.coversWholeDocument
    ) {
      throw new SigningUnavailableError(
        'The signed document did not verify: check the signing key and certificate.',
      );
    }
    const { versionId } = await store.put(claim.documentId, produced.pdf);
    await register.recordIssued({
      documentId: claim.documentId,
      documentType: produced.documentType,
      requestingService: data.requestingService,
      caseId: data.caseId,
      requestId: data.requestId,
      sha256: produced.sha256,
      certificateFingerprint: produced.certificateFingerprint,
      createdAt: claim.createdAt,
      pageCount: produced.pageCount,
      byteLength: produced.pdf.length,
      ...(versionId ? { storageVersionId: versionId } : {}),
    });
    reply = DocumentReady.parse({
      type: 'document-ready',
      version: 1,
      ...envelope,
      data: {
        requestId: data.requestId,
        caseId: data.caseId,
        documentId: claim.documentId,
        documentType: produced.documentType,
        pageCount: produced.pageCount,
        byteLength: produced.pdf.length,
        sha256: produced.sha256,
        certificateFingerprint: produced.certificateFingerprint,
        createdAt: claim.createdAt,
        downloadPath: downloadPathOf(claim.documentId),
      },
    });
  }
  await register.completeRequest(key, reply);
  await replies.send(data.replyTo, reply);
  return outcomeOf(reply, false);
};
