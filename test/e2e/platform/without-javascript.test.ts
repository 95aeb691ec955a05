import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  answerOffSiteRequestsLocally,
  clickAndWaitForNextPage,
  offSiteStandInTitle,
  signInAs,
} from '../../support/browser.ts';
import { usePlatformBrowser } from './setup.ts';
import { ppuAudience } from './support.ts';

const platform = usePlatformBrowser();

/** GOV.UK Frontend marks the body from a script; without JavaScript the class never appears. */
const scriptsRan = async (current: Page): Promise<boolean> =>
  (await current.locator('body.govuk-frontend-supported').count()) > 0;

describe('Progressive enhancement: platform pages work with JavaScript off (GOV.UK Service Manual)', () => {
  it('a member of staff signs in without JavaScript and lands on their inbox', async () => {
    const page = await platform.newPage({ javaScriptEnabled: false });

    await signInAs(page, platform.url, 'ppu-officer');

    expect(new URL(page.url()).pathname).toBe('/staff/notifications');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your notifications');
    expect(await scriptsRan(page)).toBe(false);
  });

  it('a notification is marked as read without JavaScript', async () => {
    const id = await platform.sender.send({
      audience: ppuAudience,
      title: 'Repeat incident OR-2026-0090 referred to the PPU',
      source: { service: 'online-report', caseId: 'OR-2026-0090' },
    });
    await platform.sender.waitUntilStored(id);
    const page = await platform.newPage({ javaScriptEnabled: false });
    await signInAs(page, platform.url, 'ppu-officer');
    const item = page.locator(`#needs-attention [data-notification-id="${id}"]`);
    const wasUnread = (await item.count()) === 1;

    await clickAndWaitForNextPage(page, item.getByRole('button', { name: /^Mark as read/ }));

    expect(wasUnread).toBe(true);
    expect(await page.locator(`#read [data-notification-id="${id}"]`).count()).toBe(1);
    expect(await page.locator(`#needs-attention [data-notification-id="${id}"]`).count()).toBe(0);
    expect(await scriptsRan(page)).toBe(false);
  });

  it('"Exit this page" is a plain link that still leaves the site without JavaScript', async () => {
    const page = await platform.newPage({ javaScriptEnabled: false });
    const offSite = await answerOffSiteRequestsLocally(page);
    await page.goto(`${platform.url}/`);
    const exit = page.getByRole('button', { name: /Exit this page/ });
    const destination = await exit.getAttribute('href');

    await Promise.all([page.waitForURL((url) => url.origin !== platform.url), exit.click()]);

    expect(destination).toMatch(/^https:\/\//);
    expect(offSite[0]).toBe(destination);
    expect(page.url()).toBe(destination);
    expect(await page.title()).toBe(offSiteStandInTitle);
  });
});
