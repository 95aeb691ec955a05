import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAndWaitForNextPage, expectNoAxeViolations, signInAs } from '../../support/browser.ts';
import { usePlatformBrowser } from './setup.ts';
import { ppuAudience } from './support.ts';

const platform = usePlatformBrowser();

const open = async (path: string): Promise<Page> => {
  const page = await platform.newPage();
  await page.goto(`${platform.url}${path}`);
  return page;
};

describe('Accessibility: every platform page meets WCAG 2.2 AA by axe (PSBAR 2018)', () => {
  it.each([
    ['the home page', '/', 200],
    ['the local sign-in page', '/dev/sign-in', 200],
    ['the page-not-found page', '/no-such-page', 404],
  ])('%s has no violations', async (_name, path, status) => {
    const page = await platform.newPage();

    const response = await page.goto(`${platform.url}${path}`);

    expect(response?.status()).toBe(status);
    await expectNoAxeViolations(page);
  });

  it('the sign-in form showing its error summary has no violations', async () => {
    const signIn = await open('/dev/sign-in');

    await signIn.getByRole('button', { name: 'Sign in' }).click();
    await signIn.waitForSelector('.govuk-error-summary');

    expect(await signIn.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(signIn);
  });

  it('an empty inbox has no violations', async () => {
    const page = await platform.newPage();

    await signInAs(page, platform.url, 'psd-investigator');

    expect(await page.getByText('You have no notifications.').isVisible()).toBe(true);
    await expectNoAxeViolations(page);
  });

  it('an inbox with unread, urgent and read notifications has no violations', async () => {
    const unread = await platform.sender.send({
      audience: ppuAudience,
      title: 'Repeat incident OR-2026-0077 referred to the PPU',
      body: 'A third report in 28 days for the same address.',
      link: '/staff/online-report/OR-2026-0077',
      priority: 'urgent',
      requiresAcknowledgement: true,
      source: { service: 'online-report', caseId: 'OR-2026-0077' },
    });
    const toRead = await platform.sender.send({
      audience: ppuAudience,
      title: "Clare's Law request CL-2026-0150 awaits checks",
      source: { service: 'clares-law', caseId: 'CL-2026-0150' },
    });
    await platform.sender.waitUntilStored(unread);
    await platform.sender.waitUntilStored(toRead);
    const page = await platform.newPage();
    await signInAs(page, platform.url, 'ppu-sergeant');

    await clickAndWaitForNextPage(
      page,
      page.locator(`[data-notification-id="${toRead}"]`).getByRole('button', { name: /^Mark as read/ }),
    );

    expect(await page.locator('#needs-attention > li').count()).toBe(1);
    expect(await page.locator('#read > li').count()).toBe(1);
    await expectNoAxeViolations(page);
  });

  it('the page for a form sent with a stale token has no violations', async () => {
    const page = await platform.newPage();
    await signInAs(page, platform.url, 'sergeant');

    // A form whose token no longer matches the session, as after a long absence or a forged post.
    await page.locator('form[action="/sign-out"] input[name="_csrf"]').evaluate((input) => {
      input.setAttribute('value', 'stale');
    });
    const [response] = await Promise.all([
      page.waitForResponse((candidate) => candidate.url().endsWith('/sign-out')),
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'Sign out' }).click(),
    ]);

    expect(response.status()).toBe(403);
    await expectNoAxeViolations(page);
  });
});
