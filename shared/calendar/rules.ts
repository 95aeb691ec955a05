import { csa2010HearingDeadline } from './csa2010.ts';
import { CalendarInputError } from './errors.ts';
import type { HolidaySource } from './holidays.ts';
import type { InstantInput } from './london-time.ts';
import { calendarDaysAfter, hoursAfter, workingDaysAfter } from './working-days.ts';

/** A named statutory or policy clock: the due instant for a start instant. */
export interface ClockRule {
  /** The rule as written, e.g. `working-days:10`. */
  readonly rule: string;
  readonly description: string;
  dueAt(start: InstantInput, holidays: HolidaySource): Date;
}

export const CLOCK_RULE_FORMS = [
  'working-days:<n>',
  'calendar-days:<n>',
  'hours:<n>',
  'csa2010-hearing',
] as const;

const COUNTED_RULE = /^(working-days|calendar-days|hours):([1-9]\d{0,3})$/;

/** Reads a rule string (one of `CLOCK_RULE_FORMS`, n from 1 to 9999). */
export function parseClockRule(rule: string): ClockRule {
  if (rule === 'csa2010-hearing') {
    return {
      rule,
      description:
        'DVPO hearing: 48 hours after DVPN service, disregarding Sundays, Christmas Day, Good Friday and bank holidays in England and Wales (Crime and Security Act 2010 s.27(3)-(4))',
      dueAt: (start, holidays) => csa2010HearingDeadline(start, holidays),
    };
  }
  const match = COUNTED_RULE.exec(rule);
  if (!match) {
    throw new CalendarInputError(
      `Unknown clock rule; use one of ${CLOCK_RULE_FORMS.join(', ')} (n from 1 to 9999)`,
    );
  }
  const n = Number(match[2]);
  switch (match[1]) {
    case 'working-days':
      return {
        rule,
        description: `end of the ${ordinal(n)} working day after the start day (England and Wales)`,
        dueAt: (start, holidays) => workingDaysAfter(start, n, holidays),
      };
    case 'calendar-days':
      return {
        rule,
        description: `end of the ${ordinal(n)} calendar day after the start day`,
        dueAt: (start) => calendarDaysAfter(start, n),
      };
    default:
      return {
        rule,
        description: `${n} elapsed hour${n === 1 ? '' : 's'} after the start`,
        dueAt: (start) => hoursAfter(start, n),
      };
  }
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}
