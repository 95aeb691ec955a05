import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

/**
 * Real Chromium for end-to-end tests, headless and offline-minded: no first-run, sync, component updates
 * or background requests, so a test run talks to nothing but the local runtime on loopback.
 */
export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/** The system Chromium unless CHROMIUM_PATH names another. Close it in `afterAll`. */
export const launchBrowser = (): Promise<Browser> =>
  chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs],
  });

export interface NewPageOptions {
  /** false to see the page as someone whose browser runs no JavaScript. */
  readonly javaScriptEnabled?: boolean;
}

/**
 * A page in a context of its own, so cookies never leak from one test to the next. Closing the page's
 * context (`closePage`) closes the page too.
 */
export const newPage = async (browser: Browser, options: NewPageOptions = {}): Promise<Page> => {
  const context: BrowserContext = await browser.newContext({
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  return context.newPage();
};

export const closePage = (page: Page): Promise<void> => page.context().close();

/** WCAG 2.2 AA, the level public sector websites must meet (PSBAR 2018). */
export const accessibilityTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] as const;

export class AccessibilityViolationsError extends Error {
  constructor(
    readonly url: string,
    readonly violations: readonly string[],
  ) {
    super(`${violations.length} accessibility violation(s) on ${url}:\n${violations.join('\n')}`);
    this.name = 'AccessibilityViolationsError';
  }
}

/**
 * Runs axe on the page as it is now and throws a readable list (rule, impact, help, the offending
 * elements) when anything in WCAG 2.2 A/AA is violated.
 */
export const expectNoAxeViolations = async (page: Page): Promise<void> => {
  const results = await new AxeBuilder({ page }).withTags([...accessibilityTags]).analyze();
  if (results.violations.length === 0) return;
  const described = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n');
    return `- ${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n  ${violation.helpUrl}\n${targets}`;
  });
  throw new AccessibilityViolationsError(page.url(), described);
};

/**
 * Clicks a link or a form's button and resolves once the page it leads to has loaded. Waiting for the URL
 * is not enough when a form posts back to the page it is on (mark as read, then the inbox again).
 */
export const clickAndWaitForNextPage = async (page: Page, target: Locator): Promise<void> => {
  await Promise.all([page.waitForEvent('load'), target.click()]);
};

export interface SignInOptions {
  /** The staff page to land on afterwards; the inbox unless told. */
  readonly returnTo?: string;
}

/**
 * Signs in as one of the demo staff (infra/local/demo-staff.ts `id`, e.g. `ppu-officer`) the way a person
 * does: the site's own "Sign in", the local identity provider's page, a choice of person, the button. Works
 * with JavaScript on or off. Resolves on the page the sign-in returned to.
 */
export const signInAs = async (
  page: Page,
  runtimeUrl: string,
  demoPersonId: string,
  options: SignInOptions = {},
): Promise<void> => {
  const returnTo = options.returnTo ?? '/staff/notifications';
  await page.goto(`${runtimeUrl}/sign-in?returnTo=${encodeURIComponent(returnTo)}`);
  const choice = page.locator(`input[name="person"][value="${demoPersonId}"]`);
  if ((await choice.count()) !== 1) {
    throw new Error(`The sign-in page at ${page.url()} offers no demo member of staff "${demoPersonId}".`);
  }
  await choice.check();
  await Promise.all([
    page.waitForURL((url) => url.pathname === returnTo.split('?')[0]),
    page.getByRole('button', { name: 'Sign in' }).click(),
  ]);
};

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** The title of the page that stands in for every site other than the local runtime. */
export const offSiteStandInTitle = 'Off-site stand-in';

/**
 * Answers every request for another site with a local stand-in page, so a test can follow a link that
 * leaves the service ("Exit this page") without the browser reaching the internet. Returns the off-site
 * addresses asked for, in order.
 */
export const answerOffSiteRequestsLocally = async (page: Page): Promise<string[]> => {
  const asked: string[] = [];
  await page.context().route(
    (url) => !loopbackHosts.has(url.hostname),
    (route) => {
      asked.push(route.request().url());
      return route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: `<!DOCTYPE html><html lang="en"><title>${offSiteStandInTitle}</title><p>Another site.</p></html>`,
      });
    },
  );
  return asked;
};
