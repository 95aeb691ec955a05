import type { Principal } from '../../../shared/auth/principal.ts';
import { rankIndex } from '../../../shared/auth/principal.ts';
import type { DispatchRecord } from '../adapters/dynamo-report-store.ts';
import { categoryOf } from '../domain/categories.ts';
import { describeAge, incidentListRows } from '../domain/incident-list.ts';
import {
  canManageIncident,
  finalClassificationLabels,
  type IncidentLog,
  isAwaitingSupervisor,
  isForceResponseSupervisor,
  type StaffRef,
  thriveElementLabels,
  thriveElements,
} from '../domain/incident-log.ts';
import { formatDateForPeople } from '../domain/journey/fields.ts';
import { isDomesticAbuse, type OnlineReport } from '../domain/report.ts';
import { markerLabels } from '../domain/screening.ts';
import { ageBandLabels, contactMethodLabels, gradeLabels, relationshipLabels } from '../domain/vocabulary.ts';

/** What the staff pages show, shaped for the templates: labels resolved, nothing computed in Nunjucks. */

export interface Row {
  readonly key: string;
  readonly lines: readonly string[];
}

const staffLabel = (by: StaffRef | undefined): string =>
  by
    ? `${by.collarNumber} (${by.rank === 'police-staff' ? 'police staff' : by.rank.replace(/-/g, ' ')})`
    : 'Screen';

const domesticAbuseLabels: Readonly<Record<OnlineReport['domesticAbuse'], string>> = {
  'not-apparent': 'Not apparent',
  'flagged-by-screen': 'Domestic abuse: found by the screen',
  'marked-by-staff': 'Domestic abuse: recorded by staff',
  removed: 'Taken out of domestic abuse',
};

export const reportRows = (report: OnlineReport): Row[] => {
  const { answers } = report;
  const rows: Row[] = [
    { key: 'Reference', lines: [report.reference] },
    { key: 'What happened', lines: [categoryOf(answers.category)?.label ?? answers.category] },
    { key: 'When', lines: [formatDateForPeople(answers.incidentDate)] },
    { key: 'Where', lines: answers.location.split('\n') },
    { key: 'In their words', lines: answers.description.split('\n') },
  ];
  if (answers.suspect) {
    rows.push(
      { key: 'Person involved', lines: [answers.suspect.name] },
      {
        key: 'Their age',
        lines: [
          answers.suspect.dateOfBirth
            ? `Born ${formatDateForPeople(answers.suspect.dateOfBirth)}`
            : ageBandLabels[answers.suspect.ageBand ?? 'not-known'],
        ],
      },
      { key: 'Relationship', lines: [relationshipLabels[answers.suspect.relationship]] },
    );
  } else {
    rows.push({ key: 'Person involved', lines: ['Not known'] });
  }
  const contact = answers.contact;
  rows.push(
    { key: 'Reported by', lines: [answers.reporter.name] },
    { key: 'Their date of birth', lines: [formatDateForPeople(answers.reporter.dateOfBirth)] },
    {
      key: 'Safe ways to contact',
      lines: contact.methods.map((method) => {
        const detail = { phone: contact.phone, email: contact.email, 'in-person': contact.meetingPlace }[
          method
        ];
        return detail ? `${contactMethodLabels[method]}: ${detail}` : contactMethodLabels[method];
      }),
    },
    {
      key: 'Safe times',
      lines: [
        contact.safeTimes === 'any-time' ? 'At any time' : (contact.safeTimesDetail ?? 'Certain times'),
      ],
    },
    { key: 'Voicemail or messages', lines: [contact.messagesAllowed ? 'Allowed' : 'Do not leave any'] },
    { key: 'Word to use', lines: [contact.safeWord ?? 'None'] },
  );
  return rows;
};

export interface Permissions {
  readonly manage: boolean;
  readonly supervise: boolean;
  readonly declassify: boolean;
}

export const permissionsOf = (principal: Principal): Permissions => ({
  manage: canManageIncident(principal),
  supervise: isForceResponseSupervisor(principal),
  declassify: rankIndex(principal.rank) >= rankIndex('sergeant'),
});

