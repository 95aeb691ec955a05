import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { FontFiles } from '../domain/layout/typeface.ts';

let loaded: FontFiles | undefined;

/**
 * DejaVu Sans (regular and bold), read once per process. Locally from the dejavu-fonts-ttf package; in a
 * Lambda bundle from `DOCUMENT_FONT_DIR`, where the build copies the two files.
 */
export const documentFonts = (): FontFiles => {
  if (!loaded) {
    const directory =
      process.env.DOCUMENT_FONT_DIR ??
      dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'));
    loaded = {
      regular: new Uint8Array(readFileSync(join(directory, 'DejaVuSans.ttf'))),
      bold: new Uint8Array(readFileSync(join(directory, 'DejaVuSans-Bold.ttf'))),
    };
  }
  return loaded;
};
