import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  answerOffSiteRequestsLocally,
  closePage,
  launchBrowser,
  newPage,
  offSiteStandInTitle,
  signInAs,
} from '../../support/browser.ts';
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

const exitButton = (current: Page) => current.getByRole('button', { name: /Exit this page/ });

describe('"Exit this page" on public pages (GOV.UK Design System, Exit this page)', () => {
  it.each([
    ['the home page', '/'],
    ['the page-not-found page', '/no-such-page'],
  ])('%s offers "Exit this page"', async (_name, path) => {
    page = await newPage(browser);

    await page.goto(`${runtime.url}${path}`);

    expect(await exitButton(page).isVisible()).toBe(true);
  });

  it('pressing Shift three times leaves the site for the exit address', async () => {
    page = await newPage(browser);
    const offSite = await answerOffSiteRequestsLocally(page);
    await page.goto(`${runtime.url}/`);
    const destination = await exitButton(page).getAttribute('href');
    // The component is ready once its script has drawn the three-light indicator.
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });

    await Promise.all([
      page.waitForURL((url) => url.origin !== runtime.url),
      (async () => {
        for (let press = 0; press < 3; press++) await page?.keyboard.press('Shift');
      })(),
    ]);

    expect(offSite[0]).toBe(destination);
    expect(page.url()).toBe(destination);
    expect(await page.title()).toBe(offSiteStandInTitle);
  });

  it('pressing Shift twice does not leave the site', async () => {
    page = await newPage(browser);
    const offSite = await answerOffSiteRequestsLocally(page);
    await page.goto(`${runtime.url}/`);
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });

    await page.keyboard.press('Shift');
    await page.keyboard.press('Shift');
    await page.waitForTimeout(500);

    expect(offSite).toEqual([]);
    expect(page.url()).toBe(`${runtime.url}/`);
  });

  it('staff pages leave "Exit this page" out: it is for members of the public who may be watched', async () => {
    page = await newPage(browser);

    await signInAs(page, runtime.url, 'ppu-officer');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your notifications');
    expect(await exitButton(page).count()).toBe(0);
  });
});
