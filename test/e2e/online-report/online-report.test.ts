import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
import { daysAgo, type Person, ReportJourney, waitForText } from './report-journey.ts';

let runtime: LocalRuntime;
let browser: Browser;
const pages: Page[] = [];

beforeAll(async () => {
  runtime = await startTestRuntime();
  browser = await launchBrowser();
});

afterEach(async () => {
  for (const page of pages.splice(0)) await closePage(page);
});

afterAll(async () => {
  await browser?.close();
  await runtime?.stop();
});

const open = async (options: { javaScriptEnabled?: boolean } = {}): Promise<Page> => {
  const page = await newPage(browser, options);
  pages.push(page);
  return page;
};

const person = (): Person => ({
  fullName: `Sam ${randomUUID().slice(0, 8)} Example`,
  dateOfBirth: ['4', '11', '1990'],
  phone: '07700 900982',
});

const journeyCookiePresent = async (page: Page): Promise<boolean> =>
  (await page.context().cookies()).some((cookie) => cookie.name === '__Host-report-journey');

describe('(a) An emergency answer ends on the stop page and stores nothing (000 §8.3.1)', () => {
  it('answering yes to "Is anyone injured?" shows what to do now and keeps no journey', async () => {
    const page = await open();
    const journey = new ReportJourney(page, runtime.url);
    await journey.start();
    await journey.choose('No');
    await journey.choose('No');
    await journey.choose('No');
    await journey.choose('Yes');
    expect([
      new URL(page.url()).pathname,
      await page.getByRole('heading', { level: 1 }).textContent(),
      (await page.content()).includes('18000'),
      (await page.content()).includes('emergencySMS'),
      await journeyCookiePresent(page),
    ]).toEqual(['/report/emergency', 'Call 999 now', true, true, false]);
  });
});

describe('(b) A violent offence is diverted (000 §8.3.1)', () => {
  it('someone hurt or attacked is sent to 101, with nothing kept', async () => {
    const page = await open();
    const journey = new ReportJourney(page, runtime.url);
    await journey.start();
    await journey.passEmergencyScreen();
    await journey.choose('Someone was hurt, attacked or threatened with violence');
    expect([
      new URL(page.url()).pathname,
      await page.getByRole('heading', { level: 1 }).textContent(),
      await journeyCookiePresent(page),
    ]).toEqual(['/report/call-101', 'Call 101 to report this', false]);
  });
});

describe('(c)(d) Domestic abuse disclosed online: a graded log, a dispatch, and a repeat to the duty sergeant (000 §8.3.1)', () => {
  const victim = person();
  let firstReference = '';

  it('(c) a report of abuse by an ex-partner becomes a DA-marked P1/P2 log with a dispatch request', async () => {
    const page = await open();
    firstReference = await new ReportJourney(page, runtime.url).report(victim, {
      description: 'My ex-partner keeps sending me messages and checks my phone when he visits the children.',
      incidentDate: daysAgo(40),
    });
    const staffPage = await open();
    await signInAs(staffPage, runtime.url, 'contact-handler', { returnTo: '/staff/incidents' });
    await waitForText(staffPage, `${runtime.url}/staff/incidents`, firstReference);
    await staffPage.getByRole('link', { name: firstReference }).click();
    await waitForText(staffPage, staffPage.url(), 'Dispatch requested');
    const html = await staffPage.content();
    expect([
      /P[12] (emergency|priority)/.test(html),
      html.includes('Domestic abuse: found by the screen'),
      html.includes('Controlling or coercive behaviour'),
      html.includes('Dispatch requested'),
    ]).toEqual([true, true, true, true]);
  });

  it('(d) a second such report by the same person within a year alerts the duty sergeant', async () => {
    const page = await open();
    const secondReference = await new ReportJourney(page, runtime.url).report(victim, {
      description: 'My ex came to my door again last night shouting.',
      incidentDate: daysAgo(1),
    });
    const sergeant = await open();
    await signInAs(sergeant, runtime.url, 'sergeant', { returnTo: '/staff/incidents' });
    await waitForText(sergeant, `${runtime.url}/staff/incidents`, 'Repeat: unacknowledged');
    await waitForText(
      sergeant,
      `${runtime.url}/staff/notifications`,
      `Repeat domestic abuse incident ${secondReference}`,
    );
    const inbox = await sergeant.content();
    await sergeant
      .getByRole('link', { name: `Repeat domestic abuse incident ${secondReference} to supervise` })
      .click();
    const logPage = await sergeant.content();
    await sergeant.getByLabel('How will you supervise it?').fill('Attending with the response officer');
    await sergeant.getByRole('button', { name: 'Acknowledge repeat' }).click();
    await sergeant.waitForLoadState('load');
    await sergeant.goto(`${runtime.url}/staff/incidents`);
    const list = await sergeant.content();
    expect([
      inbox.includes('Needs acknowledging'),
      logPage.includes(firstReference),
      list.includes(secondReference),
      list.includes('Repeat: unacknowledged'),
    ]).toEqual([true, true, true, false]);
  });
});

