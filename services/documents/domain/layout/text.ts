import type { FontMetrics, Typeface } from './typeface.ts';

/** Composed form (NFC) so "ë" typed as e + combining diaeresis prints as one glyph; tabs become spaces. */
export const normaliseText = (text: string): string =>
  text.normalize('NFC').replace(/\r\n?/g, '\n').replace(/\t/g, '    ');

const codePointLabel = (codePoint: number): string =>
  `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;

export interface UnsupportedCharacter {
  /** Where the character is: a field path in template data (`recipient.fullName`) or `rendered text`. */
  readonly path: string;
  /** The code point as `U+XXXX`: enough to fix the input, without repeating the personal value. */
  readonly codePoint: string;
}

/** Raised at render time when the font has no glyph for a character: never silently dropped or boxed. */
export class UnsupportedCharacterError extends Error {
  constructor(readonly characters: readonly UnsupportedCharacter[]) {
    super(
      `The document font cannot print ${characters.length === 1 ? 'a character' : 'some characters'}: ${characters
        .map((c) => `${c.codePoint} in ${c.path}`)
        .join(', ')}`,
    );
    this.name = 'UnsupportedCharacterError';
  }
}

const printable = (codePoint: number, typeface: Typeface): boolean =>
  codePoint === 0x0a || (typeface.regular.covers(codePoint) && typeface.bold.covers(codePoint));

export const unsupportedCodePoints = (text: string, typeface: Typeface): number[] => {
  const missing = new Set<number>();
  for (const character of normaliseText(text)) {
    const codePoint = character.codePointAt(0) ?? 0;
    if (!printable(codePoint, typeface)) missing.add(codePoint);
  }
  return [...missing];
};

/** Every string in `value` (template data), checked against the font, reported by field path. */
export const findUnsupportedCharacters = (
  value: unknown,
  typeface: Typeface,
  path = '',
): UnsupportedCharacter[] => {
  if (typeof value === 'string') {
    return unsupportedCodePoints(value, typeface).map((codePoint) => ({
      path: path || '(value)',
      codePoint: codePointLabel(codePoint),
    }));
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => findUnsupportedCharacters(item, typeface, `${path}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) =>
      findUnsupportedCharacters(item, typeface, path ? `${path}.${key}` : key),
    );
  }
  return [];
};

export const assertPrintable = (text: string, typeface: Typeface): void => {
  const missing = unsupportedCodePoints(text, typeface);
  if (missing.length > 0) {
    throw new UnsupportedCharacterError(
      missing.map((codePoint) => ({ path: 'rendered text', codePoint: codePointLabel(codePoint) })),
    );
  }
};

const breakLongWord = (word: string, width: number, metrics: FontMetrics, size: number): string[] => {
  const pieces: string[] = [];
  let piece = '';
  for (const character of word) {
    if (piece !== '' && metrics.widthOf(piece + character, size) > width) {
      pieces.push(piece);
      piece = '';
    }
    piece += character;
  }
  pieces.push(piece);
  return pieces;
};

/**
 * Greedy line filling at word boundaries. Line breaks in the text are kept (blank lines too); a word
 * wider than the line is broken between characters rather than running off the page.
 */
export const wrapText = (text: string, width: number, metrics: FontMetrics, size: number): string[] => {
  const lines: string[] = [];
  for (const paragraph of normaliseText(text).split('\n')) {
    let line = '';
    let lineWidth = 0;
    let atParagraphStart = true;
    for (const token of paragraph.split(/(\s+)/)) {
      if (token === '') continue;
      const tokenWidth = metrics.widthOf(token, size);
      if (/^\s+$/.test(token)) {
        // Indentation at the start of a paragraph is kept; the space where a line wrapped is not.
        if (line === '' && !atParagraphStart) continue;
        line += token;
        lineWidth += tokenWidth;
        continue;
      }
      atParagraphStart = false;
      if (lineWidth + tokenWidth <= width) {
        line += token;
        lineWidth += tokenWidth;
        continue;
      }
      if (line.trim() !== '') lines.push(line.trimEnd());
      const pieces = tokenWidth > width ? breakLongWord(token, width, metrics, size) : [token];
      lines.push(...pieces.slice(0, -1));
      line = pieces.at(-1) ?? '';
      lineWidth = metrics.widthOf(line, size);
    }
    lines.push(line.trimEnd());
  }
  return lines;
};
