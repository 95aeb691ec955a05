import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sessionCookieName } from '../../../infra/local/dev-identity-provider.ts';
import { signInAs } from '../../support/browser.ts';
import { usePlatformBrowser } from './setup.ts';

const platform = usePlatformBrowser();

const sessionCookies = async (current: Page) =>
  (await current.context().cookies()).filter((cookie) => cookie.name === sessionCookieName);

describe('Sign-out ends the session on this browser (NCSC: session management)', () => {
  it.each([
    ['with JavaScript', true],
    ['without JavaScript', false],
  ])(
    '%s: after "Sign out" the session cookie is gone and the inbox sends the person to sign in',
    async (_name, javaScriptEnabled) => {
      const page = await platform.newPage({ javaScriptEnabled });
      await signInAs(page, platform.url, 'duty-inspector');
      const signedIn = (await sessionCookies(page)).length;

      await Promise.all([
        page.waitForURL(`${platform.url}/`),
        page.getByRole('button', { name: 'Sign out' }).click(),
      ]);
      const afterSignOut = await sessionCookies(page);
      await page.goto(`${platform.url}/staff/notifications`);

      expect(signedIn).toBe(1);
      expect(afterSignOut).toEqual([]);
      const landed = new URL(page.url());
      expect(landed.pathname).toBe('/dev/sign-in');
      expect(landed.searchParams.get('returnTo')).toBe('/staff/notifications');
    },
  );
});