describe('(e) Every page passes axe with 0 violations and works with JavaScript off (WCAG 2.2 AA, PSBAR 2018)', () => {
  it('every public page of a whole journey has no violations', async () => {
    const page = await open();
    const reference = await new ReportJourney(page, runtime.url, true).report(person(), {
      description: 'Someone scratched my car.',
      relationship: 'Neighbour',
      incidentDate: daysAgo(3),
    });
    expect(reference).toMatch(/^OR-/);
  });

  it.each(['/report/emergency', '/report/call-999', '/report/call-101'])(
    '%s has no violations',
    async (path) => {
      const page = await open();
      await page.goto(`${runtime.url}${path}`);
      await expectNoAxeViolations(page);
    },
  );

  it('a question shown again with its errors has no violations', async () => {
    const page = await open();
    const journey = new ReportJourney(page, runtime.url);
    await journey.start();
    await journey.continue();
    expect(await page.title()).toMatch(/^Error: /);
    await expectNoAxeViolations(page);
  });

  it('the staff queue, incident list and report page have no violations', async () => {
    const page = await open();
    await signInAs(page, runtime.url, 'sergeant', { returnTo: '/staff/online-reports' });
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/incidents`);
    await expectNoAxeViolations(page);
    await page.goto(`${runtime.url}/staff/online-reports`);
    await page.locator('table a').first().click();
    await page.waitForLoadState('load');
    await expectNoAxeViolations(page);
  });

  it('with JavaScript off a whole report can be made and sent', async () => {
    const page = await open({ javaScriptEnabled: false });
    const reference = await new ReportJourney(page, runtime.url).report(person(), {
      description: 'My shed was broken into.',
      relationship: 'Neighbour',
      incidentDate: daysAgo(2),
    });
    expect(reference).toMatch(/^OR-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
  });
});

describe('(f) Exit this page: Shift pressed three times leaves the site and forgets the journey', () => {
  it('leaves for the neutral site, and the journey is gone', async () => {
    const page = await open();
    const offSite = await answerOffSiteRequestsLocally(page);
    const journey = new ReportJourney(page, runtime.url);
    await journey.start();
    await journey.choose('No');
    await page.locator('.govuk-exit-this-page__indicator').waitFor({ state: 'attached' });
    await Promise.all([
      page.waitForURL((url) => url.origin !== runtime.url),
      (async () => {
        for (let press = 0; press < 3; press += 1) await page.keyboard.press('Shift');
      })(),
    ]);
    const title = await page.title();
    await page.goto(`${runtime.url}/report/happening-now`);
    expect([offSite[0], title, new URL(page.url()).pathname]).toEqual([
      'https://www.bbc.co.uk/weather',
      offSiteStandInTitle,
      '/report/in-danger',
    ]);
  });
});
