import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { staticDirectories, staticFiles } from '../../shared/http/assets.ts';

/** A file the local runtime serves but that is missing from disk, so it cannot be deployed either. */
export class MissingStaticAssetError extends Error {
  constructor(readonly paths: readonly string[]) {
    super(`Static assets missing from the repository: ${paths.join(', ')}`);
    this.name = 'MissingStaticAssetError';
  }
}

/** `/assets/x.css` → `assets/x.css`: CloudFront passes the whole path to the bucket origin. */
const objectKey = (url: string): string => url.replace(/^\/+/, '');

/**
 * Copies the files behind `/assets/*` (the same list the local runtime serves from, shared/http/assets.ts)
 * into one directory laid out as the bucket will be, and returns it. With `strict` (a real synth) a missing
 * file fails; without it (template tests) missing files are left out.
 */
export const stageStaticAssets = (options: { root: string; outDir: string; strict: boolean }): string => {
  const out = resolve(options.outDir);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const missing: string[] = [];
  const copy = (from: string, to: string, recursive: boolean) => {
    const source = join(options.root, from);
    if (!existsSync(source)) {
      missing.push(from);
      return;
    }
    const target = join(out, to);
    mkdirSync(dirname(target), { recursive: true });
    cpSync(source, target, { recursive });
  };
  for (const file of staticFiles) copy(file.file, objectKey(file.url), false);
  for (const directory of staticDirectories) copy(directory.directory, objectKey(directory.urlPrefix), true);
  if (options.strict && missing.length > 0) throw new MissingStaticAssetError(missing);
  return out;
};
