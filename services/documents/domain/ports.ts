import type { DocumentReply } from '../../../shared/contracts/documents.ts';
import type { IssuedDocument } from './issued-document.ts';

/** A request as first seen: the document id and instant it will carry on every attempt. */
export interface RequestClaim {
  readonly documentId: string;
  readonly createdAt: string;
  /** Present once the request has been answered: the reply to send again, unchanged. */
  readonly reply?: DocumentReply;
}

/** The documents table: the register of issued documents and the requests that made them. */
export interface DocumentRegister {
  /**
   * Records the request with the given document id and instant unless the request is already known, and
   * returns what the request carries from now on (the stored claim wins).
   */
  claimRequest(
    key: { readonly requestingService: string; readonly requestId: string },
    proposed: { readonly documentId: string; readonly createdAt: string },
  ): Promise<RequestClaim>;
  /** Stores the reply the request was answered with, so a repeat gets the same one. */
  completeRequest(
    key: { readonly requestingService: string; readonly requestId: string },
    reply: DocumentReply,
  ): Promise<void>;
  /** Adds the record of an issued document; recording the same document again is harmless. */
  recordIssued(document: IssuedDocument): Promise<void>;
  findById(documentId: string): Promise<IssuedDocument | undefined>;
  findBySha256(sha256: string): Promise<IssuedDocument | undefined>;
  revoke(documentId: string, revocation: NonNullable<IssuedDocument['revoked']>): Promise<void>;
}

/** The object-locked bucket. Keys are document ids, never names. */
export interface DocumentStore {
  /** Stores the signed bytes; returns the object version where the store keeps versions. */
  put(documentId: string, pdf: Buffer): Promise<{ readonly versionId?: string }>;
  get(documentId: string, versionId?: string): Promise<Buffer | undefined>;
}

/** Sends a reply to the queue the requester named. */
export interface ReplySender {
  send(queue: string, reply: DocumentReply): Promise<void>;
}
