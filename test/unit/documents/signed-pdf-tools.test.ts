import { describe, expect, it } from 'vitest';
import { certificateFingerprint } from '../../../services/documents/domain/signing/certificate.ts';
import { verifyPdf } from '../../../services/documents/domain/verification/verify-document.ts';
import { documentTypes } from '../../../shared/contracts/documents.ts';
import {
  forceName,
  pdfsig,
  runOnPdf,
  signedDocument,
  signerFor,
  withBytesAppended,
  withOneByteChanged,
} from './support.ts';

const ourVerifier = async (pdf: Buffer) =>
  verifyPdf(pdf, {
    forceName,
    currentFingerprint: certificateFingerprint(await (await signerFor()).certificate()),
  });

describe.each(documentTypes)('%s, checked by independent tools', (documentType) => {
  it('pdfsig: the signature is valid and covers the total document (issue §6)', async () => {
    const { pdf } = await signedDocument(documentType);

    const { output } = pdfsig(pdf);

    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Total document signed');
  });

  it('qpdf --check finds no structural error (issue §6)', async () => {
    const { pdf } = await signedDocument(documentType);

    const result = runOnPdf('qpdf', (path) => ['--check', path], pdf);

    expect(result.status).toBe(0);
    expect(result.output).toContain('No syntax or stream encoding errors found');
  });

  it('one byte changed after signing: pdfsig reports a digest mismatch, our verifier rejects it (issue §6)', async () => {
    const { pdf } = await signedDocument(documentType);
    const tampered = withOneByteChanged(pdf);

    const { output } = pdfsig(tampered);
    const report = await ourVerifier(tampered);

    expect(output).not.toContain('Signature is Valid.');
    expect(output).toContain('Digest Mismatch');
    expect(report.verdict).toBe('not-genuine');
    expect(report.checks.find((check) => check.name === 'signature-valid')?.status).toBe('failed');
  });

  it('bytes appended after signing: pdfsig reports the document not totally signed, our verifier rejects it (issue §6)', async () => {
    const { pdf } = await signedDocument(documentType);
    const extended = withBytesAppended(pdf);

    const { output } = pdfsig(extended);
    const report = await ourVerifier(extended);

    expect(output).toContain('Not total document signed');
    expect(report.verdict).toBe('not-genuine');
    expect(report.checks.find((check) => check.name === 'covers-whole-document')?.status).toBe('failed');
  });
});
