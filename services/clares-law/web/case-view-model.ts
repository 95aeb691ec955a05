import type { AuditEntry } from '../../../shared/audit/chain.ts';
import { rankLabel } from '../../../shared/auth/principal.ts';
import { formatLondon, type HolidaySource } from '../../../shared/calendar/index.ts';
import { type CaseClock, type ClockState, caseClocks, nextDueClock } from '../domain/clocks.ts';
import {
  type DvdsCase,
  type HistoryEvent,
  type Officer,
  type PatternFlag,
  type PersonAtRisk,
  type SafeContact,
  type Subject,
  stageLabels,
} from '../domain/model.ts';
import { ruleSetOf } from '../domain/rule-sets.ts';
import { type CaseAction, transitions } from '../domain/stage-machine.ts';
import {
  agencyLabels,
  categoryLabels,
  checkKindLabels,
  checkKinds,
  concernFactorLabels,
  concernKindLabels,
  contactChannelLabels,
  contactMethodLabels,
  contactOutcomeLabels,
  contactPeriodLabels,
  entryRouteLabels,
  forumLabels,
  identityDocumentLabels,
  informationSourceLabels,
  noConcernGroundLabels,
  outcomeLabels,
  recipientRoleLabels,
  relationshipToPersonAtRiskLabels,
  subjectRelationshipLabels,
} from '../domain/vocabulary.ts';
import { latestChecks } from '../domain/workflow.ts';
import { displayValue } from './form-view.ts';

/** A GOV.UK tag for where a clock stands; the words carry the meaning, the colour only repeats it. */
export const clockTag = (state: ClockState): { text: string; classes: string } => {
  switch (state) {
    case 'on-time':
      return { text: 'On time', classes: 'govuk-tag--green' };
    case 'due-soon':
      return { text: 'Due soon', classes: 'govuk-tag--yellow' };
    case 'overdue':
      return { text: 'Overdue', classes: 'govuk-tag--red' };
    case 'met':
      return { text: 'Done in time', classes: 'govuk-tag--grey' };
    case 'met-late':
      return { text: 'Done late', classes: 'govuk-tag--orange' };
    case 'stopped':
      return { text: 'Not needed', classes: 'govuk-tag--grey' };
  }
};

const when = (iso: string | Date | undefined): string => (iso ? formatLondon(iso) : '');
const calendarDate = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
/** A calendar date (`YYYY-MM-DD`, no time of day) as people write it: 27 March 1990. */
const dateText = (date: string): string => calendarDate.format(new Date(`${date}T00:00:00Z`));
const who = (officer: Officer): string =>
  `${officer.displayName}, ${rankLabel(officer.rank)} (${officer.collarNumber})`;

interface Row {
  key: { text: string };
  value: { text: string } | { html: string };
}
const row = (key: string, value: string | undefined): Row[] =>
  value === undefined || value === '' ? [] : [{ key: { text: key }, value: displayValue(value) }];

export const caseHref = (caseId: string): string => `/staff/clares-law/cases/${caseId}`;
export const actionHref = (caseId: string, action: CaseAction): string => `${caseHref(caseId)}/${action}`;

export interface CaseListRow {
  readonly reference: string;
  readonly href: string;
  readonly route: string;
  readonly stage: string;
  readonly owner: string;
  readonly nextDue: string;
  readonly nextClock: string;
  readonly tag: { text: string; classes: string } | undefined;
  readonly immediateRisk: boolean;
}

/** One line of the unit's case list: stage, owner, the soonest clock and its marker. */
export const caseListRow = (dvdsCase: DvdsCase, holidays: HolidaySource, now: Date): CaseListRow => {
  const next = nextDueClock(caseClocks(dvdsCase, holidays, now));
  return {
    reference: dvdsCase.id,
    href: caseHref(dvdsCase.id),
    route: entryRouteLabels[dvdsCase.route],
    stage: stageLabels[dvdsCase.stage],
    owner: dvdsCase.owner ? `${dvdsCase.owner.displayName} (${dvdsCase.owner.collarNumber})` : 'Unassigned',
    nextDue: next ? when(next.dueAt) : 'No clock running',
    nextClock: next?.label ?? '',
    tag: next ? clockTag(next.state) : undefined,
    immediateRisk: dvdsCase.immediateRisks.length > 0,
  };
};

