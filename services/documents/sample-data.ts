import { readFileSync } from 'node:fs';
import type { DocumentType } from '../../shared/contracts/documents.ts';

/**
 * The fixture data each template is reviewed and tested with (test/fixtures/documents/<type>.json):
 * fictitious people whose names need the font's full Latin coverage.
 */
export const sampleTemplateData = (documentType: DocumentType): unknown =>
  JSON.parse(
    readFileSync(new URL(`../../test/fixtures/documents/${documentType}.json`, import.meta.url), 'utf8'),
  ) as unknown;
