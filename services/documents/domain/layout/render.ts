import { deflateSync } from 'node:zlib';
import { PDFDict, PDFDocument, type PDFFont, PDFName, type PDFPage, PDFString, rgb } from 'pdf-lib';
import { formatInstant } from '../format.ts';
import type { Block, DocumentModel, RenderContext } from './model.ts';
import { findUnsupportedCharacters, UnsupportedCharacterError, wrapText } from './text.ts';
import {
  cachingFontkit,
  type FontFiles,
  type FontMetrics,
  type FontWeight,
  plainFeatures,
  type Typeface,
  typefaceOf,
} from './typeface.ts';

/** A4 in points. */
export const pageSize = { width: 595.28, height: 841.89 } as const;
const left = 62;
const right = pageSize.width - 62;
const contentWidth = right - left;
const bodyTop = 766;
const bodyBottom = 86;

const colour = {
  text: rgb(0.043, 0.047, 0.047),
  muted: rgb(0.314, 0.353, 0.373),
  rule: rgb(0.694, 0.706, 0.714),
  shade: rgb(0.953, 0.949, 0.945),
};

const type = {
  title: { size: 19, leading: 24 },
  subtitle: { size: 11, leading: 15 },
  heading: { size: 12, leading: 16 },
  body: { size: 10, leading: 14 },
  label: { size: 9, leading: 14 },
  small: { size: 8.5, leading: 11.5 },
  tiny: { size: 7.5, leading: 9.5 },
} as const;

interface TextStyle {
  readonly size: number;
  readonly weight?: FontWeight;
  readonly muted?: boolean;
}

/** Draws on one page; rows receive it with the y of their top edge. */
interface Pen {
  text(text: string, x: number, baseline: number, style: TextStyle): void;
  textRight(text: string, xRight: number, baseline: number, style: TextStyle): void;
  rule(x1: number, x2: number, y: number, thickness?: number): void;
  box(x: number, top: number, width: number, height: number, shade: 'shade' | 'text' | 'rule'): void;
}

/** An unbreakable strip of the page: one line of text, one field line, one table row. */
interface Row {
  readonly height: number;
  /** Space above the row unless it opens a page. */
  readonly spaceBefore?: number;
  /** How many following rows must share this row's page (a heading and its first lines). */
  readonly keepWithNext?: number;
  /** Printed again at the top of a page this row opens (a table's column headings). */
  readonly repeatHeader?: Row;
  /** `opensPage`: the row is the first on its page, so a block split there can redraw its top edge. */
  draw(pen: Pen, top: number, opensPage: boolean): void;
}

const baselineOf = (top: number, leading: number, size: number): number =>
  top - (leading - size) / 2 - size * 0.8;

class Layout {
  constructor(private readonly typeface: Typeface) {}

  metrics(weight: FontWeight = 'regular'): FontMetrics {
    return weight === 'bold' ? this.typeface.bold : this.typeface.regular;
  }

  wrap(text: string, width: number, style: TextStyle): string[] {
    return wrapText(text, width, this.metrics(style.weight), style.size);
  }

  /** Plain text lines at the left margin (optionally indented). */
  lines(
    text: string,
    style: TextStyle & { leading: number },
    options: { indent?: number; spaceBefore?: number; keepWithNext?: number } = {},
  ): Row[] {
    const indent = options.indent ?? 0;
    const lines = this.wrap(text, contentWidth - indent, style);
    return lines.map((line, index) => ({
      height: style.leading,
      spaceBefore: index === 0 ? options.spaceBefore : 0,
      // No first line alone at the foot of a page, no last line alone at the top of the next.
      keepWithNext: Math.max(
        index === 0 ? (options.keepWithNext ?? 0) : 0,
        index === 0 || index === lines.length - 2 ? 1 : 0,
      ),
      draw: (pen, top) => pen.text(line, left + indent, baselineOf(top, style.leading, style.size), style),
    }));
  }

  titleBlock(model: DocumentModel, context: RenderContext): Row[] {
    const rows: Row[] = [
      ...this.lines(model.title, { ...type.title, weight: 'bold' }, { keepWithNext: 3 }),
      ...(model.subtitle
        ? this.lines(model.subtitle, { ...type.subtitle, muted: true }, { spaceBefore: 2 })
        : []),
    ];
    rows.push(
      ...this.fields(
        [
          { label: 'Document reference', value: context.documentId },
          { label: 'Issued', value: `${formatInstant(context.createdAt)} by ${context.forceName}` },
        ],
        14,
      ),
    );
    if (model.handling) rows.push(...this.callout('Handling', model.handling, 12));
    return rows;
  }

