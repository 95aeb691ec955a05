import { anyStaff } from '../../shared/auth/policy.ts';
import { documentRequestsQueue } from '../../shared/contracts/documents.ts';
import { defineService } from '../../shared/manifest/define-service.ts';

/**
 * The queues requesting services are answered on (`replyTo` in a request). A service that asks for
 * documents declares its reply queue in its own manifest and adds it here, so this function may send to it.
 */
export const documentReplyQueues = [
  'dvpn-document-replies',
  'restricted-cases-document-replies',
  'clares-law-document-replies',
] as const;

/**
 * Signed, verifiable PDFs: renders a template, signs it with the force's key, keeps it in an object-locked
 * bucket, records its hash, and answers the requesting service. Staff verify documents and download them.
 */
export const documents = defineService({
  name: 'documents',
  tables: {
    register: {
      partitionKey: { name: 'pk', type: 'S' },
      indexes: { bySha256: { partitionKey: { name: 'sha256', type: 'S' } } },
    },
  },
  queues: {
    [documentRequestsQueue]: { visibilityTimeoutSeconds: 60 },
  },
  buckets: {
    // MoPI: police records are kept at least six years.
    signed: { objectLockYears: 7 },
  },
  routes: [
    { method: 'GET', path: '/documents/verify', handler: 'view-verify-page', policy: anyStaff },
    { method: 'POST', path: '/documents/verify', handler: 'verify-document', policy: anyStaff },
    // The requesting service's policy is applied in the handler, once the document's owner is known.
    { method: 'GET', path: '/staff/documents/{id}', handler: 'download-document', policy: anyStaff },
  ],
  staffLinks: [
    {
      text: 'Check a document',
      path: '/documents/verify',
      description: 'Check that a signed notice or record is genuine and unchanged.',
    },
  ],
  consumers: [{ queue: documentRequestsQueue, handler: 'issue-document', batchSize: 5 }],
  sendsTo: [...documentReplyQueues],
  usesPlatform: ['audit', 'idempotency', 'sessions'],
});