const incidentView = (log: IncidentLog, dispatches: readonly DispatchRecord[]) => ({
  status: log.status === 'open' ? 'Open' : 'Closed',
  open: log.status === 'open',
  domesticAbuse: log.domesticAbuse,
  grade: log.grade,
  gradeLabel: gradeLabels[log.grade],
  markers: log.markers.map((marker) => markerLabels[marker]),
  openedAt: log.openedAt,
  openedBy: log.opened.by === 'screening' ? 'The domestic-abuse screen' : staffLabel(log.opened.staff),
  gradeHistory: log.gradeHistory.map((change) => ({
    grade: change.grade,
    reason: change.reason,
    at: change.at,
    by: staffLabel(change.by),
    safety:
      change.grade === 'P3'
        ? `Immediate safety confirmed. Perpetrator next likely with the victim: ${change.perpetratorNextWithVictim ?? ''}`
        : undefined,
  })),
  thrive: log.thrive
    .map((assessment, index) => ({
      number: index + 1,
      at: assessment.recordedAt,
      by: staffLabel(assessment.recordedBy),
      newInformation: assessment.newInformation,
      rows: thriveElements.map((element) => ({
        key: thriveElementLabels[element],
        text: assessment.rationale[element],
      })),
    }))
    .reverse(),
  hasThrive: log.thrive.length > 0,
  dispatches: dispatches.map((record) => ({
    at: record.requestedAt,
    grade: record.message.data.grade,
    purpose: record.message.data.purpose,
    id: record.message.id,
  })),
  repeat: log.repeat
    ? {
        matched: log.repeat.matchedReferences.join(', '),
        raisedAt: log.repeat.alertRaisedAt,
        awaiting: isAwaitingSupervisor(log),
        acknowledgedAt: log.repeat.acknowledgedAt,
        acknowledgedBy: log.repeat.acknowledgedBy ? staffLabel(log.repeat.acknowledgedBy) : undefined,
        supervisionNote: log.repeat.supervisionNote,
      }
    : undefined,
  serialPerpetrator: log.serialPerpetrator,
  closure: log.closure
    ? {
        classification: finalClassificationLabels[log.closure.classification],
        note: log.closure.note,
        by: staffLabel(log.closure.by),
        at: log.closure.at,
      }
    : undefined,
  declassified: log.declassified
    ? { reason: log.declassified.reason, by: staffLabel(log.declassified.by), at: log.declassified.at }
    : undefined,
});

export interface LoadedCase {
  readonly report: OnlineReport;
  readonly log: IncidentLog | undefined;
  readonly dispatches: readonly DispatchRecord[];
}

export const reportPageContext = (loaded: LoadedCase, principal: Principal, now: Date) => ({
  serviceName: 'Online reports',
  report: {
    id: loaded.report.id,
    reference: loaded.report.reference,
    submittedAt: loaded.report.submittedAt,
    age: describeAge(loaded.report.submittedAt, now),
    rows: reportRows(loaded.report),
    domesticAbuse: isDomesticAbuse(loaded.report),
    domesticAbuseLabel: domesticAbuseLabels[loaded.report.domesticAbuse],
    awaitingReview: loaded.report.review.status === 'awaiting-review',
    reviewedBy: loaded.report.review.by ? staffLabel(loaded.report.review.by) : undefined,
    reviewedAt: loaded.report.review.at,
    screening: {
      triggers: loaded.report.screening.triggers.map((trigger) => trigger.explanation),
      notes: loaded.report.screening.notes,
      gradeReason: loaded.report.screening.gradeReason,
      childSafeguarding: loaded.report.screening.childSafeguarding,
    },
  },
  incident: loaded.log ? incidentView(loaded.log, loaded.dispatches) : undefined,
  can: permissionsOf(principal),
  thriveFields: thriveElements.map((element) => ({ name: element, label: thriveElementLabels[element] })),
});

export const contactQueueContext = (reports: readonly OnlineReport[], now: Date) => ({
  serviceName: 'Online reports',
  reports: reports.map((report) => ({
    id: report.id,
    reference: report.reference,
    category: categoryOf(report.answers.category)?.label ?? report.answers.category,
    submittedAt: report.submittedAt,
    age: describeAge(report.submittedAt, now),
    domesticAbuse: isDomesticAbuse(report),
    childSafeguarding: report.screening.childSafeguarding,
  })),
});

export const incidentListContext = (logs: readonly IncidentLog[], now: Date) => ({
  serviceName: 'Online reports',
  rows: incidentListRows(logs, now).map((row) => ({
    ...row,
    markerLabels: row.markers.map((marker) => markerLabels[marker]),
  })),
});
