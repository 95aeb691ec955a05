import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOnPdf, signedDocument } from './support.ts';

const reviewed = new URL('../../fixtures/documents/dvpn-notice-page-1.png', import.meta.url);

/** Page 1 of the sample DVPN notice as pdftoppm draws it, at 60 dpi. */
const renderPageOne = async (): Promise<Buffer> => {
  const { pdf } = await signedDocument('dvpn-notice');
  const directory = join(tmpdir(), `documents-page-${process.pid}`);
  runOnPdf(
    'pdftoppm',
    (path) => ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', path, directory],
    pdf,
  );
  try {
    return readFileSync(`${directory}.png`);
  } finally {
    rmSync(`${directory}.png`, { force: true });
  }
};

describe('The DVPN notice as it prints (issue §6)', () => {
  it('page 1 looks exactly like the reviewed fixture (review the new image and replace the fixture if a change is meant)', async () => {
    const page = await renderPageOne();

    const matches = existsSync(reviewed) && page.equals(readFileSync(reviewed));

    if (!matches) {
      const candidate = join(tmpdir(), 'dvpn-notice-page-1.candidate.png');
      writeFileSync(candidate, page);
      expect.fail(`Page 1 differs from the reviewed fixture; the new rendering is at ${candidate}.`);
    }
  });
});
