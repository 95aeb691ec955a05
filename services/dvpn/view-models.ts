import { type Principal, rankLabel } from '../../shared/auth/principal.ts';
import { formatLondon } from '../../shared/calendar/index.ts';
import type { Dashboard } from './case-service.ts';
import { mayPerform } from './domain/access.ts';
import { ageAt } from './domain/age.ts';
import { considerationLabels, requiredConsiderations } from './domain/considerations.ts';
import { type Countdown, countdown, durationText } from './domain/countdown.ts';
import { caseReference } from './domain/documents.ts';
import { availableConditions, conditionLabels } from './domain/draft-rules.ts';
import type { MonthFigures } from './domain/figures.ts';
import type { DvpnCase, Officer } from './domain/model.ts';
import { statusLabels } from './domain/model.ts';
import type { CaseSummary } from './domain/ports.ts';
import {
  associationLabels,
  groundLabels,
  type OptionalCondition,
  optionalConditions,
  type RulesPack,
} from './domain/rules-packs.ts';
import { heardWithinTime, packOf } from './domain/workflow.ts';

export const officerText = (officer: Pick<Officer, 'displayName' | 'rank' | 'collarNumber'>): string =>
  `${officer.displayName}, ${rankLabel(officer.rank)} (${officer.collarNumber})`;

const statusColours: Readonly<Record<DvpnCase['status'], string>> = {
  draft: 'govuk-tag--grey',
  'awaiting-authorisation': 'govuk-tag--orange',
  refused: 'govuk-tag--red',
  authorised: 'govuk-tag--yellow',
  'notice-issued': 'govuk-tag--blue',
  served: 'govuk-tag--purple',
  adjourned: 'govuk-tag--pink',
  'order-granted': 'govuk-tag--green',
  'order-refused': 'govuk-tag--grey',
};

const countdownColours: Readonly<Record<Countdown['status'], string>> = {
  'on-time': 'govuk-tag--green',
  'due-soon': 'govuk-tag--orange',
  overdue: 'govuk-tag--red',
};

export const statusTag = (status: DvpnCase['status']) => ({
  text: statusLabels[status],
  classes: statusColours[status],
});

export const countdownView = (due: string, now: Date) => {
  const clock = countdown(new Date(due), now);
  return { ...clock, tag: { text: clock.text, classes: countdownColours[clock.status] } };
};

const conditionText = (
  condition: OptionalCondition,
  distance: number | undefined,
  premises: string | undefined,
) =>
  condition === 'stay-away'
    ? `Not to come within ${distance ?? '?'} metres of ${premises ?? 'the premises'}`
    : conditionLabels[condition];

/** The choices a conditions question offers under the pack, with what was chosen ticked. */
export const conditionItems = (pack: RulesPack, sharesPremises: boolean | undefined) =>
  optionalConditions
    .filter((condition) => pack.conditions[condition] !== 'unavailable')
    .map((condition) => ({
      value: condition,
      text: conditionLabels[condition],
      hint:
        pack.conditions[condition] === 'shared-premises'
          ? { text: 'Only where the recipient and the person protected live in the same premises' }
          : undefined,
      available:
        sharesPremises === undefined || availableConditions(pack, sharesPremises).includes(condition),
    }));

export const packView = (pack: RulesPack) => ({
  id: pack.id,
  act: pack.act,
  noticeName: pack.noticeName,
  noticeAbbreviation: pack.noticeAbbreviation,
  orderName: pack.orderName,
  orderAbbreviation: pack.orderAbbreviation,
  authoriserRank: rankLabel(pack.authoriserMinimumRank).toLowerCase(),
  authoriserSource: pack.authoriserSource,
  mandatoryCondition: pack.mandatoryCondition.text,
  orderDuration: pack.orderDuration,
  orderDurationSource: pack.orderDurationSource,
  clockSource: pack.clockSource,
  associations: pack.associations.map((kind) => ({ value: kind, text: associationLabels[kind] })),
  grounds: pack.grounds.map((kind) => ({ value: kind, text: groundLabels[kind] })),
  conditions: conditionItems(pack, undefined),
});

