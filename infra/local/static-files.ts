import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { StaticDirectory, StaticFile } from '../../shared/http/assets.ts';

const contentTypes: Readonly<Record<string, string>> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.gif': 'image/gif',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

export interface StaticAssets {
  readonly files: readonly StaticFile[];
  readonly directories: readonly StaticDirectory[];
  /** Paths in `files` and `directories` are relative to this folder (the repository root). */
  readonly root: string;
}

/** The file a URL path names, or undefined when it names none (including any attempt to leave the folder). */
export const resolveStaticFile = (assets: StaticAssets, urlPath: string): string | undefined => {
  const exact = assets.files.find((file) => file.url === urlPath);
  if (exact) return resolve(assets.root, exact.file);
  for (const directory of assets.directories) {
    if (!urlPath.startsWith(directory.urlPrefix)) continue;
    let relativePath: string;
    try {
      relativePath = decodeURIComponent(urlPath.slice(directory.urlPrefix.length));
    } catch {
      return undefined;
    }
    if (relativePath === '' || relativePath.includes('\0') || relativePath.includes('\\')) return undefined;
    const base = resolve(assets.root, directory.directory);
    const file = resolve(join(base, relativePath));
    if (!file.startsWith(base + sep)) return undefined;
    return file;
  }
  return undefined;
};

/**
 * Serves a static asset when the path names one (true), as CloudFront does in AWS: the content type from the
 * extension and a year-long cache lifetime.
 */
export const serveStaticFile = async (
  assets: StaticAssets,
  method: string,
  urlPath: string,
  response: ServerResponse,
): Promise<boolean> => {
  if (method !== 'GET' && method !== 'HEAD') return false;
  const file = resolveStaticFile(assets, urlPath);
  if (!file) return false;
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return false;
  response.writeHead(200, {
    'content-type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': String(info.size),
    'cache-control': 'public, max-age=31536000, immutable',
    'x-content-type-options': 'nosniff',
  });
  if (method === 'HEAD') {
    response.end();
    return true;
  }
  await new Promise<void>((done) => {
    const stream = createReadStream(file);
    stream.once('error', () => {
      response.destroy();
      done();
    });
    stream.once('end', done);
    stream.pipe(response);
  });
  return true;
};
