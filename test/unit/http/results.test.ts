import { beforeAll, describe, expect, it } from 'vitest';
import { download, publicPageHandler } from '../../../shared/http/index.ts';
import type { HttpHandler } from '../../../shared/http/stack.ts';
import { getEvent, header } from '../../support/http-events.ts';

let csv: HttpHandler;
let pdf: HttpHandler;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  csv = publicPageHandler({
    policy: 'public',
    handle: () =>
      download('month,notices\n2026-03,4\n', {
        contentType: 'text/csv; charset=utf-8',
        filename: 'figures "March".csv',
      }),
  });
  pdf = publicPageHandler({
    policy: 'public',
    handle: () =>
      download(new Uint8Array([0x25, 0x50, 0x44, 0x46]), {
        contentType: 'application/pdf',
        filename: 'notice.pdf',
      }),
  });
});

describe('downloads', () => {
  it('a text file is sent as an attachment with a name that cannot break the header', async () => {
    const response = await csv(getEvent('/figures.csv'));

    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toBe('text/csv; charset=utf-8');
    expect(header(response, 'content-disposition')).toBe('attachment; filename="figures__March_.csv"');
    expect(response.body).toBe('month,notices\n2026-03,4\n');
  });

  it('bytes are sent base64-encoded, as API Gateway expects', async () => {
    const response = await pdf(getEvent('/notice.pdf'));

    expect(response.isBase64Encoded).toBe(true);
    expect(Buffer.from(response.body ?? '', 'base64').toString('latin1')).toBe('%PDF');
  });

  it('a download is no-store like every other response', async () => {
    const response = await csv(getEvent('/figures.csv'));

    expect(header(response, 'cache-control')).toBe('no-store');
  });
});
