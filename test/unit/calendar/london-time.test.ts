import { describe, expect, it } from 'vitest';
import {
  CalendarInputError,
  endOfLondonDay,
  formatLondon,
  londonDateOf,
  londonDayLengthHours,
  londonInstant,
  londonZoneName,
  toInstant,
} from '../../../shared/calendar/index.ts';

describe('London calendar date of an instant (Europe/London)', () => {
  it('is the next day in London for a UTC evening in summer time (BST)', () => {
    expect(londonDateOf('2026-06-30T23:30:00Z')).toBe('2026-07-01');
  });

  it('is the same day as UTC in winter (GMT)', () => {
    expect(londonDateOf('2026-12-31T23:30:00Z')).toBe('2026-12-31');
  });
});

describe('London zone name across the clock changes', () => {
  it('turns from GMT to BST at 01:00 UTC on Sunday 29 March 2026', () => {
    expect([londonZoneName('2026-03-29T00:59:59.999Z'), londonZoneName('2026-03-29T01:00:00Z')]).toEqual([
      'GMT',
      'BST',
    ]);
  });

  it('turns from BST to GMT at 01:00 UTC on Sunday 25 October 2026', () => {
    expect([londonZoneName('2026-10-25T00:59:59.999Z'), londonZoneName('2026-10-25T01:00:00Z')]).toEqual([
      'BST',
      'GMT',
    ]);
  });
});

describe('instant of a London wall-clock time', () => {
  it('reads a summer time as BST (UTC+1)', () => {
    expect(londonInstant('2026-07-01', { hour: 9, minute: 0 }).toISOString()).toBe(
      '2026-07-01T08:00:00.000Z',
    );
  });

  it('reads a winter time as GMT (UTC+0)', () => {
    expect(londonInstant('2026-12-01', { hour: 9, minute: 0 }).toISOString()).toBe(
      '2026-12-01T09:00:00.000Z',
    );
  });

  it('moves a time in the missing hour (01:30, 29 March 2026) forward to 02:30 BST by default', () => {
    expect(londonInstant('2026-03-29', { hour: 1, minute: 30 }).toISOString()).toBe(
      '2026-03-29T01:30:00.000Z',
    );
  });

  it("moves a time in the missing hour back to 00:30 GMT when asked for 'earlier'", () => {
    expect(londonInstant('2026-03-29', { hour: 1, minute: 30 }, 'earlier').toISOString()).toBe(
      '2026-03-29T00:30:00.000Z',
    );
  });

  it('takes the first (BST) occurrence of the repeated hour (01:30, 25 October 2026) by default', () => {
    expect(londonInstant('2026-10-25', { hour: 1, minute: 30 }).toISOString()).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it("takes the second (GMT) occurrence of the repeated hour when asked for 'later'", () => {
    expect(londonInstant('2026-10-25', { hour: 1, minute: 30 }, 'later').toISOString()).toBe(
      '2026-10-25T01:30:00.000Z',
    );
  });

  it("refuses a missing or repeated time when asked to 'reject'", () => {
    expect(() => londonInstant('2026-03-29', { hour: 1, minute: 30 }, 'reject')).toThrow(CalendarInputError);
    expect(() => londonInstant('2026-10-25', { hour: 1, minute: 30 }, 'reject')).toThrow(CalendarInputError);
  });
});

describe('London days across the clock changes', () => {
  it('are 23 hours on 29 March 2026, 25 on 25 October 2026 and 24 otherwise', () => {
    expect([
      londonDayLengthHours('2026-03-29'),
      londonDayLengthHours('2026-10-25'),
      londonDayLengthHours('2026-06-01'),
    ]).toEqual([23, 25, 24]);
  });

  it('end at 23:59:59.999 BST on the day the clocks go forward', () => {
    expect(endOfLondonDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.999Z');
  });

  it('end at 23:59:59.999 GMT on the day the clocks go back', () => {
    expect(endOfLondonDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.999Z');
  });
});

describe('formatLondon', () => {
  it('shows a winter instant with weekday, date, 24-hour time and GMT', () => {
    expect(formatLondon('2026-12-29T10:00:00Z')).toBe('Tuesday 29 December 2026, 10:00 GMT');
  });

  it('shows a summer instant in BST', () => {
    expect(formatLondon('2026-07-01T12:00:00Z')).toBe('Wednesday 1 July 2026, 13:00 BST');
  });
});

describe('instants given as strings', () => {
  it('accept an ISO-8601 offset', () => {
    expect(toInstant('2026-07-01T10:00:00+01:00').toISOString()).toBe('2026-07-01T09:00:00.000Z');
  });

  it('are refused without an offset, as a bare local time is ambiguous', () => {
    expect(() => toInstant('2026-12-24T16:00:00')).toThrow(CalendarInputError);
  });

  it('are refused for a date that does not exist', () => {
    expect(() => toInstant('2026-02-30T10:00:00Z')).toThrow(CalendarInputError);
  });
});
