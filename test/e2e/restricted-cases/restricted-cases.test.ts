import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  clickAndWaitForNextPage,
  closePage,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signInAs,
} from '../../support/browser.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { expectSoundSignature } from '../platform/support.ts';

/**
 * The restricted-cases journeys in real Chromium against the whole local stack: a manager records an
 * allegation, a chief inspector restricts it, a colleague is refused and PSD sees the alert; a safeguarding
 * officer breaks glass and PSD reviews it; a staff victim reports confidentially. Every page is checked
 * with axe (WCAG 2.2 AA).
 */

let runtime: LocalRuntime;
let browser: Browser;
const pages: Page[] = [];
let caseId = '';

beforeAll(async () => {
  runtime = await startTestRuntime({
    shell: { ...process.env, POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN' },
  });
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await closePage(page);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const signedIn = async (who: string, returnTo: string): Promise<Page> => {
  const page = await newPage(browser);
  pages.push(page);
  await signInAs(page, runtime.url, who, { returnTo });
  return page;
};

const heading = async (page: Page) => (await page.getByRole('heading', { level: 1 }).textContent())?.trim();

/** Reloads until `check` holds: the alert reaches PSD through the queue pollers, not in the same request. */
const eventually = async (page: Page, check: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Not seen on ${page.url()} within ${timeoutMs} ms`);
    await page.waitForTimeout(250);
    await page.reload();
  }
};

describe('Restricted cases: the manager, the chief inspector, a curious colleague and PSD (PP/04 §7.2; APP "Access to records")', () => {
  it('a manager records an allegation against a member of staff', async () => {
    const page = await signedIn('inspector', '/staff/restricted-cases');
    await expectNoAxeViolations(page);
    await clickAndWaitForNextPage(
      page,
      page.getByRole('link', { name: 'Record an allegation against a member of staff' }),
    );
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Collar or staff number of the member of staff the allegation is about')
      .fill('4021');
    await page.getByLabel('Who is the victim?').fill('The officer’s partner');
    await page.getByLabel('What is alleged?').fill('Pushed her against a wall during an argument at home');
    await page.getByLabel('The victim reported it').check();
    await page.getByRole('group', { name: 'Is a criminal offence alleged?' }).getByLabel('Yes').check();
    await page.getByRole('group', { name: 'Is urgent safeguarding needed?' }).getByLabel('No').check();
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Record the allegation' }));
    const refusal = await page.locator('.govuk-error-summary').textContent();
    await expectNoAxeViolations(page);
    await page.getByLabel('Crime number').fill('20/4411/26');
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Record the allegation' }));
    caseId = (await page.locator('#case-reference').textContent())?.trim() ?? '';

    expect(refusal).toContain('Enter the crime number');
    expect(caseId).toMatch(/^RC-/);
    expect(await page.locator('main').textContent()).toContain('Professional Standards Department');
    await expectNoAxeViolations(page);
  });

  it('a chief inspector restricts it with a reason, and is then off its need-to-know list like anyone else', async () => {
    const page = await signedIn('chief-inspector', `/staff/restricted-cases/cases/${caseId}`);
    await expectNoAxeViolations(page);

    await page
      .getByLabel('Reason', { exact: true })
      .fill('Serving officer as suspect: restrict crime report and call log');
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Record the decision' }));
    const banner = await page.locator('.govuk-notification-banner').textContent();
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/restricted-cases/cases/${caseId}`);

    expect(banner).toContain(`${caseId} is now restricted`);
    expect(await heading(page)).toBe('Case not found');
  });

  it('a curious colleague (the suspect’s sergeant) is refused: the case "does not exist", and a search finds nothing', async () => {
    const page = await signedIn('sergeant', '/staff/restricted-cases');
    await page.goto(`${runtime.url}/staff/restricted-cases/cases/${caseId}`);
    const title = await heading(page);
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/restricted-cases/search?q=4021`);

    expect(title).toBe('Case not found');
    expect(await page.locator('#no-results').isVisible()).toBe(true);
    expect(await page.locator('main').textContent()).not.toContain(caseId);
    await expectNoAxeViolations(page);
  });

  it('PSD sees the refusal in its alerts inbox, the case with its access list, and an intact access log', async () => {
    const page = await signedIn('psd-investigator', '/staff/restricted-cases/psd/alerts');
    await eventually(
      page,
      async () =>
        (await page.locator('#alerts').count()) > 0 &&
        (await page.locator('#alerts').textContent())?.includes(caseId) === true,
    );
    const alerts = (await page.locator('#alerts').textContent()) ?? '';
    await expectNoAxeViolations(page);

    await page.goto(`${runtime.url}/staff/restricted-cases/psd`);
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/restricted-cases/cases/${caseId}`);
    await expectNoAxeViolations(page);
    await clickAndWaitForNextPage(
      page,
      page.getByRole('link', { name: 'Read the access log and verify its chain' }),
    );

    expect(alerts).toContain('2107');
    expect(alerts).toContain('Denied');
    expect(await page.locator('#chain-result').textContent()).toContain('Chain intact');
    await expectNoAxeViolations(page);
  });
});

