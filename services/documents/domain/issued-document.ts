import type { DocumentType } from '../../../shared/contracts/documents.ts';

/** The register's record of one issued document. Personal data stays in the PDF, never here. */
export interface IssuedDocument {
  readonly documentId: string;
  readonly documentType: DocumentType;
  readonly requestingService: string;
  readonly caseId: string;
  readonly requestId: string;
  /** SHA-256 of the signed bytes, lower-case hex. */
  readonly sha256: string;
  /** SHA-256 fingerprint of the signing certificate. */
  readonly certificateFingerprint: string;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly pageCount: number;
  readonly byteLength: number;
  /** The S3 object version holding these bytes, where the store keeps versions. */
  readonly storageVersionId?: string;
  readonly revoked?: { readonly at: string; readonly reason: string; readonly byCollarNumber: string };
}
