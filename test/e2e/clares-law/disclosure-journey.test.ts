import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import {
  answerOffSiteRequestsLocally,
  closePage,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  offSiteStandInTitle,
  signInAs,
} from '../../support/browser.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { downloadSignedPdf } from '../platform/support.ts';

let runtime: LocalRuntime;
let browser: Browser;
const pages: Page[] = [];
const downloads = mkdtempSync(join(tmpdir(), 'clares-law-e2e-'));

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

const open = async (javaScriptEnabled = true): Promise<Page> => {
  const page = await newPage(browser, { javaScriptEnabled });
  pages.push(page);
  return page;
};

const signedIn = async (person: string, path: string): Promise<Page> => {
  const page = await open();
  await signInAs(page, runtime.url, person, { returnTo: path });
  return page;
};

const textOf = async (locator: Locator): Promise<string> => {
  await locator.first().waitFor();
  return ((await locator.first().textContent()) ?? '').replace(/\s+/g, ' ').trim();
};

const london = (at: Date) => {
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
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return {
    day: parts.day ?? '',
    month: parts.month ?? '',
    year: parts.year ?? '',
    time: `${parts.hour}:${parts.minute}`,
  };
};

const fillWhen = async (page: Page, prefix: string, at: Date) => {
  const when = london(at);
  await page.fill(`#${prefix}-day`, when.day);
  await page.fill(`#${prefix}-month`, when.month);
  await page.fill(`#${prefix}-year`, when.year);
  await page.fill(`#${prefix}Time`, when.time);
};

const continueButton = (page: Page) => page.getByRole('button', { name: 'Continue' });

/** The online application, page by page; with `checkEachPage` every page (and one error) is checked with axe. */
const applyOnline = async (page: Page, subjectName: string, checkEachPage: boolean): Promise<string> => {
  const check = async () => {
    if (checkEachPage) await expectNoAxeViolations(page);
  };
  await page.goto(`${runtime.url}/clares-law`);
  expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('Clare’s Law');
  expect(await page.locator('.govuk-exit-this-page').count()).toBe(1);
  await check();
  await page.getByRole('button', { name: 'Start now' }).click();

  expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Are you in danger now?');
  await check();
  await continueButton(page).click();
  expect(await textOf(page.locator('.govuk-error-summary'))).toContain('Select yes if you are in danger now');
  await check();
  await page.check('input[name="inDanger"][value="no"]');
  await continueButton(page).click();

  await page.check('input[name="forWhom"][value="myself"]');
  await check();
  await continueButton(page).click();

  await page.fill('#applicantName', 'Alex Example');
  await page.fill('#applicantDob-day', '27');
  await page.fill('#applicantDob-month', '3');
  await page.fill('#applicantDob-year', '1990');
  await page.fill('#applicantAddress', '1 Test Street, Anytown, AN1 1AA');
  await check();
  await continueButton(page).click();

  await page.check('input[name="childrenAffected"][value="no"]');
  await check();
  await continueButton(page).click();

  await page.fill('#subjectName', subjectName);
  await page.fill('#subjectAge', '38');
  await check();
  await continueButton(page).click();

  await page.check('input[name="subjectRelationship"][value="partner"]');
  await page.fill('#howYouKnowThem', 'We met a year ago and live together now.');
  await check();
  await continueButton(page).click();

  await page.check('input[name="concernKinds"][value="coercive-control"]');
  await page.check('input[name="concernKinds"][value="threats"]');
  await page.fill('#whyAsking', 'He checks my phone and says I will regret leaving.');
  await check();
  await continueButton(page).click();

  await page.check('input[name="contactMethods"][value="phone"]');
  await page.fill('#contactPhone', '07700 900982');
  await page.check('input[name="contactMethods"][value="in-person"]');
  await page.fill('#contactStation', 'Anytown');
  await check();
  await continueButton(page).click();

  for (const period of ['weekday-morning', 'weekday-afternoon', 'weekend-morning', 'weekend-afternoon']) {
    await page.check(`input[name="safeTimes"][value="${period}"]`);
  }
  await page.check('input[name="unsafeTimes"][value="weekday-evening"]');
  await page.check('input[name="mayLeaveMessage"][value="no"]');
  await page.fill('#safeWord', 'Bluebell');
  await check();
  await continueButton(page).click();

  await page.check('input[name="consentToShare"][value="yes"]');
  await check();
  await continueButton(page).click();

  expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Check your answers before applying');
  expect(await page.locator('main').textContent()).toContain(subjectName);
  await check();
  await page.getByRole('button', { name: 'Accept and send' }).click();

  expect(await textOf(page.locator('.govuk-panel__title'))).toBe('Application sent');
  const body = (await page.locator('main').textContent()) ?? '';
  expect(body).toContain('0808 2000 247');
  expect(body).not.toMatch(/known to the police|has a record|no record/i);
  await check();
  const reference = /DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(body)?.[0];
  if (!reference) throw new Error('No reference on the confirmation page');
  return reference;
};

