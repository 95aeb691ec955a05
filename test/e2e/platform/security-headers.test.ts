import { beforeAll, describe, expect, it } from 'vitest';
import { signInAs } from '../../support/browser.ts';
import { signedInCookie } from '../../support/runtime.ts';
import { usePlatformBrowser } from './setup.ts';

const platform = usePlatformBrowser();
let staffCookie: string;

beforeAll(async () => {
  staffCookie = await signedInCookie(platform.runtime, 'ppu-officer');
});

const get = (path: string, cookie?: string): Promise<Response> =>
  fetch(`${platform.url}${path}`, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });

/** The CSP as a map of directive → its sources. */
const policy = (response: Response): Map<string, string[]> => {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name = '', ...sources]) => [name, sources]),
  );
};

const pages = [
  ['the home page (public)', '/', undefined, 200],
  ['the page-not-found page (public)', '/no-such-page', undefined, 404],
  ['the inbox (staff)', '/staff/notifications', 'staff', 200],
] as const;

describe('Security headers on every page response (NCSC web app guidance; OWASP secure headers)', () => {
  it.each(pages)(
    '%s: the CSP allows no inline script or style and no framing',
    async (_name, path, who, status) => {
      const response = await get(path, who && staffCookie);

      const csp = policy(response);
      const allSources = [...csp.values()].flat();
      expect(response.status).toBe(status);
      expect(allSources).not.toContain("'unsafe-inline'");
      expect(allSources).not.toContain("'unsafe-eval'");
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')?.filter((source) => !source.startsWith("'nonce-"))).toEqual(["'self'"]);
    },
  );

  it.each(pages)(
    '%s: HSTS for a year or more, no referrer, no sniffing, no framing',
    async (_name, path, who) => {
      const response = await get(path, who && staffCookie);

      const hsts = response.headers.get('strict-transport-security') ?? '';
      expect(Number(/max-age=(\d+)/.exec(hsts)?.[1])).toBeGreaterThanOrEqual(31_536_000);
      expect(hsts).toContain('includeSubDomains');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    },
  );

  it('a staff page is never stored by the browser or a proxy (Cache-Control: no-store)', async () => {
    const response = await get('/staff/notifications', staffCookie);

    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
  });

  it('each page response carries a fresh script nonce', async () => {
    const first = policy(await get('/'));
    const second = policy(await get('/'));

    const nonceOf = (csp: Map<string, string[]>) =>
      csp.get('script-src')?.find((source) => source.startsWith("'nonce-"));
    expect(nonceOf(first)).toMatch(/^'nonce-[A-Za-z0-9+/=_-]{16,}'$/);
    expect(nonceOf(first)).not.toBe(nonceOf(second));
  });

  it('the browser reports no Content-Security-Policy violation on public and staff pages, and their scripts run', async () => {
    const page = await platform.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });

    await page.goto(`${platform.url}/`);
    const publicScriptsRan = await page.locator('.govuk-exit-this-page__indicator').count();
    await signInAs(page, platform.url, 'ppu-officer');
    const staffScriptsRan = await page.locator('body.govuk-frontend-supported').count();

    expect(violations).toEqual([]);
    expect(publicScriptsRan).toBe(1);
    expect(staffScriptsRan).toBe(1);
  });
});
