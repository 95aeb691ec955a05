import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../../infra/local/dev-identity-provider.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { closePage, launchBrowser, newPage, signInAs } from '../../support/browser.ts';
import { startPlatformRuntime } from './support.ts';

let runtime: LocalRuntime;
let browser: Browser;
let page: Page | undefined;

beforeAll(async () => {
  runtime = await startPlatformRuntime();
  browser = await launchBrowser();
});

afterEach(async () => {
  if (page) await closePage(page);
  page = undefined;
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const sessionCookies = async (current: Page) =>
  (await current.context().cookies()).filter((cookie) => cookie.name === sessionCookieName);

describe('Sign-out ends the session on this browser (NCSC: session management)', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: after "Sign out" the session cookie is gone and the inbox sends the person to sign in',
    async (_name, javaScriptEnabled) => {
      page = await newPage(browser, { javaScriptEnabled });
      await signInAs(page, runtime.url, 'duty-inspector');
      const signedIn = (await sessionCookies(page)).length;

      await Promise.all([
        page.waitForURL(`${runtime.url}/`),
        page.getByRole('button', { name: 'Sign out' }).click(),
      ]);
      const afterSignOut = await sessionCookies(page);
      await page.goto(`${runtime.url}/staff/notifications`);

      expect(signedIn).toBe(1);
      expect(afterSignOut).toEqual([]);
      const landed = new URL(page.url());
      expect(landed.pathname).toBe('/dev/sign-in');
      expect(landed.searchParams.get('returnTo')).toBe('/staff/notifications');
    },
  );
});
