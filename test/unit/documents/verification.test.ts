import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import type { IssuedDocument } from '../../../services/documents/domain/issued-document.ts';
import { prepareDocument, produceSignedDocument } from '../../../services/documents/domain/produce.ts';
import { certificateFingerprint } from '../../../services/documents/domain/signing/certificate.ts';
import type { VerificationReport } from '../../../services/documents/domain/verification/judge.ts';
import {
  verifyPdf,
  verifyReference,
} from '../../../services/documents/domain/verification/verify-document.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { InMemoryRegister, InMemoryStore, unreachableRegister } from './in-memory.ts';
import { context, fonts, forceName, signedDocument, signerFor, withOneByteChanged } from './support.ts';

const documentId = context().documentId;

const issued = async (): Promise<{ pdf: Buffer; register: InMemoryRegister; record: IssuedDocument }> => {
  const document = await signedDocument('dvpn-notice');
  const record: IssuedDocument = {
    documentId,
    documentType: 'dvpn-notice',
    requestingService: 'dvpn',
    caseId: 'case-1',
    requestId: 'request-1',
    sha256: document.sha256,
    certificateFingerprint: document.certificateFingerprint,
    createdAt: '2026-03-14T10:30:00.000Z',
    pageCount: document.pageCount,
    byteLength: document.pdf.length,
  };
  const register = new InMemoryRegister();
  await register.recordIssued(record);
  return { pdf: document.pdf, register, record };
};

const dependencies = async (register?: InMemoryRegister | typeof unreachableRegister) => ({
  forceName,
  currentFingerprint: certificateFingerprint(await (await signerFor()).certificate()),
  ...(register ? { register } : {}),
});

const statusOf = (report: VerificationReport, name: string) =>
  report.checks.find((check) => check.name === name)?.status;

