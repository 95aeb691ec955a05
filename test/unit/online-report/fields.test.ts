import { describe, expect, it } from 'vitest';
import { findPage, readPage, validatePage } from '../../../services/online-report/domain/journey/engine.ts';
import { cleanText, yearsBefore } from '../../../services/online-report/domain/journey/fields.ts';
import { context } from './fixtures.ts';

const errorsOn = (pageId: string, form: Record<string, string | string[]>) => {
  const page = findPage(pageId);
  if (!page) throw new Error(`no page ${pageId}`);
  return validatePage(page, readPage(page, form), context).errors.map((error) => [error.href, error.text]);
};

const incident = (day: string, month: string, year: string) =>
  errorsOn('when', { 'incidentDate-day': day, 'incidentDate-month': month, 'incidentDate-year': year });

const birth = (day: string, month: string, year: string) =>
  errorsOn('your-date-of-birth', {
    'dateOfBirth-day': day,
    'dateOfBirth-month': month,
    'dateOfBirth-year': year,
  });

describe('Dates follow the GOV.UK date input error messages', () => {
  it.each([
    [['', '', ''], '#incidentDate-day', 'Enter the date it happened'],
    [['', '3', '2026'], '#incidentDate-day', 'The date it happened must include a day'],
    [['20', '', ''], '#incidentDate-month', 'The date it happened must include a month and year'],
    [['31', '2', '2026'], '#incidentDate-day', 'The date it happened must be a real date'],
    [['twenty', '3', '2026'], '#incidentDate-day', 'The date it happened must be a real date'],
    [['20', '3', '26'], '#incidentDate-year', 'Year must include 4 numbers'],
  ])('%j: %s %s', ([day = '', month = '', year = ''], href, text) => {
    expect(incident(day, month, year)).toEqual([[href, text]]);
  });

  it('an incident date in the future is refused', () => {
    expect(incident('24', '3', '2026')).toEqual([
      ['#incidentDate-day', 'The date it happened must be today or in the past'],
    ]);
  });

  it('an incident today is accepted', () => {
    expect(incident('23', '3', '2026')).toEqual([]);
  });

  it('an impossibly old incident date is refused', () => {
    expect(incident('22', '3', '1926')).toEqual([
      ['#incidentDate-day', 'The date it happened must be after 22 March 1926'],
    ]);
  });

  it('a date of birth today is refused: it must be in the past', () => {
    expect(birth('23', '3', '2026')).toEqual([
      ['#dateOfBirth-day', 'Your date of birth must be in the past'],
    ]);
  });

  it('a date of birth more than 120 years ago is refused', () => {
    expect(birth('1', '1', '1900')).toEqual([
      ['#dateOfBirth-day', 'Your date of birth must be after 22 March 1906'],
    ]);
  });

  it('29 February is a real date in a leap year only', () => {
    expect([birth('29', '2', '2000'), birth('29', '2', '2001')]).toEqual([
      [],
      [['#dateOfBirth-day', 'Your date of birth must be a real date']],
    ]);
  });

  it('a year before 29 February in a common year is 28 February', () => {
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });

  it('the suspect’s date of birth may be left blank', () => {
    expect(errorsOn('suspect-details', { suspectName: 'Alex Example' })).toEqual([]);
  });
});

describe('Free text has length limits and clean characters', () => {
  it('what happened over 5000 characters is refused', () => {
    expect(errorsOn('description', { description: 'a'.repeat(5001) })).toEqual([
      ['#description', 'What happened must be 5000 characters or fewer'],
    ]);
  });

  it('what happened of exactly 5000 characters is accepted', () => {
    expect(errorsOn('description', { description: 'a'.repeat(5000) })).toEqual([]);
  });

  it('only spaces counts as not answered', () => {
    expect(errorsOn('where', { location: '   ' })).toEqual([['#location', 'Enter where it happened']]);
  });

  it('control characters are dropped and line breaks kept in a text area', () => {
    expect(cleanText('one\u0000\r\ntwo\u0007', true)).toBe('one\ntwo');
  });

  it('line breaks are dropped in a one-line field', () => {
    expect(cleanText('one\ntwo', false)).toBe('onetwo');
  });
});

describe('Contact details are checked for format', () => {
  it.each([
    ['07700 900982', []],
    ['+44 (0)7700 900982', []],
    [
      '12345',
      [['#phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']],
    ],
    [
      'call me',
      [['#phone', 'Enter a telephone number, like 01632 960 001, 07700 900 982 or +44 808 157 0192']],
    ],
  ])('phone %s', (phone, expected) => {
    expect(errorsOn('contact-methods', { contactMethods: 'phone', phone })).toEqual(expected);
  });

  it.each([
    ['name@example.com', []],
    ['name@example', [['#email', 'Enter an email address in the correct format, like name@example.com']]],
    ['not an email', [['#email', 'Enter an email address in the correct format, like name@example.com']]],
  ])('email %s', (email, expected) => {
    expect(errorsOn('contact-methods', { contactMethods: 'email', email })).toEqual(expected);
  });

  it('certain times needs the times', () => {
    expect(errorsOn('safe-times-detail', {})).toEqual([
      ['#safeTimesDetail', 'Enter when it is safe to contact you'],
    ]);
  });

  it('each radio question has its own GOV.UK message', () => {
    expect(errorsOn('messages', {})).toEqual([
      ['#messagesAllowed', 'Select yes if we can leave a voicemail or send a message'],
    ]);
  });
});