  block(block: Block): Row[] {
    switch (block.kind) {
      case 'heading':
        return this.lines(
          block.text,
          { ...type.heading, weight: 'bold' },
          { spaceBefore: 14, keepWithNext: 2 },
        );
      case 'paragraph':
        return this.lines(
          block.text,
          { ...type.body, weight: block.bold ? 'bold' : 'regular', muted: block.muted },
          { spaceBefore: 6 },
        );
      case 'fields':
        return this.fields(block.rows, 12);
      case 'list':
        return this.list(block.items);
      case 'callout':
        return this.callout(block.title, block.text, 10);
      case 'verbatim':
        return this.verbatim(block.text);
      case 'completion':
        return this.completion(block.lines);
      case 'table':
        return this.table(block.columns, block.rows, block.emptyText);
    }
  }

  fields(rows: readonly { label: string; value: string }[], spaceBefore: number): Row[] {
    const labelWidth = 150;
    const labelStyle: TextStyle = { ...type.label, weight: 'bold' };
    const valueStyle: TextStyle = type.body;
    const out: Row[] = [];
    rows.forEach((field, fieldIndex) => {
      const labels = this.wrap(field.label, labelWidth - 12, labelStyle);
      const values = this.wrap(field.value, contentWidth - labelWidth, valueStyle);
      const count = Math.max(labels.length, values.length);
      const padding = 4;
      for (let line = 0; line < count; line++) {
        const first = line === 0;
        const last = line === count - 1;
        const height = type.body.leading + (first ? padding : 0) + (last ? padding : 0);
        out.push({
          height,
          spaceBefore: fieldIndex === 0 && first ? spaceBefore : 0,
          // A short field stays on one page; a long value may flow on.
          keepWithNext: count <= 4 ? count - 1 - line : first ? 1 : 0,
          draw: (pen, top, opensPage) => {
            const lineTop = top - (first ? padding : 0);
            if ((fieldIndex === 0 && first) || opensPage) pen.rule(left, right, top, 0.5);
            const label = labels[line];
            if (label)
              pen.text(label, left, baselineOf(lineTop, type.body.leading, type.body.size), labelStyle);
            const value = values[line];
            if (value)
              pen.text(
                value,
                left + labelWidth,
                baselineOf(lineTop, type.body.leading, type.body.size),
                valueStyle,
              );
            if (last) pen.rule(left, right, top - height, 0.5);
          },
        });
      }
    });
    return out;
  }

  list(items: readonly string[]): Row[] {
    const indent = 16;
    return items.flatMap((item, itemIndex) =>
      this.wrap(item, contentWidth - indent, type.body).map((line, index) => ({
        height: type.body.leading,
        spaceBefore: index === 0 ? (itemIndex === 0 ? 8 : 4) : 0,
        draw: (pen: Pen, top: number) => {
          const baseline = baselineOf(top, type.body.leading, type.body.size);
          if (index === 0) pen.text('•', left + 4, baseline, type.body);
          pen.text(line, left + indent, baseline, type.body);
        },
      })),
    );
  }

  callout(title: string, text: string, spaceBefore: number): Row[] {
    const padding = 8;
    const inset = 16;
    const lines: { text: string; style: TextStyle }[] = [
      ...this.wrap(title, contentWidth - inset * 2, { ...type.body, weight: 'bold' }).map((line) => ({
        text: line,
        style: { ...type.body, weight: 'bold' as const },
      })),
      ...this.wrap(text, contentWidth - inset * 2, type.body).map((line) => ({
        text: line,
        style: type.body,
      })),
    ];
    return lines.map((line, index) => {
      const first = index === 0;
      const last = index === lines.length - 1;
      const height = type.body.leading + (first ? padding : 0) + (last ? padding : 0);
      return {
        height,
        spaceBefore: first ? spaceBefore : 0,
        keepWithNext: first ? Math.min(2, lines.length - 1) : 0,
        draw: (pen: Pen, top: number) => {
          pen.box(left, top, contentWidth, height, 'shade');
          pen.box(left, top, 4, height, 'text');
          const lineTop = top - (first ? padding : 0);
          pen.text(
            line.text,
            left + inset,
            baselineOf(lineTop, type.body.leading, type.body.size),
            line.style,
          );
        },
      };
    });
  }

  verbatim(text: string): Row[] {
    const gutter = 34;
    const lines = this.wrap(text, contentWidth - gutter, type.body);
    const marker = (words: string, spaceBefore: number): Row => ({
      height: type.small.leading + 4,
      spaceBefore,
      draw: (pen, top) =>
        pen.text(words, left + gutter, baselineOf(top - 2, type.small.leading, type.small.size), {
          ...type.small,
          muted: true,
        }),
    });
    return [
      { ...marker('Start of verbatim record', 8), keepWithNext: 1 },
      ...lines.map(
        (line, index): Row => ({
          height: type.body.leading,
          draw: (pen, top) => {
            const baseline = baselineOf(top, type.body.leading, type.body.size);
            const number = index + 1;
            if (number === 1 || number % 5 === 0) {
              pen.textRight(String(number), left + gutter - 12, baseline, { ...type.tiny, muted: true });
            }
            pen.box(left + gutter - 7, top, 1.5, type.body.leading, 'rule');
            pen.text(line, left + gutter, baseline, type.body);
          },
        }),
      ),
      marker(`End of verbatim record: ${lines.length} line${lines.length === 1 ? '' : 's'}`, 0),
    ];
  }