/** Everything the case page shows, and which actions this person may take at this stage. */
export const caseView = (dvpnCase: DvpnCase, principal: Principal, now: Date) => {
  const pack = packOf(dvpnCase);
  const { details } = dvpnCase;
  const may = (action: Parameters<typeof mayPerform>[1]) => mayPerform(principal, action, pack);
  const status = dvpnCase.status;
  const recipientAge = ageAt(details.recipient.dateOfBirth, now);
  const decision = dvpnCase.decision;
  const service = dvpnCase.service;
  const application = dvpnCase.application;
  return {
    id: dvpnCase.id,
    reference: caseReference(dvpnCase),
    pack: packView(pack),
    packVersion: dvpnCase.pack.version,
    status,
    statusTag: statusTag(status),
    details,
    unit: dvpnCase.unit,
    associationText: associationLabels[details.protectedPerson.association],
    groundsText: groundLabels[details.grounds.kind],
    incidentAt: formatLondon(details.incident.occurredAt),
    conditions: [
      pack.mandatoryCondition.text,
      ...details.conditions.map((condition) =>
        conditionText(condition, details.stayAwayDistanceMetres, details.premisesAddress),
      ),
    ],
    recipientUnderAge: recipientAge < pack.recipientMinimumAge,
    recipientAge,
    draftedBy: officerText(dvpnCase.draftedBy),
    draftedAt: formatLondon(dvpnCase.draftedAt),
    submittedAt: dvpnCase.submittedAt ? formatLondon(dvpnCase.submittedAt) : undefined,
    waited:
      status === 'awaiting-authorisation' && dvpnCase.submittedAt
        ? durationText(now.getTime() - new Date(dvpnCase.submittedAt).getTime())
        : undefined,
    decision: decision
      ? {
          outcome: decision.outcome,
          by: officerText(decision.by),
          at: formatLondon(decision.at),
          reasonableGrounds: decision.outcome === 'authorised' ? decision.reasonableGrounds : undefined,
          reason: decision.outcome === 'refused' ? decision.reason : undefined,
          considerations:
            decision.outcome === 'authorised'
              ? requiredConsiderations(details).map((key) => considerationLabels[key])
              : [],
        }
      : undefined,
    notice: dvpnCase.notice,
    service: service
      ? {
          servedAt: formatLondon(service.servedAt),
          place: service.place,
          servedBy: officerText(service.servedBy),
          addressForHearingNotice: service.addressForHearingNotice,
          hearingDueBy: formatLondon(service.hearingDueBy),
          countdown: status === 'served' ? countdownView(service.hearingDueBy, now) : undefined,
        }
      : undefined,
    application: application
      ? {
          court: application.court,
          conditions: [
            pack.mandatoryCondition.text,
            ...application.conditionsSought.map((condition) =>
              conditionText(condition, application.stayAwayDistanceMetres, details.premisesAddress),
            ),
          ],
          duration:
            application.durationSoughtDays === null
              ? 'Until further order'
              : `${application.durationSoughtDays} days`,
          summary: application.summary,
          preparedBy: officerText(application.preparedBy),
          preparedAt: formatLondon(application.preparedAt),
          pack: application.pack,
        }
      : undefined,
    hearings: dvpnCase.hearings.map((hearing) => ({
      outcome: hearing.outcome,
      heardAt: formatLondon(hearing.heardAt),
      recordedBy: officerText(hearing.recordedBy),
      conditions:
        hearing.outcome === 'granted'
          ? [
              pack.mandatoryCondition.text.replace('this notice', 'this order'),
              ...hearing.conditions.map((condition) =>
                conditionText(condition, hearing.stayAwayDistanceMetres, details.premisesAddress),
              ),
            ]
          : [],
      duration:
        hearing.outcome === 'granted'
          ? hearing.durationDays === null
            ? 'Until further order'
            : `${hearing.durationDays} days`
          : undefined,
      expiresAt:
        hearing.outcome === 'granted' && hearing.expiresAt ? formatLondon(hearing.expiresAt) : undefined,
      adjournedTo: hearing.outcome === 'adjourned' ? formatLondon(hearing.adjournedTo) : undefined,
      reason: hearing.outcome === 'granted' ? undefined : hearing.reason,
    })),
    heardWithinTime: heardWithinTime(dvpnCase),
    breaches: dvpnCase.breaches.map((breach) => ({
      of: breach.of === 'notice' ? pack.noticeAbbreviation : pack.orderAbbreviation,
      occurredAt: formatLondon(breach.occurredAt),
      description: breach.description,
      arrested: breach.arrested,
      recordedBy: officerText(breach.recordedBy),
    })),
    can: {
      edit:
        status === 'draft' && dvpnCase.draftedBy.collarNumber === principal.collarNumber && may('edit-draft'),
      submit: status === 'draft' && may('submit'),
      decide:
        status === 'awaiting-authorisation' &&
        may('authorise') &&
        dvpnCase.draftedBy.collarNumber !== principal.collarNumber,
      retryNotice: status === 'authorised' && dvpnCase.notice?.status !== 'ready' && may('retry-document'),
      retryPack: application !== undefined && application.pack.status !== 'ready' && may('retry-document'),
      serve: status === 'notice-issued' && may('record-service'),
      apply: status === 'served' && application === undefined && may('prepare-application'),
      hearing:
        (status === 'served' || status === 'adjourned') && application !== undefined && may('record-hearing'),
      breach:
        ['served', 'adjourned', 'order-granted', 'order-refused'].includes(status) && may('record-breach'),
    },
  };
};

