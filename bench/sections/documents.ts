import { benchRenderAndSign } from '../../services/documents/bench.ts';
import type { BenchSection, Measurement } from '../types.ts';

/** services/documents/bench.ts: a two-page DVPN notice rendered and signed in a warm process. */
export const documentsSection: BenchSection = {
  name: 'documents',
  description: 'a two-page DVPN notice: render + PAdES sign in a warm process, against render alone',
  run: async (context) => {
    const figures = await benchRenderAndSign(context.quick ? 20 : 200);
    const renderAndSign: Measurement = {
      name: 'render + sign a two-page notice',
      unit: 'ms',
      value: figures.renderAndSign.p50Ms,
      distribution: {
        samples: figures.runs,
        p50: figures.renderAndSign.p50Ms,
        p95: figures.renderAndSign.p95Ms,
        mean: figures.renderAndSign.meanMs,
      },
      figures: { pages: figures.pageCount, pdfBytes: figures.byteLength },
    };
    const renderOnly: Measurement = {
      name: 'render alone (baseline)',
      unit: 'ms',
      value: figures.renderOnly.p50Ms,
      distribution: {
        samples: figures.runs,
        p50: figures.renderOnly.p50Ms,
        p95: figures.renderOnly.p95Ms,
        mean: figures.renderOnly.meanMs,
      },
    };
    return [
      renderAndSign,
      renderOnly,
      {
        name: 'render + sign ÷ render alone',
        unit: 'ratio',
        value: figures.signingOverheadRatio,
        note: 'p50 over p50, as services/documents/bench.ts computes it',
      },
    ];
  },
};
