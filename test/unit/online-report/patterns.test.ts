import { describe, expect, it } from 'vitest';
import {
  identityMaterialOf,
  normaliseEmail,
  normaliseName,
  normalisePhone,
} from '../../../services/online-report/domain/identity.ts';
import { describeAge, incidentListRows } from '../../../services/online-report/domain/incident-list.ts';
import {
  openFromScreening,
  raiseRepeatAlert,
  regrade,
} from '../../../services/online-report/domain/incident-log.ts';
import {
  countsTowardsSuspect,
  decideMatches,
  isPossibleSerialPerpetrator,
  leftToThisReport,
  type MatchCandidate,
  repeatMatches,
  victimCount,
  withinTwelveMonths,
} from '../../../services/online-report/domain/patterns.ts';
import {
  parseReference,
  referenceFrom,
  referencePattern,
} from '../../../services/online-report/domain/reference.ts';
import { screenForDomesticAbuse } from '../../../services/online-report/domain/screening.ts';
import { contactHandler, reportAnswers } from './fixtures.ts';

const earlier = (reportId: string, incidentDate: string, domesticAbuse = true) => ({
  reportId,
  reference: `OR-${reportId}`,
  incidentDate,
  domesticAbuse,
});

describe('Repeat victim: two or more domestic abuse incidents within twelve months (000 §3.4)', () => {
  const current = { reportId: 'now', incidentDate: '2026-03-20' };

  it.each([
    ['2025-03-20', true],
    ['2025-03-19', false],
    ['2026-03-01', true],
    ['2027-03-20', true],
    ['2027-03-21', false],
  ])('an earlier domestic incident on %s counts: %s', (date, expected) => {
    expect(repeatMatches(current, [earlier('a', date)]).length > 0).toBe(expected);
  });

  it('an incident that is not domestic abuse does not count', () => {
    expect(repeatMatches(current, [earlier('a', '2026-01-01', false)])).toEqual([]);
  });

  it('the report itself does not count', () => {
    expect(repeatMatches(current, [earlier('now', '2026-03-20')])).toEqual([]);
  });

  it('a report matched on several keys counts once', () => {
    expect(repeatMatches(current, [earlier('a', '2026-01-01'), earlier('a', '2026-01-01')])).toHaveLength(1);
  });

  it('twelve months across 29 February ends on 28 February', () => {
    expect([
      withinTwelveMonths('2023-02-28', '2024-02-29'),
      withinTwelveMonths('2023-02-27', '2024-02-29'),
    ]).toEqual([true, false]);
  });
});

describe('Serial perpetrator: reported by two or more victims (000 §3.5)', () => {
  it('two reports by one victim is one victim', () => {
    const reports = [
      { reportId: 'a', victimKey: 'v1', domesticAbuse: true },
      { reportId: 'b', victimKey: 'v1', domesticAbuse: true },
    ];
    expect([victimCount(reports), isPossibleSerialPerpetrator(reports)]).toEqual([1, false]);
  });

  it('two victims makes a possible serial perpetrator', () => {
    expect(
      isPossibleSerialPerpetrator([
        { reportId: 'a', victimKey: 'v1', domesticAbuse: true },
        { reportId: 'b', victimKey: 'v2', domesticAbuse: true },
      ]),
    ).toBe(true);
  });

  it('a report that is not domestic abuse does not count as a victim', () => {
    expect(
      victimCount([
        { reportId: 'a', victimKey: 'v1', domesticAbuse: true },
        { reportId: 'b', victimKey: 'v2', domesticAbuse: false },
      ]),
    ).toBe(1);
  });
});

const candidate = (reportId: string, overrides: Partial<MatchCandidate> = {}): MatchCandidate => ({
  ...earlier(reportId, '2026-03-01'),
  ...overrides,
});

const counted = (repeatOf: string[], suspectReports: string[] = []) => ({ repeatOf, suspectReports });

describe('Each pair of reports is counted by one of the two (000 §3.4, §3.5; §8.3.1: the duty sergeant told once)', () => {
  it('a report whose own decision already counted this one as a repeat is left to it', () => {
    const candidates = [candidate('a', { counted: counted(['now']) }), candidate('b')];
    expect(leftToThisReport('now', candidates, 'repeatOf').map((c) => c.reportId)).toEqual(['b']);
  });

  it('a report whose decision counted others, not this one, still counts', () => {
    const candidates = [candidate('a', { counted: counted(['c']) })];
    expect(leftToThisReport('now', candidates, 'repeatOf').map((c) => c.reportId)).toEqual(['a']);
  });

  it('counting towards a suspect is kept apart from counting as a repeat', () => {
    const candidates = [candidate('a', { counted: counted(['now'], []) })];
    expect(leftToThisReport('now', candidates, 'suspectReports').map((c) => c.reportId)).toEqual(['a']);
  });

  it('the report itself is never its own candidate', () => {
    expect(leftToThisReport('now', [candidate('now')], 'repeatOf')).toEqual([]);
  });
});

describe('A report counts towards a suspect’s victims only as domestic abuse with a known victim (000 §3.5)', () => {
  it.each([
    [{ domesticAbuse: true, victimKey: 'v1' }, true],
    [{ domesticAbuse: false, victimKey: 'v1' }, false],
    [{ domesticAbuse: true }, false],
  ])('%o counts: %s', (overrides, expected) => {
    expect(countsTowardsSuspect(candidate('a', overrides))).toBe(expected);
  });
});