const summaryRow = (summary: CaseSummary, now: Date) => ({
  id: summary.id,
  reference: summary.reference,
  statusTag: statusTag(summary.status),
  draftedBy: `${summary.draftedBy.displayName} (${summary.draftedBy.collarNumber})`,
  unit: summary.unit,
  waited: summary.submittedAt
    ? durationText(now.getTime() - new Date(summary.submittedAt).getTime())
    : undefined,
  hearingDueBy: summary.hearingDueBy ? formatLondon(summary.hearingDueBy) : undefined,
  countdown:
    summary.status === 'served' && summary.hearingDueBy
      ? countdownView(summary.hearingDueBy, now)
      : undefined,
  adjournedTo: summary.adjournedTo ? formatLondon(summary.adjournedTo) : undefined,
  orderExpiresAt:
    summary.orderExpiresAt === null
      ? 'Until further order'
      : summary.orderExpiresAt
        ? formatLondon(summary.orderExpiresAt)
        : undefined,
  noticeStatus: summary.noticeStatus,
  applicationPrepared: summary.applicationPrepared,
  authorisedAt: summary.authorisedAt ? formatLondon(summary.authorisedAt) : undefined,
  draftedAt: formatLondon(summary.draftedAt),
});

export const dashboardView = (board: Dashboard, now: Date) =>
  Object.fromEntries(
    Object.entries(board).map(([status, section]) => [
      status,
      {
        total: section.total,
        shown: section.cases.length,
        rows: section.cases.map((summary) => summaryRow(summary, now)),
      },
    ]),
  );

const hoursAndMinutes = (ms: number | null): string => (ms === null ? 'None' : durationText(ms));

export const figuresView = (rows: readonly MonthFigures[]) =>
  rows.map((row) => ({
    ...row,
    monthLabel: new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(`${row.month}-01T00:00:00Z`),
    ),
    medianDraftToAuthorisation: hoursAndMinutes(row.medianDraftToAuthorisationMs),
    medianServiceToHearing: hoursAndMinutes(row.medianServiceToHearingMs),
  }));