describe('Verifying a PDF (issue §5)', () => {
  it('a document the force issued, unchanged, passes every check and is called genuine', async () => {
    const { pdf, register } = await issued();

    const report = await verifyPdf(pdf, await dependencies(register));

    expect(report.verdict).toBe('genuine');
    expect(report.checks.map((check) => check.status)).toEqual(Array(7).fill('passed'));
    expect(report.summary).toContain(documentId);
  });

  it('a file that is not a PDF is said to be not a PDF', async () => {
    const report = await verifyPdf(
      Buffer.from('GIF89a, certainly not a PDF'),
      await dependencies(new InMemoryRegister()),
    );

    expect(report.verdict).toBe('not-genuine');
    expect(report.checks[0]).toMatchObject({ name: 'is-pdf', status: 'failed' });
    expect(report.checks[0]?.explanation).toContain('not a PDF');
  });

  it('an unsigned PDF is said to carry no signature', async () => {
    const plain = await PDFDocument.create();
    plain.addPage();

    const report = await verifyPdf(await plain.save(), await dependencies(new InMemoryRegister()));

    expect(report.verdict).toBe('not-genuine');
    expect(statusOf(report, 'has-signature')).toBe('failed');
    expect(report.checks.find((check) => check.name === 'has-signature')?.explanation).toContain(
      'carries no digital signature',
    );
  });

  it('a rendered notice whose signature was never filled in is unsigned', async () => {
    const { prepared } = await prepareDocument(
      'dvpn-notice',
      sampleTemplateData('dvpn-notice'),
      context(),
      fonts,
    );

    const report = await verifyPdf(prepared, await dependencies(new InMemoryRegister()));

    expect(statusOf(report, 'has-signature')).toBe('failed');
  });

  it('a PDF validly signed by someone else is said to be signed by someone else, naming them', async () => {
    const { register } = await issued();
    const forged = await signedDocument('dvpn-notice', undefined, { forceName: 'Elsewhere Constabulary' });

    const report = await verifyPdf(forged.pdf, await dependencies(register));

    expect(report.verdict).toBe('not-genuine');
    expect(statusOf(report, 'signature-valid')).toBe('passed');
    const signedBy = report.checks.find((check) => check.name === 'signed-by-force');
    expect(signedBy?.status).toBe('failed');
    expect(signedBy?.explanation).toContain('Elsewhere Constabulary');
  });

  it('a signature carrying the force certificate but made with another key is forged, not the force', async () => {
    const { register } = await issued();
    const force = await signerFor();
    const other = await signerFor('Elsewhere Constabulary');
    const forged = await produceSignedDocument(
      { documentType: 'dvpn-notice', templateData: sampleTemplateData('dvpn-notice'), context: context() },
      fonts,
      { certificate: () => force.certificate(), signDigest: (digest) => other.signDigest(digest) },
    );
    if (!forged.ok) throw new Error('refused');

    const report = await verifyPdf(forged.pdf, await dependencies(register));

    expect(report.checks.find((check) => check.name === 'signature-valid')?.explanation).toContain('forged');
    expect(statusOf(report, 'signed-by-force')).toBe('not-checked');
    expect(report.verdict).toBe('not-genuine');
  });

  it('one byte changed: the signature no longer matches the contents', async () => {
    const { pdf, register } = await issued();

    const report = await verifyPdf(withOneByteChanged(pdf), await dependencies(register));

    expect(report.verdict).toBe('not-genuine');
    expect(report.checks.find((check) => check.name === 'signature-valid')?.explanation).toContain(
      'changed since they were signed',
    );
    expect(statusOf(report, 'matches-record')).toBe('failed');
  });

  it('a signed file whose bytes differ from the stored hash does not match the record', async () => {
    const { pdf, register, record } = await issued();
    await register.recordIssued({ ...record, sha256: '0'.repeat(64) });

    const report = await verifyPdf(pdf, await dependencies(register));

    expect(statusOf(report, 'matches-record')).toBe('failed');
    expect(report.verdict).toBe('not-genuine');
  });

  it('a revoked document fails, with the reason given', async () => {
    const { pdf, register } = await issued();
    await register.revoke(documentId, {
      at: '2026-03-15T09:00:00.000Z',
      reason: 'Issued with the wrong court address.',
      byCollarNumber: '4412',
    });

    const report = await verifyPdf(pdf, await dependencies(register));

    expect(report.verdict).toBe('not-genuine');
    expect(report.checks.find((check) => check.name === 'not-revoked')?.explanation).toContain(
      'Issued with the wrong court address.',
    );
  });

  it('a file the register has never seen is not a document the force issued', async () => {
    const { pdf } = await issued();

    const report = await verifyPdf(pdf, await dependencies(new InMemoryRegister()));

    expect(statusOf(report, 'matches-record')).toBe('failed');
    expect(report.verdict).toBe('not-genuine');
  });

  it('without the register the answer is incomplete, never genuine', async () => {
    const { pdf } = await issued();

    const report = await verifyPdf(pdf, await dependencies(unreachableRegister));

    expect(report.verdict).toBe('incomplete');
    expect(statusOf(report, 'matches-record')).toBe('not-checked');
    expect(statusOf(report, 'signature-valid')).toBe('passed');
  });
});

describe('Checking a typed reference (issue §5)', () => {
  it('an issued reference, typed loosely, is found and its stored copy verifies', async () => {
    const { pdf, register } = await issued();
    const store = new InMemoryStore();
    await store.put(documentId, pdf);

    const check = await verifyReference('doc 7k3m 9qxp 2h4w ab12', {
      ...(await dependencies(register)),
      register,
      store,
    });

    expect(check.kind).toBe('issued');
    expect(check.kind === 'issued' && check.storedCopy?.verdict).toBe('genuine');
  });

  it('a reference in the wrong shape is reported as not a document reference', async () => {
    const register = new InMemoryRegister();

    const check = await verifyReference('DVPN-123', {
      ...(await dependencies(register)),
      register,
      store: new InMemoryStore(),
    });

    expect(check.kind).toBe('malformed');
  });

  it('a well-formed reference the force never issued is unknown', async () => {
    const register = new InMemoryRegister();

    const check = await verifyReference('DOC-0000-0000-0000-0000', {
      ...(await dependencies(register)),
      register,
      store: new InMemoryStore(),
    });

    expect(check).toEqual({ kind: 'unknown', documentId: 'DOC-0000-0000-0000-0000' });
  });
});
