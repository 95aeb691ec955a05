import type { AuditEntry, ChainVerification } from '../../shared/audit/chain.ts';
import { type Principal, rankLabel } from '../../shared/auth/principal.ts';
import { departmentLabel, govukDateTime } from '../../shared/http/templates.ts';
import { decide } from './case-service.ts';
import { type AccessAction, allowedReasons, grantState, memberIsCurrent } from './domain/access.ts';
import { type AccessAlert, actionLabels, needsAttention } from './domain/alerts.ts';
import type { CaseFile, Grant, RestrictedCase, StaffRef } from './domain/model.ts';
import { breakGlassHours, grantPeriodsHours } from './domain/safeguarding.ts';
import { sharingBasisLabels, supportLabels } from './domain/victim-report.ts';

/** What the pages show of a case, already in words; templates only lay it out. */

export const staffLabel = (ref: StaffRef): string =>
  `${ref.displayName} (${ref.collarNumber}), ${rankLabel(ref.rank)}, ${departmentLabel(ref.department)}`;

const stageLabels: Record<RestrictedCase['stage'], { text: string; classes: string }> = {
  reported: { text: 'Reported', classes: 'govuk-tag--blue' },
  'under-investigation': { text: 'Under investigation', classes: 'govuk-tag--yellow' },
  'outcome-recorded': { text: 'Outcome recorded', classes: 'govuk-tag--green' },
  closed: { text: 'Closed', classes: 'govuk-tag--grey' },
};

export const receivedAsLabels = {
  'victim-report': 'Reported by the victim',
  'third-party-report': 'Reported by someone else',
  admission: 'Admission by the member of staff (not confidential: PP/04 §7.2)',
} as const;

export const outcomeLabels = {
  'criminal-proceedings': 'Criminal proceedings',
  'misconduct-proceedings': 'Misconduct proceedings',
  'management-action': 'Management action',
  'no-case-to-answer': 'No case to answer',
} as const;

export const incidentKindLabels = {
  'phone-call': 'Phone call',
  'email-or-message': 'Email or message',
  visit: 'Visit to the workplace',
  other: 'Something else',
} as const;

const relationLabels = {
  'line-management': 'Line management',
  colleague: 'Colleague',
  relative: 'Relative on the staff',
  other: 'Other conflict',
} as const;

const roleLabels = {
  'investigating-team': 'Investigating team',
  named: 'Named by PSD',
  'reporting-victim': 'Made the report',
} as const;

/** The flags every list and page shows: the police-suspect flag first (APP "Access to records"). */
export const flagsOf = (theCase: RestrictedCase): { text: string; classes: string }[] => [
  ...(theCase.policeSuspect ? [{ text: 'Police suspect', classes: 'govuk-tag--red' }] : []),
  ...(theCase.restriction.state === 'restricted'
    ? [{ text: 'Restricted', classes: 'govuk-tag--purple' }]
    : []),
  ...(theCase.kind === 'staff-victim-report'
    ? [{ text: 'Staff victim: confidential', classes: 'govuk-tag--pink' }]
    : []),
  ...(theCase.admission ? [{ text: 'Admission', classes: 'govuk-tag--orange' }] : []),
  ...(theCase.urgentSafeguarding ? [{ text: 'Urgent safeguarding', classes: 'govuk-tag--red' }] : []),
];

export const summaryRow = (file: CaseFile) => ({
  id: file.case.id,
  href: `/staff/restricted-cases/cases/${file.case.id}`,
  kind: file.case.kind === 'allegation' ? 'Allegation against staff' : 'Staff victim report',
  flags: flagsOf(file.case),
  stage: stageLabels[file.case.stage],
  createdAt: govukDateTime(file.case.createdAt),
  crimeNumber: file.case.references.crimeNumber ?? '',
});

const grantStateLabels = {
  pending: { text: 'Waiting for a decision', classes: 'govuk-tag--yellow' },
  active: { text: 'Active', classes: 'govuk-tag--green' },
  expired: { text: 'Ended', classes: 'govuk-tag--grey' },
  refused: { text: 'Refused', classes: 'govuk-tag--red' },
} as const;

export const grantView = (caseId: string, grant: Grant, now: Date) => ({
  id: grant.id,
  href: `/staff/restricted-cases/cases/${caseId}/grants/${grant.id}`,
  kind: grant.kind === 'break-glass' ? 'Emergency access (break glass)' : 'Safeguarding request',
  breakGlass: grant.kind === 'break-glass',
  grantee: staffLabel(grant.grantee),
  reason: grant.reason,
  requestedAt: govukDateTime(grant.requestedAt),
  state: grantStateLabels[grantState(grant, now)],
  pending: grant.status === 'pending',
  awaitingReview: grant.kind === 'break-glass' && !grant.review,
  validUntil: grant.validUntil ? govukDateTime(grant.validUntil) : '',
  decidedBy: grant.decidedBy ? staffLabel(grant.decidedBy) : '',
  decisionNote: grant.decisionNote ?? '',
  review: grant.review
    ? {
        decision: grant.review.decision === 'accepted' ? 'Accepted' : 'Referred',
        note: grant.review.note,
        by: staffLabel(grant.review.by),
        at: govukDateTime(grant.review.at),
      }
    : undefined,
});

