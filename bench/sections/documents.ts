import { documentFonts } from '../../services/documents/adapters/fonts.ts';
import { createSigningIdentity, signerFromIdentity } from '../../services/documents/adapters/local-signer.ts';
import { benchRenderAndSign } from '../../services/documents/bench.ts';
import { prepareDocument, produceSignedDocument } from '../../services/documents/domain/produce.ts';
import { sampleTemplateData } from '../../services/documents/sample-data.ts';
import { type DocumentType, documentTypes } from '../../shared/contracts/documents.ts';
import { distributionOf, ratioOf } from '../stats.ts';
import { BenchSetupError } from '../support/local-clients.ts';
import { fromServiceFigures } from '../support/service-figures.ts';
import type { BenchSection, Measurement } from '../types.ts';

const warmUpRuns = 20;
const context = {
  documentId: 'DOC-BENC-H000-0000-0001',
  forceName: 'Bench Constabulary',
  createdAt: new Date('2026-03-14T10:30:00Z'),
};

/**
 * One template with its review fixture (test/fixtures/documents/<type>.json), in this warm process: render
 * + sign as the consumer does it, against rendering alone (layout, fonts, the signature's placeholder),
 * taken in turns so that both see the same machine.
 */
const benchTemplate = async (
  documentType: DocumentType,
  runs: number,
  signer: Parameters<typeof produceSignedDocument>[2],
): Promise<Measurement[]> => {
  const fonts = documentFonts();
  const templateData = sampleTemplateData(documentType);
  const request = { documentType, templateData, context };
  const signedOnce = await produceSignedDocument(request, fonts, signer);
  if (!signedOnce.ok)
    throw new BenchSetupError(`The ${documentType} fixture does not render: ${signedOnce.reason}.`);
  for (let warm = 0; warm < warmUpRuns; warm++) {
    await produceSignedDocument(request, fonts, signer);
    await prepareDocument(documentType, templateData, context, fonts);
  }
  const signed: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < runs; run++) {
    let started = performance.now();
    await produceSignedDocument(request, fonts, signer);
    signed.push(performance.now() - started);
    started = performance.now();
    await prepareDocument(documentType, templateData, context, fonts);
    bare.push(performance.now() - started);
  }
  const renderAndSign = distributionOf(`${documentType}: render + sign`, 'ms', signed, {
    figures: { pages: signedOnce.pageCount, pdfBytes: signedOnce.pdf.length },
  });
  const renderOnly = distributionOf(`  ${documentType}: render alone (baseline)`, 'ms', bare);
  return [
    renderAndSign,
    renderOnly,
    ratioOf(`  ${documentType}: render + sign ÷ render alone`, renderAndSign, renderOnly),
  ];
};

/** services/documents/bench.ts for the two-page notice, then every template the service issues. */
export const documentsSection: BenchSection = {
  name: 'documents',
  description: `render + PAdES sign of each of the ${documentTypes.length} templates in a warm process, against render alone`,
  run: async (progress) => {
    const runs = progress.quick ? 20 : 200;
    const figures = await benchRenderAndSign(runs);
    const twoPage = [
      fromServiceFigures('dvpn-notice cut to two pages: render + sign', figures.renderAndSign, figures.runs, {
        figures: { pages: figures.pageCount, pdfBytes: figures.byteLength },
        note: 'services/documents/bench.ts',
      }),
      fromServiceFigures('  two pages: render alone (baseline)', figures.renderOnly, figures.runs),
      {
        name: '  two pages: render + sign ÷ render alone',
        unit: 'ratio' as const,
        value: figures.signingOverheadRatio,
        note: 'p50 ÷ p50, as services/documents/bench.ts computes it',
      },
    ];
    const signer = signerFromIdentity(await createSigningIdentity(context.forceName, context.createdAt));
    const templates: Measurement[] = [];
    for (const documentType of documentTypes) {
      progress.log(`  ${documentType}`);
      templates.push(...(await benchTemplate(documentType, runs, signer)));
    }
    return [...twoPage, ...templates];
  },
};
