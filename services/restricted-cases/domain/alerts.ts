import * as z from 'zod';
import { StaffActor } from '../../../shared/audit/chain.ts';
import { type AccessAction, accessActions } from './access.ts';
import { caseLink, type Notice } from './notices.ts';
import { psdAudience } from './routing.ts';

/**
 * APP "Access to records": a supervising officer and/or PSD is notified of any attempt to access records
 * of a case with a police suspect. Each attempt, allowed or denied, becomes one alert: written to the audit
 * chain first, then queued, then stored in PSD's alerts inbox and sent to the inboxes of PSD and the case's
 * supervising officer.
 */
export const AccessAlert = z.object({
  id: z.uuid(),
  /** The reference asked for; it may name no case at all (a guessed reference). */
  caseId: z.string().min(1).max(128),
  caseKnown: z.boolean(),
  action: z.enum(accessActions),
  outcome: z.enum(['allowed', 'denied']),
  /** The rule that decided, in words (never a name). */
  decision: z.string().min(1).max(200),
  actor: StaffActor,
  at: z.iso.datetime(),
  /** What the member of staff typed as their reason, when the action asks for one. */
  reasonGiven: z.string().max(2000).optional(),
  supervisingOfficer: z.string().min(1).max(20).optional(),
});
export type AccessAlert = z.infer<typeof AccessAlert>;

export const actionLabels: Record<AccessAction, string> = {
  open: 'opened the case',
  search: 'found the case in a search',
  list: 'listed the case',
  export: 'exported the access report',
  'view-access-log': 'viewed the access log',
  restrict: 'restricted the case',
  'change-restriction': 'changed the restriction',
  'lift-restriction': 'lifted the restriction',
  'manage-access-list': 'changed the access list',
  'decide-safeguarding-request': 'decided a safeguarding request',
  'review-break-glass': 'reviewed emergency access',
  'record-outcome': 'recorded the outcome or closure',
  'share-without-consent': 'recorded sharing without consent',
  'request-safeguarding-access': 'asked for safeguarding access',
  'break-glass': 'took emergency access (break glass)',
  'log-workplace-incident': 'logged a workplace incident',
};

/** The audit `action` of each attempt: a kebab-case verb phrase. */
export const auditActions: Record<AccessAction, string> = {
  open: 'open-case',
  search: 'find-case-in-search',
  list: 'list-case',
  export: 'export-access-report',
  'view-access-log': 'view-access-log',
  restrict: 'restrict-case',
  'change-restriction': 'change-restriction',
  'lift-restriction': 'lift-restriction',
  'manage-access-list': 'manage-access-list',
  'decide-safeguarding-request': 'decide-safeguarding-request',
  'review-break-glass': 'review-break-glass',
  'record-outcome': 'record-outcome',
  'share-without-consent': 'share-without-consent',
  'request-safeguarding-access': 'request-safeguarding-access',
  'break-glass': 'break-glass',
  'log-workplace-incident': 'log-workplace-incident',
};

/** What the audit entry keeps as the reason: the rule that decided, and what the person typed if anything. */
export const auditReason = (decided: string, reasonGiven?: string): string => {
  const typed = reasonGiven?.trim();
  return (typed ? `${decided}; reason given: ${typed}` : decided).slice(0, 1000);
};

/** Needs someone to look now: a refusal, an emergency, or a request for safeguarding access. */
export const needsAttention = (alert: AccessAlert): boolean =>
  alert.outcome === 'denied' ||
  alert.action === 'break-glass' ||
  alert.action === 'request-safeguarding-access';

export const alertsLink = '/staff/restricted-cases/psd/alerts';

/**
 * The inbox notices an alert causes. PSD hears of every attempt except PSD's own allowed work, which is
 * already theirs to see in the alerts inbox and the access log; the supervising officer hears of every
 * attempt but their own.
 */
export const noticesForAlert = (alert: AccessAlert): Notice[] => {
  const urgent = needsAttention(alert);
  const who = `collar ${alert.actor.collarNumber}`;
  const title =
    `Restricted case ${alert.caseId}: ${who} ${actionLabels[alert.action]} (${alert.outcome})`.slice(0, 200);
  const body = `${alert.decision}.${alert.caseKnown ? '' : ' No case has this reference: someone may be guessing references.'}`;
  const notices: Notice[] = [];
  if (!(alert.actor.department === 'PSD' && alert.outcome === 'allowed')) {
    notices.push({
      audience: psdAudience,
      title,
      body,
      link: alertsLink,
      priority: urgent ? 'urgent' : 'routine',
      requiresAcknowledgement: alert.action === 'break-glass',
    });
  }
  if (alert.supervisingOfficer && alert.supervisingOfficer !== alert.actor.collarNumber) {
    notices.push({
      audience: { kind: 'person', collarNumber: alert.supervisingOfficer },
      title,
      body,
      link: caseLink(alert.caseId),
      priority: urgent ? 'urgent' : 'routine',
      requiresAcknowledgement: false,
    });
  }
  return notices;
};
