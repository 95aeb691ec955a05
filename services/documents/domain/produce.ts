import { createHash } from 'node:crypto';
import type * as z from 'zod';
import { DocumentType, type FieldError, type TemplateInput } from '../../../shared/contracts/documents.ts';
import type { DocumentModel, RenderContext } from './layout/model.ts';
import { renderDocument } from './layout/render.ts';
import { findUnsupportedCharacters } from './layout/text.ts';
import { type FontFiles, typefaceOf } from './layout/typeface.ts';
import { certificateFingerprint } from './signing/certificate.ts';
import { addSignaturePlaceholder, signPdf } from './signing/sign-pdf.ts';
import type { Signer } from './signing/signer.ts';
import { templates } from './templates/index.ts';
import type { Template } from './templates/template.ts';

export interface ProductionRequest {
  readonly documentType: string;
  readonly templateData: unknown;
  readonly context: RenderContext;
}

export interface SignedDocument {
  readonly pdf: Buffer;
  readonly pageCount: number;
  /** SHA-256 of the signed file, lower-case hex. */
  readonly sha256: string;
  readonly certificateFingerprint: string;
}

export type ProductionFailureReason =
  | 'unknown-document-type'
  | 'invalid-template-data'
  | 'unsupported-character';

export type ProductionOutcome =
  | ({ readonly ok: true; readonly documentType: DocumentType } & SignedDocument)
  | {
      readonly ok: false;
      readonly reason: ProductionFailureReason;
      readonly fieldErrors: readonly FieldError[];
    };

/** Zod issues as field paths and messages; zod's messages name the rule broken, never the value given. */
export const fieldErrorsOf = (error: z.ZodError): FieldError[] =>
  error.issues.slice(0, 100).map((issue) => ({
    path: issue.path.map(String).join('.').slice(0, 200) || '(root)',
    message: issue.message.slice(0, 300),
  }));

export type ValidatedTemplateData =
  | { readonly ok: true; readonly documentType: DocumentType; readonly input: unknown }
  | {
      readonly ok: false;
      readonly reason: ProductionFailureReason;
      readonly fieldErrors: readonly FieldError[];
    };

/** Checks the type, the data against the type's schema, and every character against the font. */
export const validateTemplateData = (
  documentType: string,
  templateData: unknown,
  fonts: FontFiles,
): ValidatedTemplateData => {
  const type = DocumentType.safeParse(documentType);
  if (!type.success) {
    return {
      ok: false,
      reason: 'unknown-document-type',
      fieldErrors: [{ path: 'documentType', message: 'Not a document type this service issues.' }],
    };
  }
  const parsed = templates[type.data].schema.safeParse(templateData);
  if (!parsed.success) {
    return { ok: false, reason: 'invalid-template-data', fieldErrors: fieldErrorsOf(parsed.error) };
  }
  const unsupported = findUnsupportedCharacters(parsed.data, typefaceOf(fonts));
  if (unsupported.length > 0) {
    return {
      ok: false,
      reason: 'unsupported-character',
      fieldErrors: unsupported.slice(0, 100).map((character) => ({
        path: character.path,
        message: `The document font has no glyph for ${character.codePoint}.`,
      })),
    };
  }
  return { ok: true, documentType: type.data, input: parsed.data };
};

const composeWith = <Type extends DocumentType>(
  template: Template<Type>,
  input: unknown,
  context: RenderContext,
): DocumentModel =>
  // Parsed by the template's own schema; TypeScript cannot see that an indexed schema yields its input.
  template.compose(template.schema.parse(input) as TemplateInput<Type>, context);

/** Renders the document and reserves its signature: the unsigned file, and its page count. */
export const prepareDocument = async (
  documentType: DocumentType,
  input: unknown,
  context: RenderContext,
  fonts: FontFiles,
): Promise<{ prepared: Uint8Array; pageCount: number }> => {
  const model = composeWith(templates[documentType], input, context);
  const { document, pageCount } = await renderDocument(model, context, fonts);
  addSignaturePlaceholder(document, {
    forceName: context.forceName,
    reason: `${model.title} issued by ${context.forceName}`,
    signingTime: context.createdAt,
  });
  // Writing in one go: pdf-lib otherwise yields to the event loop every 50 objects, which only adds latency here.
  return {
    prepared: await document.save({ useObjectStreams: false, objectsPerTick: Number.POSITIVE_INFINITY }),
    pageCount,
  };
};

/**
 * Template data in, signed PDF out: validate, render, sign. The same inputs (including the id and the
 * instant in `context`) always produce the same bytes, so a retried request re-creates the same file.
 */
export const produceSignedDocument = async (
  request: ProductionRequest,
  fonts: FontFiles,
  signer: Signer,
): Promise<ProductionOutcome> => {
  const validated = validateTemplateData(request.documentType, request.templateData, fonts);
  if (!validated.ok) return validated;
  const { prepared, pageCount } = await prepareDocument(
    validated.documentType,
    validated.input,
    request.context,
    fonts,
  );
  const pdf = await signPdf(prepared, signer, request.context.createdAt);
  return {
    ok: true,
    documentType: validated.documentType,
    pdf,
    pageCount,
    sha256: createHash('sha256').update(pdf).digest('hex'),
    certificateFingerprint: certificateFingerprint(await signer.certificate()),
  };
};
