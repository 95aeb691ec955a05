import { type MeanLatency, meanLatency } from '../../bench/support/service-figures.ts';
import {
  type DvpnNoticeInput,
  DvpnNoticeInput as DvpnNoticeSchema,
} from '../../shared/contracts/documents.ts';
import { documentFonts } from './adapters/fonts.ts';
import { createSigningIdentity, signerFromIdentity } from './adapters/local-signer.ts';
import { prepareDocument, produceSignedDocument } from './domain/produce.ts';
import { sampleTemplateData } from './sample-data.ts';

export type LatencyFigures = MeanLatency;

export interface RenderAndSignFigures {
  readonly runs: number;
  readonly pageCount: number;
  readonly byteLength: number;
  /** Render, reserve the signature, sign: what the consumer does per document. */
  readonly renderAndSign: LatencyFigures;
  /** Render and save without a signature: the layout and font cost alone. */
  readonly renderOnly: LatencyFigures;
  /** renderAndSign p50 over renderOnly p50: what signing adds. */
  readonly signingOverheadRatio: number;
}

const figures = (samples: readonly number[]): LatencyFigures => meanLatency(samples, 2);

/**
 * The sample notice cut to two pages: short grounds, no shared premises, served. Every statutory
 * statement is still there; they alone fill most of two pages.
 */
export const twoPageNotice = (): DvpnNoticeInput => {
  const sample = DvpnNoticeSchema.parse(sampleTemplateData('dvpn-notice'));
  return {
    ...sample,
    grounds:
      'On 13 March 2026 the recipient struck Siobhán Ó Briain and threw a mug at her, causing an injury to her cheek. The DASH risk assessment is high and she fears the recipient returning tonight.',
    molestationDetail: undefined,
    premises: undefined,
  };
};

/**
 * Render + sign of a two-page DVPN notice in a warm process, `runs` times after a warm-up: p50 and p95,
 * and bare rendering for the ratio. Signs with a key held in memory, as the local signer does.
 */
export const benchRenderAndSign = async (runs = 200): Promise<RenderAndSignFigures> => {
  const fonts = documentFonts();
  const signer = signerFromIdentity(await createSigningIdentity('Bench Constabulary', new Date()));
  const input = twoPageNotice();
  const context = {
    documentId: 'DOC-BENC-H000-0000-0001',
    forceName: 'Bench Constabulary',
    createdAt: new Date('2026-03-14T10:30:00Z'),
  };
  const request = { documentType: 'dvpn-notice', templateData: input, context };
  let last = await produceSignedDocument(request, fonts, signer);
  for (let warm = 0; warm < 20; warm++) {
    await produceSignedDocument(request, fonts, signer);
    await prepareDocument('dvpn-notice', input, context, fonts);
  }
  const signed: number[] = [];
  const bare: number[] = [];
  for (let run = 0; run < runs; run++) {
    let start = performance.now();
    last = await produceSignedDocument(request, fonts, signer);
    signed.push(performance.now() - start);
    start = performance.now();
    await prepareDocument('dvpn-notice', input, context, fonts);
    bare.push(performance.now() - start);
  }
  if (!last.ok) throw new Error('The bench notice failed its own schema.');
  if (last.pageCount !== 2)
    throw new Error(`The bench notice has ${last.pageCount} pages, not two: trim it.`);
  const renderAndSign = figures(signed);
  const renderOnly = figures(bare);
  return {
    runs,
    pageCount: last.pageCount,
    byteLength: last.pdf.length,
    renderAndSign,
    renderOnly,
    signingOverheadRatio: Math.round((renderAndSign.p50Ms / renderOnly.p50Ms) * 100) / 100,
  };
};
