import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { closePage, launchBrowser, type NewPageOptions, newPage } from '../../support/browser.ts';
import { type NotificationSender, notificationSender, startPlatformRuntime } from './support.ts';

export interface PlatformBrowser {
  /** The local runtime the file's tests share. */
  readonly runtime: LocalRuntime;
  /** The site's address, e.g. http://localhost:3000. */
  readonly url: string;
  /** Sends staff notifications as a service does; its clients open on first use and close after the file. */
  readonly sender: NotificationSender;
  /** A page in a context of its own (no cookies shared between tests), closed once the test is over. */
  newPage(options?: NewPageOptions): Promise<Page>;
}

/**
 * One runtime and one Chromium for a whole test file of platform pages. Call it at the top of the file:
 * it registers the hooks that start them before the first test, close each test's pages after it, and stop
 * everything after the last. Its properties are there from the first test (or a later `beforeAll`) on.
 */
export const usePlatformBrowser = (): PlatformBrowser => {
  let runtime: LocalRuntime | undefined;
  let browser: Browser | undefined;
  let sender: NotificationSender | undefined;
  const openPages: Page[] = [];

  beforeAll(async () => {
    runtime = await startPlatformRuntime();
    browser = await launchBrowser();
  });

  afterEach(async () => {
    for (const page of openPages.splice(0)) await closePage(page);
  });

  afterAll(async () => {
    sender?.close();
    await browser?.close();
    await runtime?.stop();
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined)
      throw new Error(`The ${what} starts in beforeAll: use it inside a test or hook.`);
    return value;
  };

  return {
    get runtime() {
      return started(runtime, 'runtime');
    },
    get url() {
      return started(runtime, 'runtime').url;
    },
    get sender() {
      sender ??= notificationSender(started(runtime, 'runtime'));
      return sender;
    },
    newPage: async (options) => {
      const page = await newPage(started(browser, 'browser'), options);
      openPages.push(page);
      return page;
    },
  };
};