  completion(labels: readonly string[]): Row[] {
    return labels.map((label, index) => ({
      height: 36,
      spaceBefore: index === 0 ? 10 : 0,
      keepWithNext: index === 0 ? Math.min(2, labels.length - 1) : 0,
      draw: (pen, top) => {
        pen.text(label, left, baselineOf(top, type.small.leading, type.small.size), {
          ...type.small,
          muted: true,
        });
        pen.rule(left, right, top - 31, 0.6);
      },
    }));
  }

  table(
    columns: readonly { header: string; share: number }[],
    rows: readonly (readonly string[])[],
    emptyText: string,
  ): Row[] {
    const gap = 6;
    const widths = columns.map((column) => column.share * contentWidth);
    const starts = widths.map((_, index) => left + widths.slice(0, index).reduce((sum, w) => sum + w, 0));
    const tableRow = (cells: readonly string[], style: TextStyle, ruleWeight: number): Row => {
      const wrapped = cells.map((cell, index) => this.wrap(cell, (widths[index] ?? 0) - gap, style));
      const lineCount = Math.max(1, ...wrapped.map((lines) => lines.length));
      const height = lineCount * type.small.leading + 6;
      return {
        height,
        draw: (pen, top) => {
          wrapped.forEach((lines, column) => {
            lines.forEach((line, index) => {
              pen.text(
                line,
                starts[column] ?? left,
                baselineOf(top - 3 - index * type.small.leading, type.small.leading, type.small.size),
                style,
              );
            });
          });
          pen.rule(left, right, top - height, ruleWeight);
        },
      };
    };
    const header = tableRow(
      columns.map((column) => column.header),
      { ...type.small, weight: 'bold' },
      0.9,
    );
    if (rows.length === 0) return [{ ...header, spaceBefore: 10 }, ...this.lines(emptyText, type.body)];
    return [
      { ...header, spaceBefore: 10, keepWithNext: 1 },
      ...rows.map((cells) => ({ ...tableRow(cells, type.small, 0.4), repeatHeader: header })),
    ];
  }
}

interface PlacedRow {
  readonly row: Row;
  readonly top: number;
}

const paginate = (rows: readonly Row[]): PlacedRow[][] => {
  const pages: PlacedRow[][] = [[]];
  let y = bodyTop;
  // A row kept with the next must also keep what that one is kept with: a heading held to a paragraph's
  // first two lines would otherwise leave its first line alone when the third line is held to the second.
  const runEnd: number[] = [];
  for (let index = rows.length - 1; index >= 0; index--) {
    let end = Math.min(rows.length - 1, index + (rows[index]?.keepWithNext ?? 0));
    for (let next = index + 1; next <= end; next++) end = Math.max(end, runEnd[next] ?? next);
    runEnd[index] = end;
  }
  const heightOfRun = (from: number): number => {
    let total = 0;
    for (let index = from; index <= (runEnd[from] ?? from); index++) {
      const row = rows[index];
      if (!row) break;
      total += row.height + (index === from ? 0 : (row.spaceBefore ?? 0));
    }
    return total;
  };
  rows.forEach((row, index) => {
    let page = pages.at(-1) ?? [];
    const gap = page.length === 0 ? 0 : (row.spaceBefore ?? 0);
    const needed = gap + heightOfRun(index);
    if (page.length > 0 && y - needed < bodyBottom) {
      page = [];
      pages.push(page);
      y = bodyTop;
      if (row.repeatHeader) {
        page.push({ row: row.repeatHeader, top: y });
        y -= row.repeatHeader.height;
      }
    }
    const top = y - (page.length === 0 ? 0 : (row.spaceBefore ?? 0));
    page.push({ row, top });
    y = top - row.height;
  });
  return pages;
};

const penFor = (page: PDFPage, fonts: Record<FontWeight, PDFFont>, typeface: Typeface): Pen => ({
  text: (text, x, baseline, style) => {
    if (text === '') return;
    page.drawText(text, {
      x,
      y: baseline,
      size: style.size,
      font: fonts[style.weight ?? 'regular'],
      color: style.muted ? colour.muted : colour.text,
    });
  },
  textRight: (text, xRight, baseline, style) => {
    const metrics = style.weight === 'bold' ? typeface.bold : typeface.regular;
    page.drawText(text, {
      x: xRight - metrics.widthOf(text, style.size),
      y: baseline,
      size: style.size,
      font: fonts[style.weight ?? 'regular'],
      color: style.muted ? colour.muted : colour.text,
    });
  },
  rule: (x1, x2, y, thickness = 0.75) => {
    page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color: colour.rule });
  },
  box: (x, top, width, height, shade) => {
    page.drawRectangle({ x, y: top - height, width, height, color: colour[shade] });
  },
});

