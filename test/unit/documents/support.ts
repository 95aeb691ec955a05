import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { documentFonts } from '../../../services/documents/adapters/fonts.ts';
import {
  createSigningIdentity,
  type LocalKeySigner,
  signerFromIdentity,
} from '../../../services/documents/adapters/local-signer.ts';
import type { RenderContext } from '../../../services/documents/domain/layout/model.ts';
import { produceSignedDocument, type SignedDocument } from '../../../services/documents/domain/produce.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import type { DocumentType } from '../../../shared/contracts/documents.ts';

export const forceName = 'Northshire Police';
export const fonts = documentFonts();

const identities = new Map<string, Promise<LocalKeySigner>>();

/** A force signing identity held in memory, one per name per test file (key generation takes a moment). */
export const signerFor = (name = forceName): Promise<LocalKeySigner> => {
  let signer = identities.get(name);
  if (!signer) {
    signer = createSigningIdentity(name, new Date('2026-01-01T00:00:00Z')).then(signerFromIdentity);
    identities.set(name, signer);
  }
  return signer;
};

export const context = (overrides: Partial<RenderContext> = {}): RenderContext => ({
  documentId: 'DOC-7K3M-9QXP-2H4W-AB12',
  forceName,
  createdAt: new Date('2026-03-14T10:30:00Z'),
  ...overrides,
});

export const signedDocument = async (
  documentType: DocumentType,
  templateData: unknown = sampleTemplateData(documentType),
  overrides: Partial<RenderContext> = {},
): Promise<SignedDocument> => {
  const result = await produceSignedDocument(
    { documentType, templateData, context: context(overrides) },
    fonts,
    await signerFor(overrides.forceName),
  );
  if (!result.ok)
    throw new Error(`Sample ${documentType} was refused: ${JSON.stringify(result.fieldErrors)}`);
  return result;
};

export interface ToolResult {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a command-line PDF tool on the bytes, written to a temporary file. */
export const runOnPdf = (command: string, args: (path: string) => string[], pdf: Uint8Array): ToolResult => {
  const directory = mkdtempSync(join(tmpdir(), 'documents-test-'));
  try {
    const path = join(directory, 'document.pdf');
    writeFileSync(path, pdf);
    const result = spawnSync(command, args(path), { encoding: 'utf8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
};

export const pdfsig = (pdf: Uint8Array): ToolResult => runOnPdf('pdfsig', (path) => ['-nocert', path], pdf);

/** The text of a PDF (or of one page), with every run of whitespace made one space so wrapping does not matter. */
export const pdfText = (pdf: Uint8Array, page?: number): string =>
  runOnPdf(
    'pdftotext',
    (path) => [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', path, '-'],
    pdf,
  ).output.replace(/\s+/g, ' ');

export const oneWord = (text: string): string => text.replace(/\s+/g, ' ');

/** The file with one byte changed inside the signed range: the language tag `en-GB` becomes `en-GC`. */
export const withOneByteChanged = (pdf: Buffer): Buffer => {
  const changed = Buffer.from(pdf);
  const at = changed.indexOf('/Lang (en-GB)');
  if (at === -1) throw new Error('No language tag to change.');
  changed[at + 11] = 'C'.charCodeAt(0);
  return changed;
};

export const withBytesAppended = (pdf: Buffer): Buffer =>
  Buffer.concat([pdf, Buffer.from('\n% appended after signing\n')]);
