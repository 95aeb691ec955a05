import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../../support/browser.ts';

/**
 * The public online-report journey as a person uses it: labels and buttons, nothing else. With `axe`, every
 * page is checked against WCAG 2.2 AA before it is answered.
 */

export interface Person {
  readonly fullName: string;
  readonly dateOfBirth: readonly [string, string, string];
  readonly phone: string;
}

export interface ReportOptions {
  readonly description: string;
  readonly relationship?: string;
  readonly incidentDate: readonly [string, string, string];
  readonly axe?: boolean;
}

export class ReportJourney {
  constructor(
    readonly page: Page,
    readonly baseUrl: string,
    readonly axe = false,
  ) {}

  async check(): Promise<void> {
    if (this.axe) await expectNoAxeViolations(this.page);
  }

  async continue(): Promise<void> {
    await Promise.all([
      this.page.waitForLoadState('load'),
      this.page.getByRole('button', { name: 'Continue' }).click(),
    ]);
    await this.page.waitForLoadState('load');
  }

  async start(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/report`);
    await this.check();
    await this.page.getByRole('button', { name: 'Start now' }).click();
    await this.page.waitForURL(/\/report\/in-danger$/);
  }

  async choose(label: string): Promise<void> {
    await this.check();
    await this.page.getByLabel(label, { exact: true }).check();
    await this.continue();
  }

  async date(day: string, month: string, year: string): Promise<void> {
    await this.check();
    await this.page.getByLabel('Day').fill(day);
    await this.page.getByLabel('Month').fill(month);
    await this.page.getByLabel('Year').fill(year);
    await this.continue();
  }

  async type(label: string, text: string): Promise<void> {
    await this.check();
    await this.page.getByLabel(label, { exact: true }).fill(text);
    await this.continue();
  }

  async passEmergencyScreen(): Promise<void> {
    for (let question = 0; question < 4; question += 1) await this.choose('No');
  }

  /** From the start page to the confirmation; returns the reference shown. */
  async report(person: Person, options: ReportOptions): Promise<string> {
    await this.start();
    await this.passEmergencyScreen();
    await this.choose('Unwanted or abusive messages, calls or posts');
    await this.date(...options.incidentDate);
    await this.type('Where did it happen?', 'At home');
    await this.type('Tell us what happened', options.description);
    await this.choose('Yes');
    await this.type('Their full name', 'Jordan Example');
    await this.choose('18 or over');
    await this.choose(options.relationship ?? 'Ex-partner');
    await this.type('What is your name?', person.fullName);
    await this.date(...person.dateOfBirth);
    await this.check();
    await this.page.getByLabel('Phone', { exact: true }).check();
    await this.page.getByLabel('Phone number').fill(person.phone);
    await this.continue();
    await this.choose('At any time');
    await this.choose('No');
    await this.check();
    await this.continue();
    await this.page.waitForURL(/\/report\/check-your-answers$/);
    await this.check();
    await this.page.getByRole('button', { name: 'Send report' }).click();
    await this.page.waitForURL(/\/report\/confirmation$/);
    await this.check();
    return (await this.page.locator('.govuk-panel__body strong').textContent())?.trim() ?? '';
  }
}

/** Reloads a staff page until `text` appears on it: the queue works in the background. */
export const waitForText = async (
  page: Page,
  url: string,
  text: string,
  timeoutMs = 30_000,
): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.goto(url);
    if ((await page.content()).includes(text)) return;
    if (Date.now() > deadline) throw new Error(`"${text}" did not appear on ${url} within ${timeoutMs} ms`);
    await page.waitForTimeout(500);
  }
};

export const daysAgo = (days: number): [string, string, string] => {
  const date = new Date(Date.now() - days * 86_400_000);
  return [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())];
};
