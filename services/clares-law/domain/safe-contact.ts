import { londonWallClockOf, londonWeekday } from '../../../shared/calendar/index.ts';
import type { FieldIssue } from './errors.ts';
import type { SafeContact } from './model.ts';
import {
  type ContactMethod,
  type ContactOutcome,
  type ContactPeriod,
  contactMethodLabels,
  contactPeriodLabels,
} from './vocabulary.ts';

/**
 * The part of the week an instant falls in, in London time: mornings 08:00-12:00, afternoons 12:00-17:00,
 * evenings 17:00-21:00, and night 21:00-08:00 on any day. Saturday and Sunday are the weekend.
 */
export const contactPeriodOf = (instant: Date): ContactPeriod => {
  const wall = londonWallClockOf(instant);
  if (wall.hour < 8 || wall.hour >= 21) return 'night';
  const weekday = londonWeekday(wall.date);
  const part = weekday === 0 || weekday === 6 ? 'weekend' : 'weekday';
  if (wall.hour < 12) return `${part}-morning`;
  if (wall.hour < 17) return `${part}-afternoon`;
  return `${part}-evening`;
};

export interface ProposedContact {
  readonly method: ContactMethod;
  readonly at: Date;
  readonly outcome: ContactOutcome;
}

export type ContactVerdict =
  | { readonly verdict: 'allowed'; readonly flags: readonly [] }
  | { readonly verdict: 'flagged'; readonly flags: readonly ['outside-safe-times']; readonly warning: string }
  | { readonly verdict: 'refused'; readonly reasons: readonly FieldIssue[] };

/**
 * Safe contact is enforced, not advised (APP DVDS: "a safe means of communication must be agreed with the
 * applicant from the outset, to include place, means and timing"; contact must never alert the subject).
 *
 * Refused: a method the applicant did not agree to, a time they marked unsafe, or leaving a message when
 * they said no message may be left. Flagged: a time that is neither marked safe nor unsafe.
 */
export const checkContact = (
  safeContact: SafeContact | undefined,
  proposed: ProposedContact,
): ContactVerdict => {
  if (!safeContact) {
    return {
      verdict: 'refused',
      reasons: [
        {
          field: 'method',
          message: 'No safe means of contact has been agreed for this case. Agree one before making contact.',
        },
      ],
    };
  }
  const reasons: FieldIssue[] = [];
  if (!safeContact.methods.includes(proposed.method)) {
    const agreed = safeContact.methods.map((method) => contactMethodLabels[method].toLowerCase()).join(', ');
    reasons.push({
      field: 'method',
      message: `The applicant did not agree to contact by ${contactMethodLabels[proposed.method].toLowerCase()}. Agreed methods: ${agreed}.`,
    });
  }
  const period = contactPeriodOf(proposed.at);
  if (safeContact.unsafeTimes.includes(period)) {
    reasons.push({
      field: 'at',
      message: `The applicant said ${contactPeriodLabels[period].toLowerCase()} are not safe for contact.`,
    });
  }
  if (proposed.outcome === 'message-left' && !safeContact.mayLeaveMessage) {
    reasons.push({
      field: 'outcome',
      message: 'The applicant said no message or voicemail may be left.',
    });
  }
  if (reasons.length > 0) return { verdict: 'refused', reasons };
  if (!safeContact.safeTimes.includes(period)) {
    return {
      verdict: 'flagged',
      flags: ['outside-safe-times'],
      warning: `Contact at ${contactPeriodLabels[period].toLowerCase()} is outside the times the applicant marked safe.`,
    };
  }
  return { verdict: 'allowed', flags: [] };
};
