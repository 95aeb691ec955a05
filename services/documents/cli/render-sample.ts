import { X509Certificate } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { DocumentType, documentTypes } from '../../../shared/contracts/documents.ts';
import { configuredSigner, newDocumentId, signingConfig } from '../adapters/composition.ts';
import { documentFonts } from '../adapters/fonts.ts';
import { produceSignedDocument } from '../domain/produce.ts';
import { sampleTemplateData } from '../sample-data.ts';
import { useLocalDefaults } from './local-defaults.ts';

const usage = `Usage: npm run documents:sample -- <type> <out.pdf>\nTypes: ${documentTypes.join(', ')}`;

/**
 * `npm run documents:sample -- <type> <out.pdf>`: renders and signs a template from its fixture data
 * (test/fixtures/documents), with no stack running, for review and for checks. Exit 0 written,
 * 1 refused, 64 wrong arguments.
 */
const main = async (): Promise<number> => {
  const [type, out, ...rest] = process.argv.slice(2);
  const documentType = DocumentType.safeParse(type);
  if (!documentType.success || !out || rest.length > 0) {
    process.stderr.write(`${usage}\n`);
    return 64;
  }
  useLocalDefaults();
  const signer = await configuredSigner();
  const result = await produceSignedDocument(
    {
      documentType: documentType.data,
      templateData: sampleTemplateData(documentType.data),
      context: { documentId: newDocumentId(), forceName: signingConfig().FORCE_NAME, createdAt: new Date() },
    },
    documentFonts(),
    signer,
  );
  if (!result.ok) {
    process.stderr.write(
      `The sample was refused (${result.reason}): ${result.fieldErrors.map((e) => `${e.path}: ${e.message}`).join('; ')}\n`,
    );
    return 1;
  }
  await writeFile(out, result.pdf);
  const subject = new X509Certificate(await signer.certificate()).subject.replace(/\n/g, ', ');
  process.stdout.write(
    `Wrote ${out}: ${documentType.data}, ${result.pageCount} page${result.pageCount === 1 ? '' : 's'}, ${result.pdf.length} bytes\n` +
      `SHA-256 ${result.sha256}\nSigned by ${subject} (certificate ${result.certificateFingerprint})\n`,
  );
  return 0;
};

process.exitCode = await main();