const dateOrAge = (person: {
  dateOfBirth?: string | undefined;
  approximateAge?: number | undefined;
}): string => {
  if (person.dateOfBirth) return dateText(person.dateOfBirth);
  return person.approximateAge !== undefined ? `About ${person.approximateAge} years old` : 'Not known';
};

const personRows = (person: PersonAtRisk): Row[] => [
  ...row('Name', person.fullName),
  ...row('Date of birth or age', dateOrAge(person)),
  ...row('Address', person.address),
];

const subjectRows = (subject: Subject): Row[] => [
  ...row('Name', subject.fullName),
  ...row('Other names', subject.aliases.join('\n')),
  ...row('Date of birth or age', dateOrAge(subject)),
  ...row('Relationship to the person at risk', subjectRelationshipLabels[subject.relationshipToPersonAtRisk]),
  ...row('How the applicant knows them', subject.howApplicantKnowsThem),
  ...row('Addresses', subject.addresses),
  ...row('Description', subject.description),
];

export const safeContactRows = (safeContact: SafeContact | undefined): Row[] =>
  safeContact
    ? [
        ...row(
          'Agreed ways to make contact',
          safeContact.methods.map((m) => contactMethodLabels[m]).join('\n'),
        ),
        ...row('Phone', safeContact.phone),
        ...row('Email', safeContact.email),
        ...row('Police station', safeContact.station),
        ...row(
          'Support worker',
          safeContact.supportWorker
            ? `${safeContact.supportWorker.name}, ${safeContact.supportWorker.organisation}, ${safeContact.supportWorker.phone}`
            : undefined,
        ),
        ...row('Safe times', safeContact.safeTimes.map((p) => contactPeriodLabels[p]).join('\n')),
        ...row(
          'Never contact',
          safeContact.unsafeTimes.map((p) => contactPeriodLabels[p]).join('\n') || 'None given',
        ),
        ...row('Message or voicemail', safeContact.mayLeaveMessage ? 'May be left' : 'Must not be left'),
        ...row('Safe word', safeContact.safeWord),
        ...row('Must not do', safeContact.mustNotDo),
      ]
    : [
        {
          key: { text: 'Safe contact' },
          value: { text: 'None agreed: no contact may be logged until one is agreed' },
        },
      ];

const patternText = (flag: PatternFlag): string => {
  const role = { applicant: 'applicant', 'person-at-risk': 'person at risk', subject: 'subject' };
  const strength = flag.strength === 'name-only' ? 'possibly (name only)' : 'by name and date of birth';
  return `The ${role[flag.role]} on this case appears, ${strength}, as the ${role[flag.earlierRole]} on: ${flag.caseIds.join(', ')}`;
};

const historyText = (event: HistoryEvent): { at: string; by: string; summary: string } => ({
  at: when(event.at),
  by:
    event.by === 'applicant'
      ? 'The applicant (online)'
      : event.by === 'system'
        ? 'The service'
        : who(event.by),
  summary: event.summary,
});

const clockRow = (clock: CaseClock) => ({
  label: clock.label,
  source: clock.source,
  started: when(clock.startAt),
  due: when(clock.dueAt),
  ended: when(clock.endedAt),
  tag: clockTag(clock.state),
});

const auditRow = (entry: AuditEntry) => ({
  at: when(entry.at),
  by:
    'system' in entry.actor
      ? `Service (${entry.actor.system})`
      : `${rankLabel(entry.actor.rank)} ${entry.actor.collarNumber}`,
  action: entry.action,
  outcome: entry.outcome === 'allowed' ? 'Allowed' : 'Refused',
  reason: entry.reason ?? '',
});

