import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { closePage, expectNoAxeViolations, launchBrowser, newPage, signInAs } from '../../support/browser.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { downloadSignedPdf } from '../platform/support.ts';

let runtime: LocalRuntime;
let browser: Browser;
const pages: Page[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'dvpn-e2e-'));

beforeAll(async () => {
  runtime = await startTestRuntime();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const page of pages) await closePage(page);
  await browser?.close();
  await runtime?.stop();
  rmSync(downloads, { recursive: true, force: true });
});

/** Signs in through the local sign-in page, as a newcomer would, and lands on the page asked for. */
const signedIn = async (person: string, path = '/staff/dvpn'): Promise<Page> => {
  const page = await newPage(browser);
  pages.push(page);
  await signInAs(page, runtime.url, person, { returnTo: path });
  return page;
};

/** The text of the first match, once it is there. */
const textOf = async (locator: Locator): Promise<string> => {
  await locator.first().waitFor();
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
};

const fillDate = async (page: Page, name: string, date: { day: string; month: string; year: string }) => {
  await page.fill(`#${name}-day`, date.day);
  await page.fill(`#${name}-month`, date.month);
  await page.fill(`#${name}-year`, date.year);
};

const londonNow = () => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(new Date())
      .map((part) => [part.type, part.value]),
  );
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    time: `${parts.hour}:${parts.minute}`,
  };
};

let caseUrl = '';
let servedAtTime = '';

