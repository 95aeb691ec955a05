import { londonDateOf } from '../../../shared/calendar/index.ts';

export const figuresMonthCount = 12;

/** The last `count` London months, this one first, as `YYYY-MM`. */
export const recentMonths = (now: Date, count = figuresMonthCount): string[] => {
  const [year = 1970, month = 1] = londonDateOf(now).split('-').map(Number);
  return Array.from({ length: count }, (_, back) => {
    const index = year * 12 + (month - 1) - back;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
};
