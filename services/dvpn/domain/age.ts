import { type LondonDate, londonDateOf } from '../../../shared/calendar/index.ts';

/**
 * Whole years of age on a London date. A birthday counts from the start of the day (Family Law Reform Act
 * 1969 s.9); someone born on 29 February reaches their birthday on 1 March in a common year.
 */
export const ageOn = (dateOfBirth: LondonDate, on: LondonDate): number => {
  const [birthYear, birthMonthDay] = [Number(dateOfBirth.slice(0, 4)), dateOfBirth.slice(5)];
  const [year, monthDay] = [Number(on.slice(0, 4)), on.slice(5)];
  const years = year - birthYear;
  return monthDay < birthMonthDay ? years - 1 : years;
};

/** Age at an instant, counted on the London calendar date of that instant. */
export const ageAt = (dateOfBirth: LondonDate, at: Date): number => ageOn(dateOfBirth, londonDateOf(at));