describe('A report’s matches are decided once, as it is recorded (000 §3.4, §3.5)', () => {
  const report = { reportId: 'now', incidentDate: '2026-03-20', victimKey: 'v-now' };

  it('two reports that each see the other: only the one not yet counted is a repeat', () => {
    const first = decideMatches({ report, sameVictim: [candidate('other')], sameSuspect: [] });
    const second = decideMatches({
      report: { ...report, reportId: 'other' },
      sameVictim: [candidate('now', { counted: counted(['other']) })],
      sameSuspect: [],
    });
    expect([first.repeatOf.map((m) => m.reportId), second.repeatOf]).toEqual([['other'], []]);
  });

  it('the twelve-month window still applies to what is left (000 §3.4)', () => {
    const decision = decideMatches({
      report,
      sameVictim: [candidate('old', { incidentDate: '2025-03-19' }), candidate('recent')],
      sameSuspect: [],
    });
    expect(decision.repeatOf.map((m) => m.reportId)).toEqual(['recent']);
  });

  it('the suspect’s victims count this report’s victim once and each other victim once', () => {
    const decision = decideMatches({
      report,
      sameVictim: [],
      sameSuspect: [
        candidate('a', { victimKey: 'v1' }),
        candidate('b', { victimKey: 'v1' }),
        candidate('c', { victimKey: 'v-now' }),
        candidate('d', { victimKey: 'v2', domesticAbuse: false }),
      ],
    });
    expect([decision.suspectVictims, decision.suspectReports]).toEqual([2, ['a', 'b', 'c']]);
  });

  it('a suspect already counted with this report by the other report is not counted again', () => {
    const decision = decideMatches({
      report,
      sameVictim: [],
      sameSuspect: [candidate('a', { victimKey: 'v1', counted: counted([], ['now']) })],
    });
    expect([decision.suspectVictims, decision.suspectReports]).toEqual([1, []]);
  });
});

describe('Identity keys are built from normalised values (ARCHITECTURE "Data": keyed HMAC, never plain values)', () => {
  it('names match whatever the case, accents, punctuation and order', () => {
    expect(normaliseName("O'Néill,  Mary-Ann")).toBe(normaliseName('maryann oneill'));
  });

  it('UK phone numbers match in national and international form', () => {
    expect([
      normalisePhone('+44 (0)7700 900982'),
      normalisePhone('07700 900 982'),
      normalisePhone('0044 7700900982'),
    ]).toEqual(['07700900982', '07700900982', '07700900982']);
  });

  it('emails match whatever the case', () => {
    expect(normaliseEmail(' Sam@Example.COM ')).toBe('sam@example.com');
  });

  it('a suspect is matched only with a date of birth: a name alone matches too many people', () => {
    const answers = reportAnswers({
      suspect: { name: 'Alex Example', relationship: 'ex-partner', ageBand: '18-or-over' },
    });
    expect(identityMaterialOf(answers).map((m) => `${m.role}:${m.kind}`)).toEqual([
      'victim:name-dob',
      'victim:email',
    ]);
  });
});

describe('Reference codes say nothing about the case', () => {
  it('have the OR-XXXX-XXXX form from random bytes', () => {
    expect(referenceFrom(new Uint8Array([0, 1, 2, 3, 31, 32, 63, 255]))).toBe('OR-0123-Z0ZZ');
  });

  it('use no I, L, O or U', () => {
    const reference = referenceFrom(new Uint8Array(Array.from({ length: 8 }, (_, i) => i * 37)));
    expect([referencePattern.test(reference), /[ILOU]/.test(reference.slice(3))]).toEqual([true, false]);
  });

  it('are read back forgivingly when typed', () => {
    expect(parseReference('or 0123 zzzz')).toBe('OR-0123-ZZZZ');
  });
});

describe('The Force Response incident list', () => {
  const screening = screenForDomesticAbuse({
    incidentDate: '2026-03-20',
    texts: [{ field: 'description', text: 'my ex' }],
  });
  const log = (id: string, submittedAt: string) =>
    openFromScreening({ reportId: id, reference: `OR-${id}`, submittedAt }, screening, new Date(submittedAt));
  const now = new Date('2026-03-23T12:00:00Z');

  it('shows the age since submission', () => {
    expect(incidentListRows([log('a', '2026-03-23T09:55:00Z')], now)[0]?.age).toBe('2 hours 5 minutes');
  });

  it('puts repeats awaiting the duty sergeant first, then P1 before P2, then the longest waiting', () => {
    const rows = incidentListRows(
      [
        log('p2-old', '2026-03-23T08:00:00Z'),
        regrade(log('p1', '2026-03-23T11:00:00Z'), { grade: 'P1', reason: 'x' }, contactHandler, now),
        raiseRepeatAlert(log('repeat', '2026-03-23T11:30:00Z'), ['OR-X'], now),
        log('p2-new', '2026-03-23T11:50:00Z'),
      ],
      now,
    );
    expect(rows.map((row) => row.reportId)).toEqual(['repeat', 'p1', 'p2-old', 'p2-new']);
  });

  it.each([
    ['2026-03-23T11:59:30Z', 'less than a minute'],
    ['2026-03-23T11:59:00Z', '1 minute'],
    ['2026-03-23T11:00:00Z', '1 hour'],
    ['2026-03-21T10:00:00Z', '2 days 2 hours'],
  ])('age since %s reads "%s"', (since, expected) => {
    expect(describeAge(since, now)).toBe(expected);
  });
});