describe('DVPN journey in a real browser', () => {
  it('a constable drafts a notice and submits it for authorisation', async () => {
    const page = await signedIn('constable');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Draft a notice' }).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
      'Draft a Domestic Violence Protection Notice',
    );
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Save draft' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain("Enter the recipient's full name");
    await expectNoAxeViolations(page);

    await page.fill('#recipientName', 'Sam Recipient');
    await fillDate(page, 'recipientDateOfBirth', { day: '1', month: '5', year: '1990' });
    await page.fill('#recipientAddress', '1 High Street, Anytown, AN1 1AA');
    await page.fill('#protectedName', 'Alex Protected');
    await page.check('input[name="association"][value="intimate-personal-relationship"]');
    await fillDate(page, 'incidentAt', { day: '1', month: '6', year: '2026' });
    await page.fill('#incidentAtTime', '21:30');
    await page.fill('#incidentLocation', '1 High Street, Anytown');
    await page.fill(
      '#incidentSummary',
      'Officers attended a report of shouting; the protected person had a cut lip.',
    );
    await page.check('input[name="groundsKind"][value="violence"]');
    await page.fill('#groundsDetail', 'Struck the protected person in the face.');
    await page.check('input[name="childrenRelevant"][value="no"]');
    await page.fill('#opinion', 'Wants the recipient kept away.');
    await page.fill('#opinionHowSought', 'Spoken to in person.');
    await page.fill('#representations', 'Denies the assault.');
    await page.fill('#representationsHowSought', 'In custody interview.');
    await page.check('input[name="sharesPremises"][value="yes"]');
    await page.fill('#premisesAddress', '1 High Street, Anytown, AN1 1AA');
    await page.fill('#otherOccupants', 'None');
    await page.check('input[name="conditions"][value="leave"]');
    await page.check('input[name="conditions"][value="stay-away"]');
    await page.fill('#stayAwayDistance', '100');
    await page.fill('#court', 'Anytown Magistrates Court');
    await page.getByRole('button', { name: 'Save draft' }).click();

    expect(await textOf(page.locator('main .govuk-tag'))).toBe('Draft');
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Change the draft' }).click();
    expect(await page.inputValue('#recipientName')).toBe('Sam Recipient');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('button', { name: 'Submit for authorisation' }).click();
    expect(await textOf(page.locator('main .govuk-tag'))).toBe('Awaiting authorisation');
    caseUrl = new URL(page.url()).pathname;
  });

  it("an inspector's attempt to authorise is refused", async () => {
    const page = await signedIn('inspector', caseUrl);
    await page.locator('main h1').waitFor();
    expect(await page.getByRole('link', { name: 'Authorise or refuse' }).count()).toBe(0);

    const response = await page.goto(`${runtime.url}${caseUrl}/decision`);

    expect(response?.status()).toBe(403);
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
      'You do not have permission to see this page',
    );
    await expectNoAxeViolations(page);
  });

  it('a superintendent authorises it and downloads the signed notice, which pdfsig validates', async () => {
    const page = await signedIn('superintendent', caseUrl);
    await page.getByRole('link', { name: 'Authorise or refuse' }).click();
    await expectNoAxeViolations(page);
    await page.check('input[name="decision"][value="authorise"]');
    for (const key of [
      'childWelfare',
      'protectedPersonOpinion',
      'recipientRepresentations',
      'reasonableStepsTaken',
      'otherOccupantsOpinion',
    ]) {
      await page.check(`input[name="considerations"][value="${key}"]`);
    }
    await page.fill('#reasonableGrounds', 'Injury seen by officers; threats repeated in custody.');
    await page.getByRole('button', { name: 'Confirm decision' }).click();

    await downloadSignedPdf(page, {
      runtimeUrl: runtime.url,
      linkName: 'Download the signed notice (PDF)',
      downloads,
      fileName: 'notice.pdf',
    });
  });

  it('the constable records service and sees the court deadline counting down', async () => {
    const page = await signedIn('constable', caseUrl);
    await page.getByRole('link', { name: 'Record service' }).click();
    await expectNoAxeViolations(page);
    const now = londonNow();
    await fillDate(page, 'servedAt', now);
    await page.fill('#servedAtTime', now.time);
    servedAtTime = now.time;
    await page.fill('#place', 'Anytown police station');
    await page.check('input[name="addressGiven"][value="yes"]');
    await page.fill('#addressForHearingNotice', '3 Low Road, Anytown');
    await page.getByRole('button', { name: 'Record service' }).click();

    expect(await textOf(page.locator('.govuk-notification-banner'))).toContain('must be heard by');
    expect(await textOf(page.locator('#court-countdown'))).toMatch(/left$/);
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Protection notices dashboard' }).click();
    expect(await textOf(page.locator('#court-clock ~ .govuk-table'))).toMatch(/left/);
    await expectNoAxeViolations(page);
  });

  it('the figures page and its CSV are open to a superintendent', async () => {
    const page = await signedIn('superintendent', '/staff/dvpn/figures');

    expect(await textOf(page.getByRole('table'))).toContain('Median draft to authorisation');
    await expectNoAxeViolations(page);
    const csv = await page.request.get(`${runtime.url}/staff/dvpn/figures.csv`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toMatch(/^month,dvpns_drafted,/);
  });

  it('the constable prepares the DVPO application, records the hearing and a breach of the order', async () => {
    const page = await signedIn('constable', caseUrl);
    await page.getByRole('link', { name: 'Prepare the DVPO application' }).click();
    await expectNoAxeViolations(page);
    await page.fill('#durationSoughtDays', '29');
    await page.fill('#summary', 'The recipient remains a risk to the protected person.');
    await page.getByRole('button', { name: 'Prepare application' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'A DVPO must last from 14 to 28 days',
    );
    await expectNoAxeViolations(page);
    await page.fill('#durationSoughtDays', '28');
    await page.getByRole('button', { name: 'Prepare application' }).click();
    expect(await textOf(page.locator('main h2:text("DVPO application")'))).toBe('DVPO application');

    await page.getByRole('link', { name: 'Record the hearing' }).click();
    await expectNoAxeViolations(page);
    // Times are entered to the minute, and a hearing must come after service.
    while (londonNow().time === servedAtTime) await page.waitForTimeout(1000);
    const now = londonNow();
    await fillDate(page, 'heardAt', now);
    await page.fill('#heardAtTime', now.time);
    await page.check('input[name="outcome"][value="granted"]');
    await page.fill('#durationDays', '28');
    await page.getByRole('button', { name: 'Record hearing' }).click();
    expect(await textOf(page.locator('main .govuk-tag'))).toBe('Order granted');
    await expectNoAxeViolations(page);

    await page.getByRole('link', { name: 'Record a breach' }).click();
    await expectNoAxeViolations(page);
    await fillDate(page, 'occurredAt', now);
    await page.fill('#occurredAtTime', now.time);
    await page.fill('#description', 'Returned to the address.');
    await page.check('input[name="arrested"][value="yes"]');
    await page.getByRole('button', { name: 'Record breach' }).click();
    expect(await textOf(page.locator('main h2:text("Breaches")'))).toBe('Breaches');
    await expectNoAxeViolations(page);
  });
});