/** How anyone holding a copy can check it, printed at the foot of every page. */
export const verificationNotice = (context: RenderContext): string =>
  `Digitally signed by ${context.forceName}. To check that this document is genuine and unchanged, open its signature panel in a PDF reader, or ask ${context.forceName} to verify reference ${context.documentId} (police staff: Documents, Verify a document).`;

const drawFrame = (
  pen: Pen,
  layout: Layout,
  model: DocumentModel,
  context: RenderContext,
  pageNumber: number,
  pageCount: number,
): void => {
  const marking = { ...type.small, weight: 'bold' as const };
  const markingWidth = layout.metrics('bold').widthOf(model.marking, marking.size);
  const centre = (pageSize.width - markingWidth) / 2;
  pen.text(model.marking, centre, 816, marking);
  pen.text(context.forceName, left, 794, { size: 11, weight: 'bold' });
  pen.textRight(model.title, right, 794, { ...type.small, muted: true });
  pen.rule(left, right, 784, 1);

  pen.rule(left, right, 76, 0.75);
  pen.text(`Reference ${context.documentId}`, left, 65, { ...type.small, weight: 'bold' });
  pen.textRight(`Page ${pageNumber} of ${pageCount}`, right, 65, { ...type.small, weight: 'bold' });
  layout.wrap(verificationNotice(context), contentWidth, type.tiny).forEach((line, index) => {
    pen.text(line, left, 54 - index * type.tiny.leading, { ...type.tiny, muted: true });
  });
  pen.text(model.marking, centre, 18, marking);
};

export interface RenderedDocument {
  readonly document: PDFDocument;
  readonly pageCount: number;
}

/**
 * Lays out a document model on A4 pages (header with force and title, footer with reference, how to
 * verify and "Page n of m") and returns the pdf-lib document, ready for a signature placeholder.
 * Throws `UnsupportedCharacterError` before drawing anything if the font lacks a character.
 */
export const renderDocument = async (
  model: DocumentModel,
  context: RenderContext,
  fonts: FontFiles,
): Promise<RenderedDocument> => {
  const typeface = typefaceOf(fonts);
  const missing = findUnsupportedCharacters({ model, forceName: context.forceName }, typeface);
  if (missing.length > 0) throw new UnsupportedCharacterError(missing);

  const layout = new Layout(typeface);
  const rows = [
    ...layout.titleBlock(model, context),
    ...model.blocks.flatMap((block) => layout.block(block)),
  ];
  const pages = paginate(rows);

  const document = await PDFDocument.create({ updateMetadata: false });
  document.registerFontkit(cachingFontkit);
  // The embedded font files are the largest streams; Node's native deflate compresses them several times
  // faster than pdf-lib's JavaScript one, with the same FlateDecode result.
  document.context.flateStream = (contents, dict = {}) =>
    document.context.stream(deflateSync(contents), { ...dict, Filter: 'FlateDecode' });
  const embedded: Record<FontWeight, PDFFont> = {
    regular: await document.embedFont(fonts.regular, {
      subset: true,
      customName: 'DOCREG+DejaVuSans',
      features: plainFeatures,
    }),
    bold: await document.embedFont(fonts.bold, {
      subset: true,
      customName: 'DOCBLD+DejaVuSans-Bold',
      features: plainFeatures,
    }),
  };

  pages.forEach((placed, index) => {
    const page = document.addPage([pageSize.width, pageSize.height]);
    const pen = penFor(page, embedded, typeface);
    drawFrame(pen, layout, model, context, index + 1, pages.length);
    placed.forEach(({ row, top }, rowIndex) => {
      row.draw(pen, top, rowIndex === 0);
    });
  });

  document.setTitle(model.title, { showInWindowTitleBar: true });
  document.setAuthor(context.forceName);
  document.setSubject(model.subject);
  document.setKeywords([...model.keywords, context.documentId]);
  document.setLanguage('en-GB');
  document.setCreator(`${context.forceName} documents service`);
  document.setProducer('pdf-lib');
  document.setCreationDate(context.createdAt);
  document.setModificationDate(context.createdAt);
  // Read back by the verifier to find the record of issue, whatever the file's name.
  document.context
    .lookup(document.context.trailerInfo.Info, PDFDict)
    .set(PDFName.of('DocumentReference'), PDFString.of(context.documentId));
  return { document, pageCount: pages.length };
};
