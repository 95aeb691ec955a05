import { caseReference } from './documents.ts';
import type { DvpnCase } from './model.ts';
import type { CaseSummary } from './ports.ts';

export const summaryOf = (dvpnCase: DvpnCase): CaseSummary => {
  const decision = dvpnCase.decision;
  const lastHearing = dvpnCase.hearings.at(-1);
  return {
    id: dvpnCase.id,
    reference: caseReference(dvpnCase),
    status: dvpnCase.status,
    packId: dvpnCase.pack.id,
    unit: dvpnCase.unit,
    draftedBy: { collarNumber: dvpnCase.draftedBy.collarNumber, displayName: dvpnCase.draftedBy.displayName },
    draftedAt: dvpnCase.draftedAt,
    submittedAt: dvpnCase.submittedAt,
    authorisedAt: decision?.outcome === 'authorised' ? decision.at : undefined,
    servedAt: dvpnCase.service?.servedAt,
    hearingDueBy: dvpnCase.service?.hearingDueBy,
    adjournedTo: lastHearing?.outcome === 'adjourned' ? lastHearing.adjournedTo : undefined,
    orderExpiresAt: lastHearing?.outcome === 'granted' ? lastHearing.expiresAt : undefined,
    noticeStatus: dvpnCase.notice?.status,
    applicationPrepared: dvpnCase.application !== undefined,
    warningsSent: dvpnCase.warningsSent,
    updatedAt: dvpnCase.updatedAt,
  };
};

/** An order made until further order sorts after every dated one. */
const openEnded = '9999-12-31T23:59:59.999Z';

/**
 * The instant a status lists its cases by: the court deadline for served notices, the time waited for
 * those awaiting authorisation, and so on, so each dashboard section is one ordered query.
 */
export const sortInstantOf = (summary: CaseSummary): string => {
  switch (summary.status) {
    case 'draft':
      return summary.draftedAt;
    case 'awaiting-authorisation':
      return summary.submittedAt ?? summary.updatedAt;
    case 'authorised':
    case 'notice-issued':
      return summary.authorisedAt ?? summary.updatedAt;
    case 'served':
      return summary.hearingDueBy ?? summary.updatedAt;
    case 'adjourned':
      return summary.adjournedTo ?? summary.updatedAt;
    case 'order-granted':
      return summary.orderExpiresAt ?? openEnded;
    default:
      return summary.updatedAt;
  }
};
