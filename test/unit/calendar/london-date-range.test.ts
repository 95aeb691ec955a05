import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addLondonDays,
  CalendarInputError,
  endOfLondonDay,
  isLondonDate,
  londonDateOf,
  londonInstant,
} from '../../../shared/calendar/index.ts';

/**
 * A date the calendar accepts is one it can place: whatever `isLondonDate` lets through, `londonInstant` and
 * `endOfLondonDay` answer for, so a form that checks a date and then reads its instant can never throw between
 * the two (SR-3 in docs/security-and-reliability.md).
 */
const pad = (value: number, width: number): string => String(value).padStart(width, '0');

const typedDates = fc
  .tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }))
  .map(([year, month, day]) => `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`);

describe('The years a London date may have: 1000 to 9999, the same for every calendar function', () => {
  it('every date isLondonDate accepts has an instant at any time of day and an end, on that London date', () => {
    fc.assert(
      fc.property(typedDates, fc.integer({ min: 0, max: 23 }), (date, hour) => {
        if (!isLondonDate(date)) return true;
        const instant = londonInstant(date, { hour, minute: 30 });
        const end = endOfLondonDay(date);
        return londonDateOf(instant) === date && londonDateOf(end) === date && end > instant;
      }),
      { numRuns: 5_000, seed: 20_261_123 },
    );
  });

  it('a year below 1000 (typed as 0100 or 0600) is not a London date, so nothing goes on to place it', () => {
    expect([isLondonDate('0100-01-01'), isLondonDate('0600-06-15'), isLondonDate('0999-12-31')]).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('a year below 1000 given to londonInstant or endOfLondonDay is refused with CalendarInputError', () => {
    expect(() => londonInstant('0600-01-01', { hour: 0, minute: 0 })).toThrow(CalendarInputError);
    expect(() => endOfLondonDay('0100-01-01')).toThrow(CalendarInputError);
  });

  it('the first and last dates there are both have an instant and an end', () => {
    expect([
      londonInstant('1000-01-01', { hour: 0, minute: 0 }).getTime() < Date.UTC(1000, 0, 1, 1),
      endOfLondonDay('9999-12-31').toISOString(),
    ]).toEqual([true, '9999-12-31T23:59:59.999Z']);
  });

  it('moving a date past year 9999 is refused, never a date string that is not one', () => {
    expect(() => addLondonDays('9999-12-31', 1)).toThrow(CalendarInputError);
  });
});
