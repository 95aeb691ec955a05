import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SignPdf } from '@signpdf/signpdf';
import type { PDFDocument } from 'pdf-lib';
import { CmsSigner } from './cms.ts';
import type { Signer } from './signer.ts';

/** Room for the CMS blob in bytes: a 4096-bit RSA certificate and signature still fit with margin. */
export const signatureSpace = 6144;

export interface SignatureDetails {
  readonly forceName: string;
  readonly reason: string;
  readonly signingTime: Date;
}

/** Reserves the signature dictionary and an invisible signature field on the first page. */
export const addSignaturePlaceholder = (document: PDFDocument, details: SignatureDetails): void => {
  pdflibAddPlaceholder({
    pdfDoc: document,
    reason: details.reason,
    contactInfo: details.forceName,
    name: details.forceName,
    location: 'England and Wales',
    signingTime: details.signingTime,
    signatureLength: signatureSpace,
    appName: `${details.forceName} documents service`,
  });
};

/** Fills the reserved placeholder with a detached CMS signature covering every other byte of the file. */
export const signPdf = async (prepared: Uint8Array, signer: Signer, signingTime: Date): Promise<Buffer> =>
  new SignPdf().sign(Buffer.from(prepared), new CmsSigner(signer, signingTime));
