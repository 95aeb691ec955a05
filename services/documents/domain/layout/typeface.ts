import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

type FontkitFont = ReturnType<typeof fontkit.create>;

/** The font files a document is set in, handed in by whoever can read files (the adapters). */
export interface FontFiles {
  readonly regular: Uint8Array;
  readonly bold: Uint8Array;
}

export type FontWeight = 'regular' | 'bold';

/** Measures text in one font: advance widths per code point, cached (shaping is off, so widths add up). */
export class FontMetrics {
  private readonly advances = new Map<number, number>();
  private readonly coverage = new Map<number, boolean>();

  constructor(readonly font: FontkitFont) {}

  covers(codePoint: number): boolean {
    let covered = this.coverage.get(codePoint);
    if (covered === undefined) {
      covered = this.font.hasGlyphForCodePoint(codePoint);
      this.coverage.set(codePoint, covered);
    }
    return covered;
  }

  widthOf(text: string, size: number): number {
    let units = 0;
    for (const character of text) {
      const codePoint = character.codePointAt(0) ?? 0;
      let advance = this.advances.get(codePoint);
      if (advance === undefined) {
        advance = this.font.glyphForCodePoint(codePoint).advanceWidth;
        this.advances.set(codePoint, advance);
      }
      units += advance;
    }
    return (units * size) / this.font.unitsPerEm;
  }
}

const parsed = new WeakMap<Uint8Array, FontkitFont>();

const parse = (bytes: Uint8Array): FontkitFont => {
  let font = parsed.get(bytes);
  if (!font) {
    font = fontkit.create(bytes);
    parsed.set(bytes, font);
  }
  return font;
};

type Glyph = ReturnType<FontkitFont['glyphForCodePoint']>;

/**
 * The font as pdf-lib sees it: glyphs straight from the character map, placed by advance width. With
 * shaping off this is what fontkit's layout would produce, at a fraction of the cost, and it is exactly
 * what `FontMetrics` measures, so wrapped lines never overrun.
 */
const plainLayout = (font: FontkitFont): FontkitFont => {
  const glyphs = new Map<number, Glyph>();
  const glyphFor = (codePoint: number): Glyph => {
    let glyph = glyphs.get(codePoint);
    if (!glyph) {
      glyph = font.glyphForCodePoint(codePoint);
      glyphs.set(codePoint, glyph);
    }
    return glyph;
  };
  return Object.create(font, {
    layout: {
      value: (text: string) => {
        const run: Glyph[] = [];
        for (const character of text) run.push(glyphFor(character.codePointAt(0) ?? 0));
        return {
          glyphs: run,
          positions: run.map((glyph) => ({
            xAdvance: glyph.advanceWidth,
            yAdvance: 0,
            xOffset: 0,
            yOffset: 0,
          })),
        };
      },
    },
  }) as FontkitFont;
};

const plainLayouts = new WeakMap<Uint8Array, FontkitFont>();

/**
 * A fontkit for pdf-lib that parses each font file once per process (parsing is most of the cost of
 * embedding, and warm Lambdas render many documents) and lays text out glyph by glyph.
 */
export const cachingFontkit: Fontkit = {
  create: (bytes: Uint8Array) => {
    let font = plainLayouts.get(bytes);
    if (!font) {
      font = plainLayout(parse(bytes));
      plainLayouts.set(bytes, font);
    }
    return font as never;
  },
};

export interface Typeface {
  readonly files: FontFiles;
  readonly regular: FontMetrics;
  readonly bold: FontMetrics;
}

const typefaces = new WeakMap<FontFiles, Typeface>();

export const typefaceOf = (files: FontFiles): Typeface => {
  let typeface = typefaces.get(files);
  if (!typeface) {
    typeface = {
      files,
      regular: new FontMetrics(parse(files.regular)),
      bold: new FontMetrics(parse(files.bold)),
    };
    typefaces.set(files, typeface);
  }
  return typeface;
};

/**
 * Shaping features switched off: the PDF places glyphs by their advance widths, so measuring and drawing
 * agree exactly, and text is normalised to composed form (NFC) beforehand so accents need no shaping.
 */
export const plainFeatures = {
  liga: false,
  clig: false,
  calt: false,
  kern: false,
  mark: false,
  mkmk: false,
  ccmp: false,
  locl: false,
  rlig: false,
} as const;
