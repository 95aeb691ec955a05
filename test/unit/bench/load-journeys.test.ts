import { describe, expect, it } from 'vitest';
import { claresLawJourney } from '../../../bench/load/clares-law-journey.ts';
import { answersOf, dateFields, type Journey, lettersOf, personOf } from '../../../bench/load/journey.ts';
import { loadJourneys } from '../../../bench/load/journeys.ts';
import { reportJourney } from '../../../bench/load/report-journey.ts';

const today = new Date('2026-03-14T10:30:00Z');

/** Each answer must lead to the page the journey shows next, as a browser follows the redirect. */
const redirectsLeadToTheNextPage = (journey: Journey): boolean =>
  journey.steps.every((step, index) => {
    if (step.method !== 'POST') return true;
    const next = journey.steps[index + 1];
    return next?.method === 'GET' && next.path === step.expect.location;
  });

describe('Load journeys: walked as a browser walks them, each person different', () => {
  it('public report: every answer redirects to the page the journey shows next', () => {
    expect(redirectsLeadToTheNextPage(reportJourney(today))).toBe(true);
  });

  it("Clare's Law: every answer redirects to the page the journey shows next", () => {
    expect(redirectsLeadToTheNextPage(claresLawJourney())).toBe(true);
  });

  it('both journeys end with the form sent and the confirmation shown', () => {
    const ends = [reportJourney(today), claresLawJourney()].map((journey) =>
      journey.steps.slice(-2).map((step) => `${step.kind} ${step.method} ${step.path}`),
    );

    expect(ends).toEqual([
      ['submit POST /report/check-your-answers', 'page GET /report/confirmation'],
      ['submit POST /clares-law/submit', 'page GET /clares-law/confirmation'],
    ]);
  });

  it('the load driver knows both journeys by name', () => {
    expect(Object.keys(loadJourneys).sort()).toEqual(['clares-law', 'report']);
  });

  it('the incident reported happened three days before the run, so it is never in the future', () => {
    const when = reportJourney(today).steps.find(
      (step) => step.method === 'POST' && step.path === '/report/when',
    );

    expect(when?.fields?.(personOf(0))).toEqual({
      'incidentDate-day': '11',
      'incidentDate-month': '3',
      'incidentDate-year': '2026',
    });
  });

  it('tags are letters only, start with a capital and differ for every person', () => {
    const tags = Array.from({ length: 5000 }, (_, serial) => lettersOf(serial));

    expect(new Set(tags).size).toBe(5000);
    expect(tags.every((tag) => /^[A-Z][a-z]{3,}$/.test(tag))).toBe(true);
  });

  it('two people never report the same name', () => {
    const names = [0, 1, 26, 27].map(
      (serial) => answersOf(reportJourney(today), personOf(serial))['your-name']?.fullName,
    );

    expect(new Set(names).size).toBe(4);
  });

  it("a journey's answers are kept page by page, the emergency questions answered no", () => {
    const answers = answersOf(reportJourney(today), personOf(0));

    expect(answers['in-danger']).toEqual({ inDanger: 'no' });
    expect(answers['contact-methods']).toEqual({ contactMethods: ['email'], email: 'sam.aaaa@example.com' });
    expect(Object.keys(answers)).toHaveLength(18);
  });

  it('a date posts as the GOV.UK date input does: day, month and year without leading zeros', () => {
    expect(dateFields('dateOfBirth', new Date(Date.UTC(1990, 2, 7)))).toEqual({
      'dateOfBirth-day': '7',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1990',
    });
  });
});
