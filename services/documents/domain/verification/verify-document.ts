import { DocumentId } from '../../../../shared/contracts/documents.ts';
import { normaliseDocumentId } from '../document-id.ts';
import type { IssuedDocument } from '../issued-document.ts';
import type { DocumentRegister, DocumentStore } from '../ports.ts';
import { inspectSignature, type SignatureInspection } from './inspect-signature.ts';
import { judgeDocument, type RegisterAnswer, type VerificationReport } from './judge.ts';

export interface VerificationDependencies {
  /** Absent when the register cannot be reached at all (the command line with no stack running). */
  readonly register?: Pick<DocumentRegister, 'findById' | 'findBySha256'>;
  /** Fingerprint of the certificate the force signs with now. */
  readonly currentFingerprint: string;
  readonly forceName: string;
}

/**
 * Which record a file claims to be: by the reference inside it, else by its exact bytes. A register that
 * fails to answer is reported as such, never as "no record".
 */
const lookUp = async (
  inspection: SignatureInspection,
  register: VerificationDependencies['register'],
): Promise<RegisterAnswer> => {
  if (inspection.kind === 'not-pdf') return { kind: 'not-found' };
  if (!register) return { kind: 'unavailable' };
  try {
    const byReference = inspection.documentReference
      ? await register.findById(inspection.documentReference)
      : undefined;
    const record = byReference ?? (await register.findBySha256(inspection.sha256));
    return record ? { kind: 'found', record } : { kind: 'not-found' };
  } catch {
    return { kind: 'unavailable' };
  }
};

/** Checks an uploaded file: its signature, that the force made it, and that it is the copy on record. */
export const verifyPdf = async (
  file: Uint8Array,
  dependencies: VerificationDependencies,
): Promise<VerificationReport> => {
  const inspection = inspectSignature(file);
  const register = await lookUp(inspection, dependencies.register);
  return judgeDocument(inspection, {
    forceName: dependencies.forceName,
    // A document keeps the certificate it was signed with, even after the force's key is replaced.
    trustedFingerprints: [
      dependencies.currentFingerprint,
      ...(register.kind === 'found' ? [register.record.certificateFingerprint] : []),
    ],
    register,
  });
};

export type ReferenceCheck =
  | { readonly kind: 'malformed'; readonly typed: string }
  | { readonly kind: 'unknown'; readonly documentId: string }
  | { readonly kind: 'unavailable'; readonly documentId: string }
  | {
      readonly kind: 'issued';
      readonly record: IssuedDocument;
      /** The stored copy, checked like an upload; undefined when it could not be read. */
      readonly storedCopy?: VerificationReport;
    };

/**
 * Checks a typed reference: whether the force issued it, whether it is revoked, and whether the copy the
 * force keeps still verifies.
 */
export const verifyReference = async (
  typed: string,
  dependencies: VerificationDependencies & {
    readonly register: Pick<DocumentRegister, 'findById' | 'findBySha256'>;
    readonly store: Pick<DocumentStore, 'get'>;
  },
): Promise<ReferenceCheck> => {
  const documentId = normaliseDocumentId(typed);
  if (!DocumentId.safeParse(documentId).success) return { kind: 'malformed', typed: typed.slice(0, 40) };
  let record: IssuedDocument | undefined;
  try {
    record = await dependencies.register.findById(documentId);
  } catch {
    return { kind: 'unavailable', documentId };
  }
  if (!record) return { kind: 'unknown', documentId };
  let stored: Buffer | undefined;
  try {
    stored = await dependencies.store.get(documentId, record.storageVersionId);
  } catch {
    stored = undefined;
  }
  return stored
    ? { kind: 'issued', record, storedCopy: await verifyPdf(stored, dependencies) }
    : { kind: 'issued', record };
};
