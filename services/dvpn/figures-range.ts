import { addLondonDays, londonDateOf } from '../../shared/calendar/index.ts';

export interface MonthRange {
  readonly from: string;
  readonly to: string;
  readonly errors: Readonly<Record<string, { readonly text: string }>>;
}

const monthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;
const maxMonths = 36;

const monthsApart = (from: string, to: string): number =>
  (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5)) - Number(from.slice(5));

/** The months asked for in the query, defaulting to the twelve months up to this one (London time). */
export const monthRange = (query: Readonly<Record<string, string>>, now: Date): MonthRange => {
  const thisMonth = londonDateOf(now).slice(0, 7);
  const yearAgo = addLondonDays(`${thisMonth}-01`, -334).slice(0, 7);
  const errors: Record<string, { text: string }> = {};
  const from = query.from?.trim() || yearAgo;
  const to = query.to?.trim() || thisMonth;
  if (!monthPattern.test(from))
    errors.from = { text: 'Enter the first month as a year and month, like 2026-01' };
  if (!monthPattern.test(to)) errors.to = { text: 'Enter the last month as a year and month, like 2026-12' };
  if (!errors.from && !errors.to && from > to)
    errors.to = { text: 'The last month must be the same as or after the first' };
  if (!errors.from && !errors.to && monthsApart(from, to) >= maxMonths) {
    errors.to = { text: `Choose at most ${maxMonths} months` };
  }
  return Object.keys(errors).length > 0 ? { from: yearAgo, to: thisMonth, errors } : { from, to, errors };
};
