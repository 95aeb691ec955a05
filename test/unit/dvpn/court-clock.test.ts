import { describe, expect, it } from 'vitest';
import { countdown } from '../../../services/dvpn/domain/countdown.ts';
import { dapnPack, dvpnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { at, holidays } from './fixtures.ts';

describe('DVPN court clock (CSA 2010 s.27(3)-(4))', () => {
  it('served Saturday 10:00 is due Tuesday 10:00, the Sunday not counted', () => {
    const servedAt = at('2026-06-06T10:00:00+01:00');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe(new Date('2026-06-09T10:00:00+01:00').toISOString());
  });

  it('served Thursday 24 December 2026 16:00 skips Christmas Day, Sunday 27 and bank holiday Monday 28', () => {
    const servedAt = at('2026-12-24T16:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe('2026-12-29T16:00:00.000Z');
  });

  it('across the March clock change keeps the wall-clock time of service, now in BST', () => {
    const servedAt = at('2026-03-28T10:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe(new Date('2026-03-31T10:00:00+01:00').toISOString());
  });

  it('across the March clock change from a Friday evening lands on Monday evening BST', () => {
    const servedAt = at('2026-03-27T20:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe(new Date('2026-03-30T20:00:00+01:00').toISOString());
  });

  it('across the October clock change keeps the wall-clock time of service, now in GMT', () => {
    const servedAt = at('2026-10-24T10:00:00+01:00');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe('2026-10-27T10:00:00.000Z');
  });

  it('over Easter 2027 skips Good Friday, Easter Sunday and Easter Monday', () => {
    const servedAt = at('2027-03-25T12:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe(new Date('2027-03-30T12:00:00+01:00').toISOString());
  });

  it('served on Good Friday 2027 starts counting at the next counted midnight', () => {
    const servedAt = at('2027-03-26T09:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe(new Date('2027-03-31T00:00:00+01:00').toISOString());
  });

  it('a weekday service with no holiday is due exactly 48 hours later', () => {
    const servedAt = at('2026-06-02T10:00:00Z');

    const due = dvpnPack.hearingDeadline(servedAt, holidays);

    expect(due.getTime() - servedAt.getTime()).toBe(48 * 3_600_000);
  });
});

describe('DAPN court clock (DAA 2021 s.29(2)-(3))', () => {
  it('disregards the same days as the CSA 2010 clock', () => {
    const servedAt = at('2026-12-24T16:00:00Z');

    const due = dapnPack.hearingDeadline(servedAt, holidays);

    expect(due.toISOString()).toBe('2026-12-29T16:00:00.000Z');
  });
});

describe('Court clock countdown', () => {
  it('is on time with more than 24 hours left', () => {
    const result = countdown(at('2026-06-04T10:00:00Z'), at('2026-06-02T10:00:00Z'));

    expect(result).toMatchObject({ status: 'on-time', text: '2 days left' });
  });

  it('is due soon inside the last 24 hours and counts hours and minutes', () => {
    const result = countdown(at('2026-06-04T10:00:00Z'), at('2026-06-03T16:35:00Z'));

    expect(result).toMatchObject({ status: 'due-soon', text: '17 hours 25 minutes left' });
  });

  it('is overdue once the due time has passed', () => {
    const result = countdown(at('2026-06-04T10:00:00Z'), at('2026-06-04T11:30:00Z'));

    expect(result).toMatchObject({ status: 'overdue', text: '1 hour 30 minutes overdue' });
  });

  it('shows the due time in London time', () => {
    const result = countdown(at('2026-12-29T16:00:00Z'), at('2026-12-28T10:00:00Z'));

    expect(result.dueText).toBe('Tuesday 29 December 2026, 16:00 GMT');
  });
});