describe('PSD’s access report as a signed PDF (DPA 2018 s.62)', () => {
  it('PSD asks for the report, the documents service signs it, and PSD downloads it', async () => {
    const page = await signedIn('psd-investigator', `/staff/restricted-cases/cases/${caseId}`);
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Make a signed access report' }));
    const link = page.getByRole('link', { name: 'download the signed report (PDF)' });
    await eventually(page, async () => (await link.count()) === 1);
    await expectNoAxeViolations(page);

    const download = await page.request.get(`${runtime.url}${await link.getAttribute('href')}`);

    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('application/pdf');
    expect((await download.body()).subarray(0, 5).toString()).toBe('%PDF-');
    const folder = mkdtempSync(join(tmpdir(), 'access-report-'));
    try {
      const file = join(folder, 'access-report.pdf');
      writeFileSync(file, await download.body());
      expectSoundSignature(file);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('Safeguarding access: break glass and PSD’s review (APP "Access to records")', () => {
  it('a safeguarding officer takes emergency access with a reason and opens the case at once', async () => {
    const page = await signedIn('ppu-officer', '/staff/restricted-cases/safeguarding');
    await expectNoAxeViolations(page);

    await page.getByLabel('Case reference or crime number').fill(caseId);
    await page
      .getByLabel('Safeguarding reason')
      .fill('Victim not seen since last night; two children at the address');
    await page.getByLabel('Emergency: take access now (break glass)').check();
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Continue' }));

    expect(await heading(page)).toBe(caseId);
    expect(await page.locator('.govuk-notification-banner').textContent()).toContain('emergency access');
    await expectNoAxeViolations(page);
  });

  it('PSD reviews the emergency access and accepts it', async () => {
    const page = await signedIn('psd-head', '/staff/restricted-cases/psd/safeguarding');
    await expectNoAxeViolations(page);
    await clickAndWaitForNextPage(page, page.getByRole('link', { name: `Review ${caseId}` }));
    await expectNoAxeViolations(page);

    await page.getByLabel('Accept: the reason justified it').check();
    await page.getByLabel('Note of your review').fill('Children at risk; access was needed');
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Record the review' }));

    expect(await heading(page)).toBe('Safeguarding requests and reviews');
    expect(await page.locator('main').textContent()).not.toContain(`Review ${caseId}`);
    await expectNoAxeViolations(page);
  });

  it('an officer asking for access is told the same whatever the reference names, even when barred', async () => {
    const page = await signedIn('duty-inspector', '/staff/restricted-cases/safeguarding');
    await page.getByLabel('Case reference or crime number').fill('20/4411/26');
    await page.getByLabel('Safeguarding reason').fill('Planning a joint visit with children’s services');
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Continue' }));

    expect(await heading(page)).toBe('Request sent');
    await expectNoAxeViolations(page);
  });
});

describe('Safeguarding requests: PSD grants access for a limited time (APP "Access to records")', () => {
  it('PSD grants a neighbourhood inspector’s request for eight hours, and she can then open the case', async () => {
    const asking = await signedIn('inspector', '/staff/restricted-cases/safeguarding');
    await asking.getByLabel('Case reference or crime number').fill(caseId);
    await asking
      .getByLabel('Safeguarding reason')
      .fill('Neighbourhood team visiting the victim and children today');
    await clickAndWaitForNextPage(asking, asking.getByRole('button', { name: 'Continue' }));
    const psd = await signedIn('psd-investigator', '/staff/restricted-cases/psd/safeguarding');
    await clickAndWaitForNextPage(psd, psd.getByRole('link', { name: `Decide ${caseId}` }));
    await expectNoAxeViolations(psd);
    await psd.getByLabel('Grant access for a limited time').check();
    await psd.getByLabel('8 hours').check();
    await psd.getByLabel('Note of your decision').fill('Joint visit is today');
    await clickAndWaitForNextPage(psd, psd.getByRole('button', { name: 'Record the decision' }));

    const inspector = await signedIn('inspector', `/staff/restricted-cases/cases/${caseId}`);

    expect(await heading(inspector)).toBe(caseId);
    expect(await inspector.locator('.govuk-notification-banner').textContent()).toContain(
      'safeguarding access until',
    );
    await expectNoAxeViolations(inspector);
  });
});

describe('A member of staff who is a victim reports confidentially (PP/04 §7.1)', () => {
  it('reports, lands on their own report and logs a workplace incident', async () => {
    const page = await signedIn('contact-handler', '/staff/restricted-cases/report');
    await expectNoAxeViolations(page);
    await page.getByLabel('What has happened?').fill('My ex-partner phones the contact centre asking for me');
    await page
      .getByRole('group', { name: 'Does the person abusing you work for the force?' })
      .getByLabel('No', { exact: true })
      .check();
    await page
      .getByRole('group', { name: 'What support do you want?' })
      .getByLabel('My line manager')
      .check();
    await page.getByRole('group', { name: 'Confirm you have read this' }).getByRole('checkbox').check();
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Send my report' }));
    await expectNoAxeViolations(page);

    await page.getByLabel('Day').fill('2');
    await page.getByLabel('Month').fill('3');
    await page.getByLabel('Year').fill('2026');
    await page.getByLabel('Time').fill('09:15');
    await page.getByLabel('Phone call').check();
    await page
      .getByLabel('Describe what happened')
      .fill('Rang the switchboard three times and asked for my shift pattern');
    await page.getByLabel('Witnesses (optional)').fill('Switchboard supervisor');
    await clickAndWaitForNextPage(page, page.getByRole('button', { name: 'Add to the log' }));

    expect(await page.locator('#case-flags').textContent()).toContain('Staff victim: confidential');
    expect(await page.locator('main').textContent()).toContain('Rang the switchboard three times');
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/restricted-cases/mine`);
    await expectNoAxeViolations(page);
  });
});
