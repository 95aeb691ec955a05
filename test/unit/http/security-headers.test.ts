import { beforeAll, describe, expect, it } from 'vitest';
import { getEvent, header, postRaw } from '../../support/http-events.ts';
import { signedOutTestPages, type TestPages } from '../../support/http-test-pages.ts';

let pages: TestPages;

beforeAll(() => {
  process.env.CSRF_SECRET = 'unit-test-csrf-secret-of-at-least-32-characters';
  pages = signedOutTestPages();
});

describe('security headers on every response (ARCHITECTURE.md "People and access")', () => {
  it('the CSP allows only our own scripts and styles: no unsafe-inline, no unsafe-eval', async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    const csp = header(response, 'content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });

  it("GOV.UK's inline class switch carries the response's nonce, and it is the only inline script", async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    const nonce = /'nonce-([^']+)'/.exec(header(response, 'content-security-policy') ?? '')?.[1];
    const inlineScripts = [...(response.body ?? '').matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(nonce).toBeDefined();
    expect(inlineScripts).toHaveLength(1);
    expect(inlineScripts[0]?.[1]).toContain(`nonce="${nonce}"`);
  });

  it('each response gets a fresh nonce', async () => {
    const first = await pages.showForm(getEvent('/test/form'));
    const second = await pages.showForm(getEvent('/test/form'));

    expect(header(first, 'content-security-policy')).not.toEqual(header(second, 'content-security-policy'));
  });

  it('HSTS, nosniff, no-referrer, frame denial, permissions and cross-origin isolation are set', async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    expect(header(response, 'strict-transport-security')).toMatch(/max-age=\d{8,}; includeSubDomains/);
    expect(header(response, 'x-content-type-options')).toBe('nosniff');
    expect(header(response, 'referrer-policy')).toBe('no-referrer');
    expect(header(response, 'x-frame-options')).toBe('DENY');
    expect(header(response, 'permissions-policy')).toContain('camera=()');
    expect(header(response, 'cross-origin-opener-policy')).toBe('same-origin');
  });

  it('pages are never stored by the browser or a proxy (no-store)', async () => {
    const response = await pages.showForm(getEvent('/test/form'));

    expect(header(response, 'cache-control')).toBe('no-store');
  });

  it('error responses carry the same headers: the 404 page', async () => {
    const response = await pages.missingPage(getEvent('/test/missing'));

    expect(response.statusCode).toBe(404);
    expect(header(response, 'content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header(response, 'cache-control')).toBe('no-store');
    expect(header(response, 'strict-transport-security')).toBeDefined();
  });

  it('error responses carry the same headers: a 500 from an API', async () => {
    const response = await pages.failingApi(postRaw('/api/fail', '{}', 'application/json'));

    expect(response.statusCode).toBe(500);
    expect(header(response, 'content-security-policy')).toContain("default-src 'self'");
    expect(header(response, 'referrer-policy')).toBe('no-referrer');
  });

  it("the response names the request's correlation id", async () => {
    const response = await pages.showForm(getEvent('/test/form', { requestId: 'gateway-request-0001' }));

    expect(header(response, 'x-correlation-id')).toBe('gateway-request-0001');
  });
});
