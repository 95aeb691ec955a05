import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import { csa2010DisregardedReason, csa2010HearingDeadline } from '../../../shared/calendar/index.ts';

const holidays = englandAndWalesBankHolidays();
const HOUR_MS = 3_600_000;

function deadline(servedAt: string): string {
  return csa2010HearingDeadline(servedAt, holidays).toISOString();
}

describe('DVPO hearing within 48 hours of DVPN service, disregarding Sundays (CSA 2010 s.27(3)-(4))', () => {
  it('served Saturday 10:00 is due Tuesday 10:00, Sunday skipped', () => {
    expect(deadline('2026-06-06T10:00:00+01:00')).toBe('2026-06-09T09:00:00.000Z');
  });

  it('served on a Sunday starts counting at midnight on Monday', () => {
    expect(deadline('2026-06-07T15:00:00+01:00')).toBe('2026-06-09T23:00:00.000Z');
  });
});

describe('DVPO hearing over Christmas and New Year 2026 (CSA 2010 s.27(4))', () => {
  it('served Thursday 24 December 16:00 is due Tuesday 29 December 16:00, skipping 25, 27 and 28 December', () => {
    expect(deadline('2026-12-24T16:00:00Z')).toBe('2026-12-29T16:00:00.000Z');
  });

  it('counts Saturday 26 December 2026: Boxing Day on a Saturday is not the bank holiday, Monday 28th is', () => {
    expect([
      csa2010DisregardedReason('2026-12-26', holidays),
      csa2010DisregardedReason('2026-12-28', holidays),
    ]).toEqual([null, 'Boxing Day (substitute day)']);
  });

  it('served on Christmas Day starts counting on 26 December and ends at midnight starting 30 December', () => {
    expect(deadline('2026-12-25T10:00:00Z')).toBe('2026-12-30T00:00:00.000Z');
  });

  it("served Thursday 31 December 12:00 is due Monday 4 January 2027 12:00, skipping New Year's Day and Sunday", () => {
    expect(deadline('2026-12-31T12:00:00Z')).toBe('2027-01-04T12:00:00.000Z');
  });

  it('disregards Christmas Day on a Saturday (2027) by date, though its bank holiday moves to Monday', () => {
    expect(csa2010DisregardedReason('2027-12-25', holidays)).toBe('Christmas Day');
  });
});

describe('DVPO hearing over Easter 2027 and the clocks going forward (CSA 2010 s.27(4))', () => {
  it('served Thursday 25 March 12:00 GMT is due Tuesday 30 March 12:00 BST, skipping Good Friday, Sunday and Easter Monday', () => {
    expect(deadline('2027-03-25T12:00:00Z')).toBe('2027-03-30T11:00:00.000Z');
  });

  it('disregards Good Friday 2027 as Good Friday', () => {
    expect(csa2010DisregardedReason('2027-03-26', holidays)).toBe('Good Friday');
  });
});

describe('DVPO hearing across the clock changes (CSA 2010 s.27(4), 48 real hours)', () => {
  it('served Saturday 28 March 2026 10:00 GMT is due Tuesday 31 March 10:00 BST', () => {
    expect(deadline('2026-03-28T10:00:00Z')).toBe('2026-03-31T09:00:00.000Z');
  });

  it('skips the whole 23-hour Sunday of 29 March 2026: 48 counted hours take 71 real hours', () => {
    const servedAt = '2026-03-28T10:00:00Z';
    expect((csa2010HearingDeadline(servedAt, holidays).getTime() - Date.parse(servedAt)) / HOUR_MS).toBe(
      48 + 23,
    );
  });

  it('served Saturday 24 October 2026 10:00 BST is due Tuesday 27 October 10:00 GMT', () => {
    expect(deadline('2026-10-24T10:00:00+01:00')).toBe('2026-10-27T10:00:00.000Z');
  });

  it('skips the whole 25-hour Sunday of 25 October 2026: 48 counted hours take 73 real hours', () => {
    const servedAt = '2026-10-24T10:00:00+01:00';
    expect((csa2010HearingDeadline(servedAt, holidays).getTime() - Date.parse(servedAt)) / HOUR_MS).toBe(
      48 + 25,
    );
  });
});
