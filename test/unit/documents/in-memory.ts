import type { IssuedDocument } from '../../../services/documents/domain/issued-document.ts';
import type {
  DocumentRegister,
  DocumentStore,
  ReplySender,
  RequestClaim,
} from '../../../services/documents/domain/ports.ts';
import type { DocumentReply } from '../../../shared/contracts/documents.ts';

/** The register's contract in memory, for domain tests (the DynamoDB adapter has its own integration tests). */
export class InMemoryRegister implements DocumentRegister {
  readonly claims = new Map<string, RequestClaim>();
  readonly documents = new Map<string, IssuedDocument>();

  async claimRequest(
    key: { requestingService: string; requestId: string },
    proposed: { documentId: string; createdAt: string },
  ): Promise<RequestClaim> {
    const id = `${key.requestingService}#${key.requestId}`;
    const existing = this.claims.get(id);
    if (existing) return existing;
    this.claims.set(id, proposed);
    return proposed;
  }

  async completeRequest(
    key: { requestingService: string; requestId: string },
    reply: DocumentReply,
  ): Promise<void> {
    const id = `${key.requestingService}#${key.requestId}`;
    const claim = this.claims.get(id);
    if (!claim) throw new Error('No claim to complete.');
    this.claims.set(id, { ...claim, reply });
  }

  async recordIssued(document: IssuedDocument): Promise<void> {
    this.documents.set(document.documentId, document);
  }

  async findById(documentId: string): Promise<IssuedDocument | undefined> {
    return this.documents.get(documentId);
  }

  async findBySha256(sha256: string): Promise<IssuedDocument | undefined> {
    return [...this.documents.values()].find((document) => document.sha256 === sha256);
  }

  async revoke(documentId: string, revocation: NonNullable<IssuedDocument['revoked']>): Promise<void> {
    const document = this.documents.get(documentId);
    if (!document) throw new Error('No such document.');
    this.documents.set(documentId, { ...document, revoked: revocation });
  }
}

export class InMemoryStore implements DocumentStore {
  readonly objects = new Map<string, Buffer[]>();

  async put(documentId: string, pdf: Buffer): Promise<{ versionId?: string }> {
    const versions = this.objects.get(documentId) ?? [];
    versions.push(pdf);
    this.objects.set(documentId, versions);
    return { versionId: String(versions.length) };
  }

  async get(documentId: string, versionId?: string): Promise<Buffer | undefined> {
    const versions = this.objects.get(documentId);
    return versionId ? versions?.[Number(versionId) - 1] : versions?.at(-1);
  }
}

export class RecordingReplies implements ReplySender {
  readonly sent: { queue: string; reply: DocumentReply }[] = [];

  async send(queue: string, reply: DocumentReply): Promise<void> {
    this.sent.push({ queue, reply });
  }
}

/** A register that cannot be reached. */
export const unreachableRegister: Pick<DocumentRegister, 'findById' | 'findBySha256'> = {
  findById: () => Promise.reject(new Error('connection refused')),
  findBySha256: () => Promise.reject(new Error('connection refused')),
};
