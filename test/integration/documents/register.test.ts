import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DocumentReady } from '../../../shared/contracts/documents.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

useLocalEnvironment();
const { documentRegister } = await import('../../../services/documents/adapters/composition.ts');
const register = documentRegister();

const documentId = () => {
  const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const group = () => Array.from({ length: 4 }, () => crockford[Math.floor(Math.random() * 32)]).join('');
  return `DOC-${group()}-${group()}-${group()}-${group()}`;
};

const issued = (overrides: { documentId?: string; sha256?: string; requestId?: string } = {}) => ({
  documentId: overrides.documentId ?? documentId(),
  documentType: 'dvpn-notice' as const,
  requestingService: 'dvpn',
  caseId: 'case-1',
  requestId: overrides.requestId ?? randomUUID(),
  sha256: overrides.sha256 ?? randomUUID().replace(/-/g, '').repeat(2),
  certificateFingerprint: 'f'.repeat(64),
  createdAt: '2026-03-14T10:30:00.000Z',
  pageCount: 3,
  byteLength: 45_000,
});

describe('The documents register on DynamoDB', () => {
  it('the first claim of a request wins; a second claim gets the first one back', async () => {
    const key = { requestingService: 'dvpn', requestId: randomUUID() };
    const first = { documentId: documentId(), createdAt: '2026-03-14T10:30:00.000Z' };

    await register.claimRequest(key, first);
    const second = await register.claimRequest(key, {
      documentId: documentId(),
      createdAt: '2026-03-14T11:00:00.000Z',
    });

    expect(second).toEqual(first);
  });

  it('two claims at once agree on one document id', async () => {
    const key = { requestingService: 'dvpn', requestId: randomUUID() };

    const claims = await Promise.all(
      Array.from({ length: 5 }, () =>
        register.claimRequest(key, { documentId: documentId(), createdAt: new Date().toISOString() }),
      ),
    );

    expect(new Set(claims.map((claim) => claim.documentId)).size).toBe(1);
  });

  it('the same request id from another service is another request', async () => {
    const requestId = randomUUID();
    const a = await register.claimRequest(
      { requestingService: 'dvpn', requestId },
      { documentId: documentId(), createdAt: 'x' },
    );

    const b = await register.claimRequest(
      { requestingService: 'clares-law', requestId },
      { documentId: documentId(), createdAt: 'y' },
    );

    expect(b.documentId).not.toBe(a.documentId);
  });

  it('a completed request returns its reply with the claim', async () => {
    const key = { requestingService: 'dvpn', requestId: randomUUID() };
    const claim = { documentId: 'DOC-0000-0000-0000-0001', createdAt: '2026-03-14T10:30:00.000Z' };
    await register.claimRequest(key, claim);
    const reply: DocumentReady = {
      type: 'document-ready',
      version: 1,
      id: randomUUID(),
      occurredAt: '2026-03-14T10:30:01.000Z',
      correlationId: 'c',
      data: {
        requestId: key.requestId,
        caseId: 'case-1',
        documentId: claim.documentId,
        documentType: 'dvpn-notice',
        pageCount: 3,
        byteLength: 45_000,
        sha256: 'a'.repeat(64),
        certificateFingerprint: 'b'.repeat(64),
        createdAt: claim.createdAt,
        downloadPath: `/staff/documents/${claim.documentId}`,
      },
    };

    await register.completeRequest(key, reply);

    expect(await register.claimRequest(key, { documentId: documentId(), createdAt: 'z' })).toEqual({
      ...claim,
      reply,
    });
  });

  it('finds an issued document by id and by the SHA-256 of its bytes', async () => {
    const document = issued();
    await register.recordIssued(document);

    expect(await register.findById(document.documentId)).toEqual(document);
    expect(await register.findBySha256(document.sha256)).toEqual(document);
  });

  it('another request may not overwrite a recorded document', async () => {
    const document = issued();
    await register.recordIssued(document);

    await expect(
      register.recordIssued({ ...document, requestId: randomUUID(), sha256: '0'.repeat(64) }),
    ).rejects.toThrow();
    expect((await register.findById(document.documentId))?.sha256).toBe(document.sha256);
  });

  it('revoking keeps who, when and why', async () => {
    const document = issued();
    await register.recordIssued(document);
    const revocation = { at: '2026-03-15T09:00:00.000Z', reason: 'Wrong court.', byCollarNumber: '4412' };

    await register.revoke(document.documentId, revocation);

    expect((await register.findById(document.documentId))?.revoked).toEqual(revocation);
  });

  it('revoking an unknown document fails rather than creating one', async () => {
    await expect(
      register.revoke('DOC-0000-0000-0000-0000', { at: 'x', reason: 'y', byCollarNumber: 'z' }),
    ).rejects.toThrow();
  });
});
