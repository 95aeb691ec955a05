import { describe, expect, it } from 'vitest';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';
import { CalendarInputError, clockStatus, oneWorkingDayBefore } from '../../../shared/calendar/index.ts';

// A 5-working-day clock started on Christmas Eve 2026 is due at the end of Tuesday 29 December;
// one working day before that is the end of Thursday 24 December.
const due = '2026-12-29T23:59:59.999Z';
const dueSoonFrom = oneWorkingDayBefore(due, englandAndWalesBankHolidays());

describe('clockStatus: on time, due soon within one working day, overdue after the due instant', () => {
  it('is on-time before the last working day', () => {
    expect(clockStatus('2026-12-24T12:00:00Z', due, dueSoonFrom)).toBe('on-time');
  });

  it('is due-soon over the holidays once a working day or less remains', () => {
    expect(clockStatus('2026-12-26T12:00:00Z', due, dueSoonFrom)).toBe('due-soon');
  });

  it('is still due-soon at the due instant itself', () => {
    expect(clockStatus(due, due, dueSoonFrom)).toBe('due-soon');
  });

  it('is overdue one millisecond after the due instant', () => {
    expect(clockStatus('2026-12-30T00:00:00Z', due, dueSoonFrom)).toBe('overdue');
  });

  it('refuses a due-soon instant after the due instant', () => {
    expect(() => clockStatus('2026-12-24T12:00:00Z', due, '2026-12-30T00:00:00Z')).toThrow(
      CalendarInputError,
    );
  });
});
