import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { clickAndWaitForNextPage, signInAs } from '../../support/browser.ts';
import { usePlatformBrowser } from './setup.ts';
import { ppuAudience } from './support.ts';

const platform = usePlatformBrowser();

const minutesAgo = (minutes: number): Date => new Date(Date.now() - minutes * 60_000);

/** The ids of the notifications listed under a heading of the inbox, top to bottom. */
const listed = (inbox: Page, list: 'needs-attention' | 'read'): Promise<string[]> =>
  inbox
    .locator(`#${list} > li`)
    .evaluateAll((items) => items.map((item) => item.getAttribute('data-notification-id') ?? ''));

describe('Notifications: route → queue → consumer → table → page (platform issue, "done when")', () => {
  it('a notification sent to the PPU reaches a PPU officer unread, and once read it sits below what is still unread', async () => {
    const older = await platform.sender.send(
      {
        audience: ppuAudience,
        title: "Clare's Law request CL-2026-0101 awaits the PPU's checks",
        link: '/staff/clares-law/CL-2026-0101',
        source: { service: 'clares-law', caseId: 'CL-2026-0101' },
      },
      minutesAgo(10),
    );
    const newer = await platform.sender.send(
      {
        audience: ppuAudience,
        title: 'Repeat incident OR-2026-0042 referred to the PPU',
        priority: 'urgent',
        source: { service: 'online-report', caseId: 'OR-2026-0042' },
      },
      minutesAgo(1),
    );
    await platform.sender.waitUntilStored(older);
    await platform.sender.waitUntilStored(newer);
    const page = await platform.newPage();

    await signInAs(page, platform.url, 'ppu-officer');
    const before = {
      needsAttention: await listed(page, 'needs-attention'),
      read: await listed(page, 'read'),
    };
    const newerItem = page.locator(`[data-notification-id="${newer}"]`);
    const newerWasUnread = await newerItem.getByText('Unread', { exact: true }).isVisible();
    await clickAndWaitForNextPage(page, newerItem.getByRole('button', { name: /^Mark as read/ }));
    const after = { needsAttention: await listed(page, 'needs-attention'), read: await listed(page, 'read') };

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your notifications');
    expect(newerWasUnread).toBe(true);
    expect(before).toEqual({ needsAttention: [newer, older], read: [] });
    expect(after).toEqual({ needsAttention: [older], read: [newer] });
    expect(
      await page.locator(`[data-notification-id="${newer}"]`).getByText('Unread', { exact: true }).count(),
    ).toBe(0);
    expect(
      await page
        .locator(`[data-notification-id="${older}"]`)
        .getByText('Unread', { exact: true })
        .isVisible(),
    ).toBe(true);
  });

  it('a notification sent to the PPU is not shown to a Force Response constable', async () => {
    const id = await platform.sender.send({
      audience: ppuAudience,
      title: 'Safeguarding referral SR-2026-0007 for the PPU',
      source: { service: 'online-report', caseId: 'SR-2026-0007' },
    });
    await platform.sender.waitUntilStored(id);
    const page = await platform.newPage();

    await signInAs(page, platform.url, 'constable');

    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Your notifications');
    expect(await page.locator(`[data-notification-id="${id}"]`).count()).toBe(0);
  });
});