/** Everything the case page shows, in display words; the templates only lay it out. */
export const casePageModel = (
  dvdsCase: DvdsCase,
  clocks: readonly CaseClock[],
  actions: readonly CaseAction[],
  accessLog: readonly AuditEntry[],
) => {
  const application = dvdsCase.application;
  const information = dvdsCase.information;
  const checks = latestChecks(dvdsCase);
  const primary = actions.filter(
    (action) =>
      ![
        'record-immediate-risk',
        'fast-track',
        'record-exceptional-circumstances',
        'log-contact-attempt',
        'take-ownership',
        'withdraw',
      ].includes(action),
  );
  const secondary = actions.filter((action) => !primary.includes(action));
  const link = (action: CaseAction) => ({
    href: actionHref(dvdsCase.id, action),
    text: transitions[action].label,
  });
  const decision = dvdsCase.forumDecision;
  return {
    reference: dvdsCase.id,
    route: entryRouteLabels[dvdsCase.route],
    stage: stageLabels[dvdsCase.stage],
    closed: dvdsCase.stage === 'closed',
    outcome: dvdsCase.outcome ? outcomeLabels[dvdsCase.outcome] : undefined,
    ruleSet: ruleSetOf(dvdsCase.ruleSet).title,
    owner: dvdsCase.owner ? who(dvdsCase.owner) : 'Unassigned',
    primaryActions: primary.map(link),
    secondaryActions: secondary.map(link),
    immediateRisks: dvdsCase.immediateRisks.map((risk) => ({
      at: when(risk.at),
      by: who(risk.by),
      description: risk.description,
    })),
    fastTrack: dvdsCase.fastTrack
      ? { at: when(dvdsCase.fastTrack.at), by: who(dvdsCase.fastTrack.by), reason: dvdsCase.fastTrack.reason }
      : undefined,
    exceptional: dvdsCase.exceptionalCircumstances
      ? {
          at: when(dvdsCase.exceptionalCircumstances.at),
          by: who(dvdsCase.exceptionalCircumstances.by),
          reason: dvdsCase.exceptionalCircumstances.reason,
          revisedDueDate: dateText(dvdsCase.exceptionalCircumstances.revisedDueDate),
        }
      : undefined,
    patterns: dvdsCase.patterns.map(patternText),
    clocks: clocks.map(clockRow),
    overview: [
      ...row('Route', entryRouteLabels[dvdsCase.route]),
      ...row('How it reached us', dvdsCase.channel ? contactChannelLabels[dvdsCase.channel] : undefined),
      ...row('Partner agency', dvdsCase.partnerAgency),
      ...row(
        dvdsCase.route === 'right-to-ask' ? 'Initial contact' : 'Information received',
        when(dvdsCase.startedAt),
      ),
      ...row('Recorded by', dvdsCase.receivedBy ? who(dvdsCase.receivedBy) : undefined),
      ...row('Stage', stageLabels[dvdsCase.stage]),
      ...row('Owner', dvdsCase.owner ? who(dvdsCase.owner) : 'Unassigned'),
      ...row('Rules', ruleSetOf(dvdsCase.ruleSet).title),
      ...row('Outcome', dvdsCase.outcome ? outcomeLabels[dvdsCase.outcome] : 'Not yet'),
    ],
    applicant: application
      ? [
          ...row('Name', application.applicant.fullName),
          ...row('Other names', application.applicant.otherNames.join('\n')),
          ...row('Date of birth', dateText(application.applicant.dateOfBirth)),
          ...row('Address', application.applicant.address),
          ...row(
            'Asking about',
            application.applicantIsPersonAtRisk ? 'Their own partner' : 'Someone they know',
          ),
          ...row(
            'How they know the person at risk',
            application.relationshipToPersonAtRisk
              ? relationshipToPersonAtRiskLabels[application.relationshipToPersonAtRisk]
              : undefined,
          ),
          ...row('Consent to information sharing', application.consentToShare ? 'Given' : 'Not given'),
        ]
      : undefined,
    information: information
      ? [
          ...row('Source', informationSourceLabels[information.source]),
          ...row('Source details', information.sourceDetails),
          ...row('Summary', information.summary),
        ]
      : undefined,
    personAtRisk: application?.personAtRisk
      ? personRows(application.personAtRisk)
      : information
        ? personRows(information.personAtRisk)
        : undefined,
    children: (() => {
      const children = application?.children ?? information?.children;
      return children
        ? [...row('Children affected', children.affected ? 'Yes' : 'No'), ...row('Details', children.details)]
        : [];
    })(),
    subject: (() => {
      const subject = application?.subject ?? information?.subject;
      return subject ? subjectRows(subject) : [];
    })(),
    concerns: application
      ? [
          ...row('Worries', application.concerns.kinds.map((kind) => concernKindLabels[kind]).join('\n')),
          ...row('Why they are asking', application.concerns.whyAsking),
        ]
      : undefined,
    safeContact: safeContactRows(application?.safeContact ?? information?.safeContact),
    contactAttempts: dvdsCase.contactAttempts.map((attempt) => ({
      at: when(attempt.at),
      by: who(attempt.by),
      method: contactMethodLabels[attempt.method],
      outcome: contactOutcomeLabels[attempt.outcome],
      note: attempt.note ?? '',
      flagged: attempt.flags.includes('outside-safe-times'),
    })),
    refusedContacts: dvdsCase.refusedContacts.map((refused) => ({
      at: when(refused.at),
      by: who(refused.by),
      method: contactMethodLabels[refused.method],
      reasons: refused.reasons.join(' '),
    })),
    checks: checkKinds
      .filter((kind) => kind !== 'visor' || checks.has('visor') || checks.get('pnc')?.visorMarker)
      .map((kind) => {
        const check = checks.get(kind);
        return {
          kind: checkKindLabels[kind],
          done: check !== undefined,
          when: check ? when(check.checkedAt) : '',
          by: check ? who(check.by) : '',
          result: check
            ? `${check.result === 'trace' ? 'Trace' : 'No trace'}${check.visorMarker ? ' (ViSOR marker)' : ''}`
            : 'Not recorded',
          summary: check?.summary ?? '',
        };
      }),
    authorisation: dvdsCase.authorisation
      ? [
          ...row('Decision', dvdsCase.authorisation.authorised ? 'Authorised to proceed' : 'Not authorised'),
          ...row('By', who(dvdsCase.authorisation.by)),
          ...row('When', when(dvdsCase.authorisation.at)),
          ...row('Rationale', dvdsCase.authorisation.rationale),
        ]
      : undefined,
    progression: dvdsCase.progression
      ? [
          ...row('Decision', dvdsCase.progression.progress ? 'Progress' : 'Do not progress'),
          ...row('By', who(dvdsCase.progression.by)),
          ...row('When', when(dvdsCase.progression.decidedAt)),
          ...row('Immediate risk identified', dvdsCase.progression.immediateRiskIdentified ? 'Yes' : 'No'),
          ...row(
            'Support details given',
            dvdsCase.progression.supportDetailsGiven === undefined
              ? undefined
              : dvdsCase.progression.supportDetailsGiven
                ? 'Yes'
                : 'No',
          ),
          ...row('Rationale', dvdsCase.progression.rationale),
        ]
      : undefined,
    meeting: dvdsCase.meeting
      ? [
          ...row('Held', when(dvdsCase.meeting.heldAt)),
          ...row('Where', dvdsCase.meeting.place),
          ...row('By', who(dvdsCase.meeting.by)),
          ...row(
            'Identity verified with',
            dvdsCase.meeting.identityDocuments.map((d) => identityDocumentLabels[d]).join('\n'),
          ),
          ...row('Preliminary warnings', 'Given'),
          ...row('Request malicious', dvdsCase.meeting.requestMalicious ? 'Yes' : 'No'),
          ...row('Why', dvdsCase.meeting.maliceAssessment),
          ...row('Confidentiality undertaking', 'Explained'),
          ...row('Information pack', 'Given'),
          ...row('Further details', dvdsCase.meeting.furtherDetails),
        ]
      : undefined,
    riskAssessment: dvdsCase.riskAssessment
      ? [
          ...row('Completed', when(dvdsCase.riskAssessment.completedAt)),
          ...row('By', who(dvdsCase.riskAssessment.by)),
          ...row('Tool', dvdsCase.riskAssessment.tool),
          ...row('Risk level', dvdsCase.riskAssessment.level),
          ...row('Summary', dvdsCase.riskAssessment.summary),
        ]
      : undefined,
    categorisation: dvdsCase.categorisation
      ? [
          ...row('Category', categoryLabels[dvdsCase.categorisation.category]),
          ...row(
            'Factors',
            dvdsCase.categorisation.concernFactors.map((f) => concernFactorLabels[f]).join('\n'),
          ),
          ...row(
            'Grounds',
            dvdsCase.categorisation.noConcernGrounds.map((g) => noConcernGroundLabels[g]).join('\n'),
          ),
          ...row('By', who(dvdsCase.categorisation.by)),
          ...row('When', when(dvdsCase.categorisation.at)),
          ...row('Rationale', dvdsCase.categorisation.rationale),
        ]
      : undefined,
    forumDecision: decision
      ? [
          ...row('Forum', forumLabels[decision.forum]),
          ...row('Decided', when(decision.decidedAt)),
          ...row('Reference', decision.decisionReference),
          ...row('Agencies', decision.agencies.map((a) => agencyLabels[a]).join('\n')),
          ...row('Finding', categoryLabels[decision.category]),
          ...row('Decision', decision.decision === 'disclose' ? 'Disclose' : 'Do not disclose'),
          ...row('Rationale', decision.rationale),
          ...row(
            'Representations from the subject',
            decision.representations.sought
              ? `Sought: ${decision.representations.summary}`
              : `Not sought: ${decision.representations.reasonNotSought}`,
          ),
          ...row('What will be disclosed', decision.plan?.what),
          ...row(
            'To whom',
            decision.plan
              ? `${decision.plan.recipient.fullName} (${recipientRoleLabels[decision.plan.recipient.role]}; ${decision.plan.recipient.relationship})`
              : undefined,
          ),
          ...row(
            'How, when and where',
            decision.plan
              ? `In person, by ${decision.plan.agency}, ${when(decision.plan.plannedFor)}, at ${decision.plan.place}`
              : undefined,
          ),
          ...row('Subject referred to', decision.subjectReferredTo),
          ...row('Recorded by', who(decision.by)),
        ]
      : undefined,
    disclosure: dvdsCase.disclosure
      ? {
          rows: [
            ...row('Disclosed', when(dvdsCase.disclosure.disclosedAt)),
            ...row('Where', dvdsCase.disclosure.place),
            ...row('By', who(dvdsCase.disclosure.by)),
            ...row(
              'Accompanied by',
              dvdsCase.disclosure.accompaniedBy
                ? `${dvdsCase.disclosure.accompaniedBy.name}, ${rankLabel(dvdsCase.disclosure.accompaniedBy.rank)} (${dvdsCase.disclosure.accompaniedBy.collarNumber})`
                : undefined,
            ),
            ...row(
              'Undertaking',
              dvdsCase.disclosure.undertaking.status === 'signed'
                ? 'Signed'
                : `Refused; ${dvdsCase.disclosure.undertaking.outcome === 'disclosure-went-ahead' ? 'disclosure went ahead' : 'disclosure not made'}: ${dvdsCase.disclosure.undertaking.rationale}`,
            ),
            ...row(
              'Information pack',
              dvdsCase.disclosure.informationPackGiven
                ? 'Given'
                : `Not given: ${dvdsCase.disclosure.reasonPackNotGiven ?? ''}`,
            ),
          ],
          verbatim: dvdsCase.disclosure.verbatim,
        }
      : undefined,
    disclosureRecord: dvdsCase.disclosureRecord,
    noDisclosureOutcome: dvdsCase.noDisclosureOutcome
      ? [
          ...row('Told in person', when(dvdsCase.noDisclosureOutcome.toldAt)),
          ...row('Where', dvdsCase.noDisclosureOutcome.place),
          ...row('By', who(dvdsCase.noDisclosureOutcome.by)),
          ...row(
            'Advised',
            'No information to disclose does not mean there is no risk; report any future concerns',
          ),
          ...row('Information pack', 'Given'),
          ...row('Notes', dvdsCase.noDisclosureOutcome.notes),
        ]
      : undefined,
    withdrawal: dvdsCase.withdrawal
      ? [
          ...row('Withdrawn', when(dvdsCase.withdrawal.at)),
          ...row('Recorded by', who(dvdsCase.withdrawal.by)),
          ...row('Reason', dvdsCase.withdrawal.reason),
        ]
      : undefined,
    intelligenceRecord: dvdsCase.intelligenceRecord
      ? [
          ...row('Submitted', when(dvdsCase.intelligenceRecord.submittedAt)),
          ...row('By', who(dvdsCase.intelligenceRecord.by)),
          ...row('Reference', dvdsCase.intelligenceRecord.reference),
          ...row('Systems', dvdsCase.intelligenceRecord.systems),
          ...row('Summary', dvdsCase.intelligenceRecord.summary),
        ]
      : undefined,
    history: [...dvdsCase.history].reverse().map(historyText),
    accessLog: [...accessLog].reverse().map(auditRow),
  };
};
