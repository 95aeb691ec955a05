import { describe, expect, it } from 'vitest';
import { indicatorPhrases } from '../../../services/online-report/domain/indicator-phrases.ts';
import {
  containsPhrase,
  type ScreeningInput,
  screenForDomesticAbuse,
  wordsOf,
} from '../../../services/online-report/domain/screening.ts';
import type { Relationship } from '../../../services/online-report/domain/vocabulary.ts';

const base: ScreeningInput = {
  incidentDate: '2026-03-20',
  reporterDateOfBirth: '1990-11-04',
  texts: [{ field: 'description', text: 'My bike was taken from the shed.' }],
};

const screen = (overrides: Partial<ScreeningInput> = {}) => screenForDomesticAbuse({ ...base, ...overrides });
const withText = (text: string) => screen({ texts: [{ field: 'description', text }] });

describe('Domestic abuse: relationship and both 16 or over (000 §3.1; Domestic Abuse Act 2021 ss.1-2)', () => {
  it.each<[Relationship, boolean]>([
    ['partner', true],
    ['ex-partner', true],
    ['parent-of-child', true],
    ['family-member', true],
    ['other-relative', true],
    ['lives-with', false],
    ['friend', false],
    ['neighbour', false],
    ['work', false],
    ['other', false],
  ])('%s, both adults: apparent %s', (relationship, apparent) => {
    expect(screen({ relationship, suspectAgeBand: '18-or-over' }).apparent).toBe(apparent);
  });

  it('the relationship that triggered it is explained', () => {
    expect(screen({ relationship: 'ex-partner', suspectAgeBand: '18-or-over' }).triggers).toEqual([
      {
        kind: 'relationship',
        relationship: 'ex-partner',
        explanation:
          'The person who did it is their ex-partner, both 16 or over (000 §3.1; Domestic Abuse Act 2021 ss.1-2)',
      },
    ]);
  });

  it('a reporter aged 16 on the day it happened is within the definition', () => {
    expect(
      screen({ relationship: 'partner', reporterDateOfBirth: '2010-03-20', suspectAgeBand: '16-17' })
        .apparent,
    ).toBe(true);
  });

  it('a reporter one day short of 16 is outside it, and flagged as a child to safeguard', () => {
    const result = screen({
      relationship: 'family-member',
      reporterDateOfBirth: '2010-03-21',
      suspectAgeBand: '18-or-over',
    });
    expect([result.apparent, result.childSafeguarding]).toEqual([false, true]);
  });

  it('another person under 16 is outside the definition', () => {
    expect(screen({ relationship: 'family-member', suspectAgeBand: 'under-16' }).apparent).toBe(false);
  });

  it('the other person’s age is taken from their date of birth when given', () => {
    expect(screen({ relationship: 'family-member', suspectDateOfBirth: '2012-01-01' }).apparent).toBe(false);
  });

  it('an unknown age is treated as 16 or over, and the screen says so', () => {
    const result = screen({ relationship: 'ex-partner', suspectAgeBand: 'not-known' });
    expect([result.apparent, result.notes]).toEqual([
      true,
      ['The age of the other person is not known: treated as 16 or over, so that abuse is not missed.'],
    ]);
  });
});

describe('Domestic abuse: indicator phrases in what the person wrote (000 §3.1-3.3, §9.5)', () => {
  it.each([
    ['coercive control', 'He checks my phone every night and controls my money.', 'coercive-control'],
    ['threats to kill', 'He said he was going to kill me if I told anyone.', 'threats'],
    ['threats with images', 'She threatened to share intimate images of me.', 'threats'],
    ['non-fatal strangulation', 'He put his hands around my neck.', 'violence'],
    ['an ex-partner named', "My ex-boyfriend won't stop messaging.", 'ex-partner'],
    ['honour-based abuse', 'My uncle says I have brought shame on the family.', 'honour-based-abuse'],
    ['forced marriage', 'My parents are forcing me to marry a man abroad.', 'forced-marriage'],
    ['FGM', 'They are planning a cutting ceremony for my sister.', 'fgm'],
    ['FGM by its initials', 'I am scared of FGM.', 'fgm'],
    [
      'named as domestic abuse',
      'This is domestic abuse and it has gone on for years.',
      'named-as-domestic-abuse',
    ],
  ])('%s is apparent', (_rule, text, theme) => {
    const result = withText(text);
    expect([result.apparent, result.triggers.some((t) => t.kind === 'phrase' && t.theme === theme)]).toEqual([
      true,
      true,
    ]);
  });

  it.each([
    ['a bike theft', 'My bike was taken from the shed.'],
    ['a neighbour’s noise', 'The neighbours play loud music every night.'],
    ['"cut" about a hedge', 'Someone cut down my hedge.'],
    ['"example" is not "ex"', 'For example, the car window was smashed.'],
  ])('%s is not apparent', (_case, text) => {
    expect(withText(text).apparent).toBe(false);
  });

  it('each phrase that triggered it is named with the field it was found in', () => {
    const result = screen({ texts: [{ field: 'location', text: 'At my former partner’s house' }] });
    expect(result.triggers).toEqual([
      {
        kind: 'phrase',
        phrase: 'former partner',
        theme: 'ex-partner',
        field: 'location',
        grade: 'P2',
        explanation: '"former partner" in where it happened: Names an ex-partner',
      },
    ]);
  });

  it('matching ignores case, accents, apostrophes and hyphens', () => {
    expect(containsPhrase(wordsOf('He WON’T let me LEAVE the house'), 'wont let me leave')).toBe(true);
  });

  it('a phrase with * matches any ending of its word', () => {
    expect(containsPhrase(wordsOf('she was strangled'), 'strangl*')).toBe(true);
  });

  it('every maintained phrase matches a sentence containing it', () => {
    const unmatched = indicatorPhrases.filter(
      (entry) => !withText(`before ${entry.phrase.replace(/\*/g, 'ed')} after`).apparent,
    );
    expect(unmatched).toEqual([]);
  });
});

describe('Default grade from the screen: P1 or P2, never P3 (000 §8.3)', () => {
  it('a relationship alone grades P2', () => {
    expect(screen({ relationship: 'partner', suspectAgeBand: '18-or-over' }).defaultGrade).toBe('P2');
  });

  it.each([
    ['threats to kill', 'He threatened to kill me.'],
    ['strangulation', 'He strangled me last week.'],
    ['forced marriage', 'I am being forced to marry.'],
    ['FGM', 'They want me to get cut.'],
    ['honour-based abuse', 'They say I dishonoured them.'],
  ])('%s grades P1', (_rule, text) => {
    expect(withText(text).defaultGrade).toBe('P1');
  });

  it('the grade reason names what raised it', () => {
    expect(withText('He threatened to kill me.').gradeReason).toBe('P1: threats mentioned');
  });

  it('nothing apparent gives no grade and no markers', () => {
    const result = screen();
    expect([result.defaultGrade, result.markers]).toEqual([undefined, []]);
  });
});

describe('Domestic-abuse markers (000 §8.3.1 special interest markers)', () => {
  it('every apparent report carries the domestic-abuse marker', () => {
    expect(screen({ relationship: 'partner', suspectAgeBand: '18-or-over' }).markers).toEqual([
      'domestic-abuse',
    ]);
  });

  it('honour-based abuse, forced marriage and FGM add their own markers', () => {
    expect(withText('Talk of honour, a forced marriage and FGM.').markers).toEqual([
      'domestic-abuse',
      'honour-based-abuse',
      'forced-marriage',
      'fgm',
    ]);
  });
});
