import { beforeAll, describe, expect, it, vi } from 'vitest';
import { cameThroughEdge, originSecretsOf } from '../../../shared/http/origin-verify.ts';
import { captureOutput } from '../../support/capture-output.ts';
import { getEvent, header, postRaw } from '../../support/http-events.ts';
import { signedOutTestPages, type TestPages } from '../../support/http-test-pages.ts';

/**
 * SR-6 (docs/security-and-reliability.md): the API's own execute-api address stays reachable, so every HTTP
 * handler refuses a request that did not come through CloudFront, which adds the origin secret
 * (ORIGIN_VERIFY_SECRET) in the `x-origin-verify` header. During a rotation the setting holds two values.
 */
const current = 'current-origin-secret-of-at-least-32-characters';
const previous = 'previous-origin-secret-of-at-least-32-characters';

let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  process.env.ORIGIN_VERIFY_SECRET = `${current},${previous}`;
  pages = signedOutTestPages();
});

describe('the origin header holds an accepted secret (shared/http/origin-verify.ts)', () => {
  it('only a header holding an accepted secret, exactly, passes', () => {
    const accepted = [current];

    expect([
      cameThroughEdge(current, accepted),
      cameThroughEdge(undefined, accepted),
      cameThroughEdge('', accepted),
      cameThroughEdge(current.slice(0, -1), accepted),
      cameThroughEdge(`${current}x`, accepted),
      cameThroughEdge(current.toUpperCase(), accepted),
    ]).toEqual([true, false, false, false, false, false]);
  });

  it('with no accepted secret nothing passes', () => {
    expect(cameThroughEdge(current, [])).toBe(false);
  });

  it('a header of two values passes when either is accepted; a third value is never read', () => {
    expect([
      cameThroughEdge(`${previous},${current}`, [current]),
      cameThroughEdge(`${current}, ${previous}`, [previous]),
      cameThroughEdge(`wrong-one,wrong-two,${current}`, [current]),
    ]).toEqual([true, true, false]);
  });

  it('the setting is one value, or two separated by a comma during a rotation', () => {
    expect([originSecretsOf(current), originSecretsOf(` ${current} , ${previous} ,`)]).toEqual([
      [current],
      [current, previous],
    ]);
  });
});

describe('a request that did not come through the edge is refused (SR-6)', () => {
  it('a public page answers a plain 403 page, with the security headers of every page', async () => {
    const response = await pages.showForm(getEvent('/test/form', { throughEdge: false }));

    expect({
      status: response.statusCode,
      heading: /<h1[^>]*>\s*([^<]+?)\s*<\/h1>/.exec(response.body ?? '')?.[1],
      form: (response.body ?? '').includes('_csrf'),
      csp: header(response, 'content-security-policy')?.includes("frame-ancestors 'none'"),
      hsts: header(response, 'strict-transport-security')?.startsWith('max-age='),
      frames: header(response, 'x-frame-options'),
      cache: header(response, 'cache-control'),
    }).toEqual({
      status: 403,
      heading: 'Forbidden',
      form: false,
      csp: true,
      hsts: true,
      frames: 'DENY',
      cache: 'no-store',
    });
  });

  it('a wrong origin header is refused like a missing one', async () => {
    const response = await pages.showForm(
      getEvent('/test/form', { headers: { 'x-origin-verify': 'a-guess-of-at-least-32-characters-long' } }),
    );

    expect(response.statusCode).toBe(403);
  });

  it('a public POST is refused before its body or its CSRF token is read', async () => {
    const response = await pages.submitForm(
      postRaw('/test/form', '%%%not a form', 'application/x-www-form-urlencoded', { throughEdge: false }),
    );

    expect(response.statusCode).toBe(403);
  });

  it('a staff API answers 403 JSON, before any session is asked for', async () => {
    const response = await pages.readNotes(
      getEvent('/api/test/cases/42/notes', {
        throughEdge: false,
        pathParameters: { id: '42' },
        headers: { accept: 'application/json' },
      }),
    );

    expect([response.statusCode, JSON.parse(response.body ?? '{}')]).toEqual([
      403,
      { error: 'forbidden', message: 'Forbidden.' },
    ]);
  });

  it('during a rotation either secret is accepted, and so is the edge sending both', async () => {
    const statuses = await Promise.all(
      [current, previous, `${current},${previous}`].map(
        async (value) =>
          (await pages.showForm(getEvent('/test/form', { headers: { 'x-origin-verify': value } })))
            .statusCode,
      ),
    );

    expect(statuses).toEqual([200, 200, 200]);
  });

  it('the refusal is logged as a warning naming the route, without the header or the address', async () => {
    const forged = 'a-guess-of-at-least-32-characters-long';
    const { output } = await captureOutput(() =>
      pages.showForm(
        getEvent('/test/form', {
          routeKey: 'GET /test/form',
          headers: { 'x-origin-verify': forged, 'cloudfront-viewer-address': '198.51.100.7:40000' },
        }),
      ),
    );

    const line = output.split('\n').find((one) => one.includes('did not come through the edge')) ?? '{}';
    const entry = JSON.parse(line);
    expect({
      level: entry.level,
      route: entry.route,
      method: entry.method,
      originHeader: entry.originHeader,
      leaks: [forged, '198.51.100.7', '127.0.0.1'].filter((value) => line.includes(value)),
    }).toEqual({ level: 'WARN', route: 'GET /test/form', method: 'GET', originHeader: 'wrong', leaks: [] });
  });
});

describe('the origin secret is read at start-up', () => {
  it('a page handler without ORIGIN_VERIFY_SECRET does not load, naming the variable', async () => {
    const saved = process.env.ORIGIN_VERIFY_SECRET;
    delete process.env.ORIGIN_VERIFY_SECRET;
    vi.resetModules();
    try {
      const { publicPageHandler, view } = await import('../../../shared/http/index.ts');
      expect(() => publicPageHandler({ policy: 'public', handle: () => view('test/form.njk') })).toThrow(
        /ORIGIN_VERIFY_SECRET/,
      );
    } finally {
      process.env.ORIGIN_VERIFY_SECRET = saved;
    }
  });

  it('a secret under 32 characters, or three values, is refused', async () => {
    const saved = process.env.ORIGIN_VERIFY_SECRET;
    const refused: boolean[] = [];
    try {
      for (const value of ['short', `${current},${previous},${current}`]) {
        process.env.ORIGIN_VERIFY_SECRET = value;
        vi.resetModules();
        const { edgeConfig } = await import('../../../shared/http/config.ts');
        refused.push(
          (() => {
            try {
              edgeConfig();
              return false;
            } catch (error) {
              return /ORIGIN_VERIFY_SECRET/.test(String(error));
            }
          })(),
        );
      }
    } finally {
      process.env.ORIGIN_VERIFY_SECRET = saved;
    }

    expect(refused).toEqual([true, true]);
  });
});