const can = (principal: Principal, file: CaseFile, now: Date) => {
  const allowed = (action: AccessAction) => decide(principal, file, action, now).allowed;
  const restricted = file.case.restriction.state === 'restricted';
  const open = file.case.stage !== 'closed';
  return {
    restrict: open && !restricted && allowed('restrict'),
    changeRestriction: open && restricted && allowed('change-restriction'),
    liftRestriction: open && restricted && file.case.kind === 'allegation' && allowed('lift-restriction'),
    manageList: allowed('manage-access-list'),
    logIncident: open && allowed('log-workplace-incident'),
    share: open && file.case.kind === 'staff-victim-report' && allowed('share-without-consent'),
    recordOutcome: open && allowed('record-outcome'),
    close:
      open &&
      allowed('record-outcome') &&
      (file.case.kind !== 'allegation' || file.case.outcome !== undefined),
    export: allowed('export'),
    accessLog: allowed('view-access-log'),
  };
};

export const casePage = (file: CaseFile, principal: Principal, now: Date) => {
  const theCase = file.case;
  const decision = decide(principal, file, 'open', now);
  const myGrant = file.grants.find(
    (grant) => grant.grantee.collarNumber === principal.collarNumber && grantState(grant, now) === 'active',
  );
  const report = theCase.victimReport;
  return {
    c: {
      id: theCase.id,
      kind: theCase.kind,
      kindLabel:
        theCase.kind === 'allegation'
          ? 'Allegation against a member of staff'
          : 'Confidential report by a member of staff who is a victim',
      stage: stageLabels[theCase.stage],
      flags: flagsOf(theCase),
      createdAt: govukDateTime(theCase.createdAt),
      createdBy: staffLabel(theCase.createdBy),
      suspect: theCase.suspect ? staffLabel(theCase.suspect) : undefined,
      policeSuspect: theCase.policeSuspect,
      victim: theCase.victim.collarNumber
        ? `${theCase.victim.description} (${theCase.victim.collarNumber})`
        : theCase.victim.description,
      allegation: theCase.allegation
        ? {
            summary: theCase.allegation.summary,
            criminal: theCase.allegation.criminal ? 'Yes' : 'No',
            receivedAs: receivedAsLabels[theCase.allegation.receivedAs],
            safeguardingDetails: theCase.allegation.safeguardingDetails ?? '',
          }
        : undefined,
      crimeNumber: theCase.references.crimeNumber ?? '',
      callLogRefs: theCase.references.callLogRefs,
      restricted: theCase.restriction.state === 'restricted',
      restriction:
        theCase.restriction.state === 'restricted'
          ? {
              basis:
                theCase.restriction.basis === 'chief-inspector-authority'
                  ? 'On the authority of a chief inspector or above (PP/04 §7.2)'
                  : 'A staff victim’s confidential report (PP/04 §7.1)',
              reason: theCase.restriction.reason,
              by: staffLabel(theCase.restriction.by),
              at: govukDateTime(theCase.restriction.at),
            }
          : undefined,
      restrictionHistory: theCase.restrictionHistory.map((change) => ({
        change: { restricted: 'Restricted', changed: 'Changed', lifted: 'Lifted' }[change.change],
        reason: change.reason,
        by: staffLabel(change.by),
        at: govukDateTime(change.at),
      })),
      notified: theCase.notified.map((recipient) => recipient.label),
      victimReport: report
        ? {
            whatHappened: report.whatHappened,
            abuserIsStaff: { yes: 'Yes', no: 'No', 'not-sure': 'Not sure' }[report.abuserIsStaff],
            supportWanted: report.supportWanted.map((kind) => supportLabels[kind]),
            consentToShareWith: report.consentToShareWith.map((kind) => supportLabels[kind]),
            acknowledgedAt: govukDateTime(report.acknowledgedAt),
            sharedWithoutConsent: report.sharedWithoutConsent.map((shared) => ({
              basis: sharingBasisLabels[shared.basis],
              reason: shared.reason,
              sharedWith: shared.sharedWith,
              by: staffLabel(shared.by),
              at: govukDateTime(shared.at),
            })),
          }
        : undefined,
      incidents: [...file.incidents]
        .sort((a, b) => a.occurredAt.localeCompare(b.occurredAt))
        .map((incident) => ({
          occurredAt: govukDateTime(incident.occurredAt),
          kind: incidentKindLabels[incident.kind],
          description: incident.description,
          witnesses: incident.witnesses || 'None recorded',
          evidence: incident.evidence || 'None recorded',
          recordedAt: govukDateTime(incident.recordedAt),
        })),
      outcome: theCase.outcome
        ? {
            kind: outcomeLabels[theCase.outcome.kind],
            note: theCase.outcome.note,
            by: staffLabel(theCase.outcome.by),
            at: govukDateTime(theCase.outcome.at),
          }
        : undefined,
      closure: theCase.closure
        ? {
            reason: theCase.closure.reason,
            by: staffLabel(theCase.closure.by),
            at: govukDateTime(theCase.closure.at),
          }
        : undefined,
      accessReports: [...theCase.accessReports].reverse().map((report) => ({
        requestedAt: govukDateTime(report.requestedAt),
        status: report.status,
        downloadPath: report.downloadPath ?? '',
        documentId: report.documentId ?? '',
        failure: report.failure ?? '',
      })),
      members: file.members.map((member) => ({
        collarNumber: member.collarNumber,
        name: member.displayName ?? '',
        role: roleLabels[member.role],
        removable: member.role !== 'reporting-victim',
        reason: member.reason,
        until: member.until ? govukDateTime(member.until) : '',
        current: memberIsCurrent(member, now),
      })),
      conflicts: file.conflicts.map((conflict) => ({
        collarNumber: conflict.collarNumber,
        name: conflict.displayName ?? '',
        relation: relationLabels[conflict.relation],
        reason: conflict.reason,
        addedBy: conflict.addedBy
          ? staffLabel(conflict.addedBy)
          : 'Staff directory, when the case was recorded',
      })),
      grants: file.grants.map((grant) => grantView(theCase.id, grant, now)),
    },
    viewer: {
      why: decision.allowed ? allowedReasons[decision.reason] : '',
      grant: myGrant ? { kind: myGrant.kind, until: govukDateTime(myGrant.validUntil ?? '') } : undefined,
      isPsd: principal.department === 'PSD',
    },
    can: can(principal, file, now),
    options: {
      outcomes: Object.entries(outcomeLabels).map(([value, text]) => ({ value, text })),
      relations: Object.entries(relationLabels).map(([value, text]) => ({ value, text })),
      incidentKinds: Object.entries(incidentKindLabels).map(([value, text]) => ({ value, text })),
      sharingBases: Object.entries(sharingBasisLabels).map(([value, text]) => ({ value, text })),
    },
  };
};

