import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerOffSiteRequestsLocally, offSiteStandInTitle, signInAs } from '../../support/browser.ts';
import { usePlatformBrowser } from './setup.ts';

const platform = usePlatformBrowser();

const exitButton = (current: Page) => current.getByRole('button', { name: /Exit this page/ });

describe('"Exit this page" on public pages (GOV.UK Design System, Exit this page)', () => {
  it.each([
    ['the home page', '/'],
    ['the page-not-found page', '/no-such-page'],
  ])('%s offers "Exit this page"', async (_name, path) => {
    const page = await platform.newPage();

    await page.goto(`${platform.url}${path}`);

    expect(await exitButton(page).isVisible()).toBe(true);
  });

  it('pressing Shift three times leaves the site for the exit address', async () => {
    const page = await platform.newPage();
    const offSite = await answerOffSiteRequestsLocally(page);
    await page.goto(`${platform.url}/`);
    const destination = await exitButton(page).getAttribute('href');
    // The component is ready once its script has drawn the three-light indicator.
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });

    await Promise.all([
      page.waitForURL((url) => url.origin !== platform.url),
      (async () => {
        for (let press = 0; press < 3; press++) await page.keyboard.press('Shift');
      })(),
    ]);

    expect(offSite[0]).toBe(destination);
    expect(page.url()).toBe(destination);
    expect(await page.title()).toBe(offSiteStandInTitle);
  });

  it('pressing Shift twice does not leave the site', async () => {
    const page = await platform.newPage();
    const offSite = await answerOffSiteRequestsLocally(page);
    await page.goto(`${platform.url}/`);
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);

    expect(offSite).toEqual([]);
    expect(page.url()).toBe(`${platform.url}/`);
  });

  it('staff pages leave "Exit this page" out: it is for members of the public who may be watched', async () => {
    const page = await platform.newPage();

    await signInAs(page, platform.url, 'ppu-officer');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your notifications');
    expect(await exitButton(page).count()).toBe(0);
  });
});
