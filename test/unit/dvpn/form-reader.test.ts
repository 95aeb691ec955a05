import { describe, expect, it } from 'vitest';
import { DraftForm } from '../../../services/dvpn/forms/draft-form.ts';
import { FormReader } from '../../../services/dvpn/forms/reader.ts';

describe('GOV.UK date and time questions', () => {
  it('a missing date asks for it, pointing at the day input', () => {
    const form = new FormReader({});

    form.date('recipientDateOfBirth', 'Date of birth', { missing: "Enter the recipient's date of birth" });

    expect(form.problems).toEqual([
      { path: 'recipientDateOfBirth-day', message: "Enter the recipient's date of birth" },
    ]);
  });

  it('a date without a month says so, pointing at the month input', () => {
    const form = new FormReader({ 'd-day': '3', 'd-year': '1990' });

    form.date('d', 'Date of birth');

    expect(form.problems).toEqual([{ path: 'd-month', message: 'Date of birth must include a month' }]);
  });

  it('30 February is not a real date', () => {
    const form = new FormReader({ 'd-day': '30', 'd-month': '2', 'd-year': '2026' });

    expect(form.date('d', 'Date of birth')).toBeUndefined();
    expect(form.problems[0]?.message).toBe('Date of birth must be a real date');
  });

  it('a time is read as London time: 10:00 on 1 June is 09:00 UTC', () => {
    const form = new FormReader({ 's-day': '1', 's-month': '6', 's-year': '2026', sTime: '10:00' });

    expect(form.dateTime('s', 'Service')?.toISOString()).toBe('2026-06-01T09:00:00.000Z');
  });

  it('25:00 is not a real time', () => {
    const form = new FormReader({ 's-day': '1', 's-month': '6', 's-year': '2026', sTime: '25:00' });

    form.dateTime('s', 'Service');

    expect(form.problems).toEqual([
      { path: 'sTime', message: 'Service time must be a real time, like 09:30 or 17:45' },
    ]);
  });
});

describe('The draft form', () => {
  it('an empty form lists every required question once, in page order', () => {
    const result = DraftForm.safeParse({});

    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((issue) => issue.path.join('')) ?? [];
    expect(paths.slice(0, 4)).toEqual([
      'recipientName',
      'recipientDateOfBirth-day',
      'recipientAddress',
      'protectedName',
    ]);
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('a distance is needed only when staying away is chosen', () => {
    const result = DraftForm.safeParse({ conditions: ['leave'] });

    const paths = result.error?.issues.map((issue) => issue.path.join('')) ?? [];
    expect(paths).not.toContain('stayAwayDistance');
  });
});