export const grantPeriodOptions = grantPeriodsHours.map((hours) => ({
  value: String(hours),
  text: hours < 24 ? `${hours} hours` : hours === 24 ? '1 day' : `${hours / 24} days`,
}));

export { breakGlassHours };

export const alertView = (alert: AccessAlert) => ({
  at: govukDateTime(alert.at),
  caseId: alert.caseId,
  href: alert.caseKnown ? `/staff/restricted-cases/cases/${alert.caseId}` : '',
  who: `${alert.actor.collarNumber}, ${rankLabel(alert.actor.rank)}, ${departmentLabel(alert.actor.department)}`,
  what: actionLabels[alert.action],
  outcome:
    alert.outcome === 'allowed'
      ? { text: 'Allowed', classes: 'govuk-tag--green' }
      : { text: 'Denied', classes: 'govuk-tag--red' },
  decision: alert.decision,
  reasonGiven: alert.reasonGiven ?? '',
  attention: needsAttention(alert),
  emergency: alert.action === 'break-glass',
  unknownCase: !alert.caseKnown,
});

export const accessLogView = (entries: readonly AuditEntry[], verification: ChainVerification) => ({
  verification: verification.ok
    ? {
        ok: true,
        text: `Chain intact: ${verification.length} entries, each linked by hash to the one before it.`,
      }
    : {
        ok: false,
        text: `Chain broken at entry ${verification.brokenAt} (${verification.problem}): ${verification.explanation}`,
      },
  entries: [...entries].reverse().map((entry) => ({
    sequence: entry.sequence,
    at: govukDateTime(entry.at),
    who:
      'collarNumber' in entry.actor
        ? `${entry.actor.collarNumber}, ${rankLabel(entry.actor.rank)}, ${departmentLabel(entry.actor.department)}`
        : `System (${entry.actor.system})`,
    action: entry.action.replace(/-/g, ' '),
    reason: entry.reason ?? '',
    outcome:
      entry.outcome === 'allowed'
        ? { text: 'Allowed', classes: 'govuk-tag--green' }
        : { text: 'Denied', classes: 'govuk-tag--red' },
  })),
});