/** Opens a step from the case page, fills it, submits it, and checks we are back on the case. */
const recordStep = async (page: Page, linkText: string, fill: () => Promise<void>, submit: string) => {
  // The stage's own steps are shown as buttons, the others as links: either is a link underneath.
  const link = page
    .getByRole('button', { name: linkText, exact: true })
    .or(page.getByRole('link', { name: linkText, exact: true }));
  if ((await link.count()) === 0) {
    throw new Error(
      `No "${linkText}" on ${page.url()}: ${(await page.locator('main').textContent())?.replace(/\s+/g, ' ').slice(0, 1500)}`,
    );
  }
  await link.first().click();
  await expectNoAxeViolations(page);
  await fill();
  await page.getByRole('button', { name: submit }).click();
  if ((await page.locator('.govuk-error-summary').count()) > 0) {
    throw new Error(`"${linkText}" refused: ${await textOf(page.locator('.govuk-error-summary'))}`);
  }
  await page.locator('h1 .app-reference').waitFor();
};

let reference = '';
let overdueCase = '';

describe('Clare’s Law in a real browser', () => {
  it('the emergency answer stops the journey at 999 with nothing stored', async () => {
    const page = await open();
    await page.goto(`${runtime.url}/clares-law/apply/in-danger`);
    await page.check('input[name="inDanger"][value="yes"]');
    await continueButton(page).click();
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Call 999 now');
    expect(await page.locator('main').textContent()).toContain('18000');
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/clares-law/apply/your-details`);
    expect(new URL(page.url()).pathname).toBe('/clares-law');
  });

  it('a member of the public applies online and gets a reference and safety advice', async () => {
    const page = await open();
    reference = await applyOnline(page, 'Zoë Subject-Ñúñez', true);
    await page.reload();
    expect(/DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec((await page.locator('main').textContent()) ?? '')?.[0]).toBe(
      reference,
    );
  });

  it('Exit this page on the confirmation leaves for a neutral site and the reference is gone', async () => {
    const page = await open();
    const offSite = await answerOffSiteRequestsLocally(page);
    await applyOnline(page, 'Robin Exit', false);
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });

    await Promise.all([
      page.waitForURL((url) => url.origin !== runtime.url),
      (async () => {
        for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift');
      })(),
    ]);
    const title = await page.title();
    await page.goto(`${runtime.url}/clares-law/confirmation`);

    expect([offSite[0], title, new URL(page.url()).pathname]).toEqual([
      'https://www.bbc.co.uk/weather',
      offSiteStandInTitle,
      '/clares-law',
    ]);
  });

  it('the application works with JavaScript switched off', async () => {
    const page = await open(false);
    const other = await applyOnline(page, 'Jordan NoScript', false);
    expect(other).toMatch(/^DVDS-/);
  });

  it('a PPU officer runs the case through every stage to a disclosure with a signed record pdfsig calls valid', async () => {
    const page = await signedIn('ppu-officer', '/staff/clares-law');
    await expectNoAxeViolations(page);
    await page.fill('#reference', reference);
    await page.getByRole('button', { name: 'Find case' }).click();
    expect(await textOf(page.locator('h1 .app-reference'))).toBe(reference);
    await expectNoAxeViolations(page);

    await recordStep(page, 'Take ownership', async () => undefined, 'Take ownership');
    for (const kind of ['pnc', 'pnd', 'local-intelligence'] as const) {
      await recordStep(
        page,
        'Record an initial check',
        async () => {
          await page.check(`input[name="kind"][value="${kind}"]`);
          if (kind === 'pnc') await page.check('input[name="visorMarker"][value="no"]');
          await page.check(`input[name="result"][value="${kind === 'pnc' ? 'trace' : 'no-trace'}"]`);
          await page.fill(
            '#summary',
            kind === 'pnc' ? 'Two convictions for assault on former partners' : 'No trace',
          );
        },
        'Record check',
      );
    }
    await recordStep(
      page,
      'Decide whether to progress',
      async () => {
        await page.check('input[name="progress"][value="yes"]');
        await page.check('input[name="immediateRisk"][value="no"]');
        await page.fill('#rationale', 'Convictions for violence against partners found');
      },
      'Record decision',
    );
    await recordStep(
      page,
      'Record the face-to-face meeting',
      async () => {
        await page.fill('#place', 'Anytown police station');
        await page.check('input[name="identityDocuments"][value="passport"]');
        await page.check('input[name="identityDocuments"][value="utility-bill"]');
        await page.check('input[name="preliminaryWarningsGiven"][value="yes"]');
        await page.check('input[name="requestMalicious"][value="no"]');
        await page.fill('#maliceAssessment', 'Consistent account; genuine concern');
        await page.check('input[name="confidentialityUndertakingExplained"][value="yes"]');
        await page.check('input[name="informationPackGiven"][value="yes"]');
      },
      'Record meeting',
    );
    await recordStep(
      page,
      'Record the full risk assessment',
      async () => {
        await page.check('input[name="level"][value="medium"]');
        await page.fill('#summary', 'Nine ticks on DASH');
      },
      'Record risk assessment',
    );
    await recordStep(
      page,
      "Categorise as 'concern' or 'no concern'",
      async () => {
        await page.check('input[name="category"][value="concern"]');
        await page.check('input[name="concernFactors"][value="unspent-convictions"]');
        await page.fill('#rationale', 'Unspent convictions for violence against former partners');
      },
      'Record and refer to the forum',
    );

    // A decision without rationale is refused, beside the field.
    await page.getByRole('button', { name: "Record the forum's decision" }).click();
    await page.check('input[name="forum"][value="marac"]');
    await page.check('input[name="decision"][value="disclose"]');
    await page.getByRole('button', { name: 'Record decision' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'a decision without rationale cannot be recorded',
    );
    await expectNoAxeViolations(page);
    await page.fill('#decisionReference', 'MARAC-E2E-1');
    for (const agency of ['police', 'probation', 'idva'])
      await page.check(`input[name="agencies"][value="${agency}"]`);
    await page.check('input[name="category"][value="concern"]');
    await page.fill('#rationale', 'Pressing need to protect the applicant from a serial perpetrator');
    await page.check('input[name="representationsSought"][value="no"]');
    await page.fill('#representationsReason', 'Seeking representations would alert the subject');
    for (const test of ['necessary', 'pressingNeed', 'proportionate'])
      await page.check(`input[name="${test}"][value="yes"]`);
    await page.fill('#what', 'The subject has two convictions for assault on former partners.');
    await page.fill('#recipientName', 'Alex Example');
    await page.check('input[name="recipientRole"][value="applicant"]');
    await page.fill('#recipientRelationship', 'Partner of the subject');
    await fillWhen(page, 'plannedFor', new Date(Date.now() + 3_600_000));
    await page.fill('#disclosurePlace', 'Anytown police station');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await page.locator('h1 .app-reference').waitFor();

    await recordStep(
      page,
      'Record the disclosure',
      async () => {
        await page.fill('#place', 'Anytown police station');
        await page.check('input[name="recipientToldOfConditions"][value="yes"]');
        await page.check('input[name="undertaking"][value="signed"]');
        await page.fill(
          '#verbatim',
          'The person you asked about has two convictions\nfor assault on former partners.',
        );
        await page.check('input[name="informationPackGiven"][value="yes"]');
      },
      'Record disclosure',
    );

    await downloadSignedPdf(page, {
      runtimeUrl: runtime.url,
      linkName: 'Download the signed disclosure record (PDF)',
      downloads,
      fileName: 'disclosure-record.pdf',
    });

    await recordStep(
      page,
      'Submit the final intelligence record and close',
      async () => {
        await page.fill('#reference', 'INT-E2E-1');
        await page.fill('#summary', 'Right to ask; disclosed in person to the applicant; parties recorded.');
      },
      'Record and close the case',
    );
    expect(await textOf(page.locator('main .govuk-tag').first())).toBe('Closed');
    expect(await page.locator('main').textContent()).toContain('Done in time');
    await expectNoAxeViolations(page);
  });

  it('an overdue case raises its notifications to the owner’s unit and the supervisors', async () => {
    const page = await signedIn('ppu-officer', '/staff/clares-law/new');
    await expectNoAxeViolations(page);
    await page.check('input[name="channel"][value="phone"]');
    await fillWhen(page, 'contactAt', new Date(Date.now() - 21 * 24 * 3_600_000));
    await page.check('input[name="forWhom"][value="someone-else"]');
    await page.check('input[name="relationshipToPersonAtRisk"][value="family"]');
    await page.fill('#applicantName', 'Morgan Caller');
    await page.fill('#applicantDob-day', '2');
    await page.fill('#applicantDob-month', '2');
    await page.fill('#applicantDob-year', '1970');
    await page.fill('#applicantAddress', '5 Phone Lane, Anytown');
    await page.fill('#personAtRiskName', 'Riley Daughter');
    await page.fill('#personAtRiskAge', '24');
    await page.check('input[name="childrenAffected"][value="no"]');
    await page.fill('#subjectName', 'Casey Overdue');
    await page.fill('#subjectAge', '30');
    await page.check('input[name="subjectRelationship"][value="partner"]');
    await page.fill('#howYouKnowThem', 'My daughter’s boyfriend');
    await page.check('input[name="concernKinds"][value="assault"]');
    await page.fill('#whyAsking', 'She had bruises last week.');
    await page.check('input[name="contactMethods"][value="phone"]');
    await page.fill('#contactPhone', '07700 900123');
    await page.check('input[name="safeTimes"][value="weekday-morning"]');
    await page.check('input[name="mayLeaveMessage"][value="yes"]');
    await page.check('input[name="consentToShare"][value="yes"]');
    await page.getByRole('button', { name: 'Record application' }).click();
    const overdueReference = await textOf(page.locator('h1 .app-reference'));
    overdueCase = overdueReference;
    expect(await page.locator('main').textContent()).toContain('Overdue');
    await expectNoAxeViolations(page);

    await runtime.schedules.trigger('clares-law', 'sweep-case-clocks');
    await runtime.schedules.trigger('clares-law', 'sweep-case-clocks');

    const sergeant = await signedIn('ppu-sergeant', '/staff/notifications');
    const inbox = sergeant.locator('main');
    for (let attempt = 0; attempt < 40; attempt++) {
      if (
        ((await inbox.textContent()) ?? '').includes(`Overdue on disclosure scheme case ${overdueReference}`)
      )
        break;
      await sergeant.waitForTimeout(500);
      await sergeant.reload();
    }
    const text = (await inbox.textContent()) ?? '';
    expect(text).toContain(`Overdue on disclosure scheme case ${overdueReference}: Initial checks`);
    expect(text).toContain(`Overdue on disclosure scheme case ${overdueReference}: Face-to-face meeting`);
    const checksAlert = sergeant.locator('li[data-notification-id]', {
      has: sergeant.getByRole('link', {
        name: new RegExp(`^Overdue on disclosure scheme case ${overdueReference}: Initial checks`),
      }),
    });
    // Once to the unit (the case has no owner yet) and once to the supervisors, though the sweep ran twice.
    expect(await checksAlert.count()).toBe(2);
    expect(await checksAlert.allTextContents()).toEqual([
      expect.stringMatching(/Sent to (Public Protection Unit|PPU supervisors)/),
      expect.stringMatching(/Sent to (Public Protection Unit|PPU supervisors)/),
    ]);
    await expectNoAxeViolations(sergeant);

    await sergeant.goto(`${runtime.url}/staff/clares-law`);
    expect(await sergeant.locator('main').textContent()).toContain(overdueReference);
    await expectNoAxeViolations(sergeant);
  });

  it('the figures, the right-to-know form and a refusal by role pass axe', async () => {
    const page = await signedIn('ppu-officer', '/staff/clares-law/figures');
    expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe('Disclosure scheme figures');
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/clares-law/right-to-know/new`);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Raise case for authorisation' }).click();
    expect(await textOf(page.locator('.govuk-error-summary'))).toContain(
      'Select where the information came from',
    );
    await expectNoAxeViolations(page);

    const inspector = await signedIn('duty-inspector', `/staff/clares-law/cases/${reference}/record-check`);
    expect(await textOf(inspector.getByRole('heading', { level: 1 }))).toBe('You cannot record this step');
    await expectNoAxeViolations(inspector);
  });
  it('every step form passes axe, and an inspector records immediate risk and fast-tracks the case', async () => {
    const sergeant = await signedIn('ppu-sergeant', `/staff/clares-law/cases/${overdueCase}`);
    for (const action of [
      'record-check',
      'decide-progression',
      'withdraw',
      'log-contact-attempt',
      'take-ownership',
    ]) {
      await sergeant.goto(`${runtime.url}/staff/clares-law/cases/${overdueCase}/${action}`);
      expect(await sergeant.locator('form[method="post"] button').count()).toBeGreaterThan(0);
      await expectNoAxeViolations(sergeant);
    }

    const inspector = await signedIn('duty-inspector', `/staff/clares-law/cases/${overdueCase}`);
    await expectNoAxeViolations(inspector);
    await recordStep(
      inspector,
      'Record an immediate risk',
      async () =>
        inspector.fill('#description', 'The subject has threatened to come to the address tonight.'),
      'Record and notify now',
    );
    expect(await textOf(inspector.locator('.govuk-notification-banner'))).toContain(
      'Immediate risk recorded',
    );
    await inspector.goto(
      `${runtime.url}/staff/clares-law/cases/${overdueCase}/record-exceptional-circumstances`,
    );
    await expectNoAxeViolations(inspector);
    await inspector.goto(`${runtime.url}/staff/clares-law/cases/${overdueCase}`);
    await recordStep(
      inspector,
      'Fast-track to a decision',
      async () => inspector.fill('#reason', 'Immediate risk: decision needed tonight.'),
      'Fast-track',
    );
    expect(await inspector.locator('main').textContent()).toContain('Decision-making forum');
    await inspector.goto(`${runtime.url}/staff/clares-law/cases/${overdueCase}/record-forum-decision`);
    expect(await inspector.locator('input[name="forum"][value="urgent-inspector-decision"]').count()).toBe(1);
    await expectNoAxeViolations(inspector);
  });

  it('a right-to-know case waits for an inspector, who authorises it to proceed', async () => {
    const page = await signedIn('ppu-officer', '/staff/clares-law/right-to-know/new');
    await page.check('input[name="source"][value="partner-agency"]');
    await fillWhen(page, 'receivedAt', new Date(Date.now() - 3_600_000));
    await page.fill('#summary', 'Probation report the subject assaulted two previous partners.');
    await page.fill('#personAtRiskName', 'Pat Potential');
    await page.fill('#personAtRiskAge', '29');
    await page.check('input[name="childrenAffected"][value="yes"]');
    await page.fill('#childrenDetails', 'One child, aged 3');
    await page.fill('#subjectName', 'Drew Subject');
    await page.fill('#subjectAge', '35');
    await page.check('input[name="subjectRelationship"][value="partner"]');
    await page.check('input[name="safeContactKnown"][value="no"]');
    await page.getByRole('button', { name: 'Raise case for authorisation' }).click();
    const rtk = await textOf(page.locator('h1 .app-reference'));
    expect(await page.locator('main').textContent()).toContain('Awaiting inspector authorisation');
    expect(await page.getByRole('link', { name: 'Authorise or decline the right to know' }).count()).toBe(0);

    const inspector = await signedIn('duty-inspector', `/staff/clares-law/cases/${rtk}`);
    await recordStep(
      inspector,
      'Authorise or decline the right to know',
      async () => {
        await inspector.check('input[name="authorised"][value="yes"]');
        await inspector.fill('#rationale', 'Credible information of risk from a serial perpetrator.');
      },
      'Record decision',
    );
    expect(await textOf(inspector.locator('main .govuk-tag').first())).toBe('Initial checks');
    await expectNoAxeViolations(inspector);
  });
});
