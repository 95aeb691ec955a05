import { rankLabel } from '../../shared/auth/principal.ts';
import { formatLondon } from '../../shared/calendar/index.ts';
import { DocumentRequested, documentRequestsQueue } from '../../shared/contracts/documents.ts';
import {
  type NotificationAudience,
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../shared/contracts/staff-notification.ts';
import { createMessage } from '../../shared/messaging/publish.ts';
import { documentRepliesQueue } from './config.ts';
import {
  type ApplicationPackRequest,
  applicationPackDocument,
  caseReference,
  type NoticeRequest,
  noticeDocument,
} from './domain/documents.ts';
import type { Change, DvpnCase, DvpnEvent, WarningThreshold } from './domain/model.ts';
import type { OutgoingMessage } from './domain/ports.ts';
import { applicationPackFailed, noticeFailed, packOf } from './domain/workflow.ts';

export interface EffectContext {
  readonly now: Date;
  readonly correlationId: string;
  readonly newId: () => string;
}

const caseLink = (dvpnCase: DvpnCase): string => `/staff/dvpn/${dvpnCase.id}`;

const caseOfficer = (dvpnCase: DvpnCase): NotificationAudience => ({
  kind: 'person',
  collarNumber: dvpnCase.draftedBy.collarNumber,
});

/** The duty authorisers under the case's pack: superintendents (CSA 2010) or inspectors (DAA 2021 pilot). */
export const authorisersAudience = (dvpnCase: DvpnCase): NotificationAudience => {
  const rank = packOf(dvpnCase).authoriserMinimumRank;
  return { kind: 'group', minimumRank: rank, label: `Duty ${rankLabel(rank).toLowerCase()}s` };
};

const dutyInspector: NotificationAudience = {
  kind: 'group',
  minimumRank: 'inspector',
  label: 'Duty inspectors',
};

const warningHours: Readonly<Record<WarningThreshold, number>> = { '24h': 24, '6h': 6 };

const notification = (
  dvpnCase: DvpnCase,
  audience: NotificationAudience,
  content: { title: string; body: string; priority: 'routine' | 'urgent' },
  context: EffectContext,
): OutgoingMessage => ({
  queue: staffNotificationsQueue,
  message: createMessage(
    StaffNotificationRequested,
    {
      audience,
      title: content.title,
      body: content.body,
      link: caseLink(dvpnCase),
      priority: content.priority,
      requiresAcknowledgement: content.priority === 'urgent',
      source: { service: 'dvpn', caseId: dvpnCase.id },
    },
    { correlationId: context.correlationId, now: context.now, id: context.newId() },
  ),
});

/** A request to the documents service for the template of the case's pack; answered on our reply queue. */
const documentRequest = (
  dvpnCase: DvpnCase,
  requestId: string,
  document: NoticeRequest | ApplicationPackRequest,
  context: EffectContext,
): OutgoingMessage => ({
  queue: documentRequestsQueue,
  message: createMessage(
    DocumentRequested,
    {
      requestId,
      requestingService: 'dvpn',
      caseId: dvpnCase.id,
      replyTo: documentRepliesQueue,
      ...document,
    },
    { correlationId: context.correlationId, now: context.now, id: requestId },
  ),
});

/**
 * The messages one change causes: alerts to staff (never a name, only the case reference) and requests to
 * the documents service. Built before the write so they go into the outbox in the same transaction.
 */
export const messagesFor = (
  dvpnCase: DvpnCase,
  events: readonly DvpnEvent[],
  context: EffectContext,
): OutgoingMessage[] => {
  const pack = packOf(dvpnCase);
  const reference = caseReference(dvpnCase);
  return events.flatMap((event): OutgoingMessage[] => {
    switch (event.kind) {
      case 'submitted':
        return [
          notification(
            dvpnCase,
            authorisersAudience(dvpnCase),
            {
              title: `${pack.noticeAbbreviation} ${reference} awaits authorisation`,
              body: `Submitted ${formatLondon(event.at)}. The dashboard shows how long it has waited.`,
              priority: 'urgent',
            },
            context,
          ),
        ];
      case 'refused':
        return [
          notification(
            dvpnCase,
            caseOfficer(dvpnCase),
            {
              title: `${pack.noticeAbbreviation} ${reference} was refused`,
              body: 'Open the case to read the reason.',
              priority: 'routine',
            },
            context,
          ),
        ];
      case 'notice-requested': {
        const plan = noticeDocument(dvpnCase);
        if (plan.kind === 'unsupported') return [];
        const { kind: _kind, ...document } = plan;
        return [documentRequest(dvpnCase, event.requestId, document, context)];
      }
      case 'application-prepared':
      case 'application-pack-requested': {
        const plan = applicationPackDocument(dvpnCase);
        if (plan.kind === 'unsupported') return [];
        const { kind: _kind, ...document } = plan;
        return [documentRequest(dvpnCase, event.requestId, document, context)];
      }
      case 'notice-issued':
        return [
          notification(
            dvpnCase,
            caseOfficer(dvpnCase),
            {
              title: `Signed ${pack.noticeAbbreviation} ${reference} is ready to serve`,
              body: 'Serve it personally and record the service: the court clock starts then.',
              priority: 'urgent',
            },
            context,
          ),
        ];
      case 'notice-failed':
        return [
          notification(
            dvpnCase,
            caseOfficer(dvpnCase),
            {
              title: `Signed ${pack.noticeAbbreviation} ${reference} could not be produced`,
              body: 'The notice is authorised. Open the case and ask for the notice again.',
              priority: 'urgent',
            },
            context,
          ),
        ];
      case 'warning-sent': {
        const due = dvpnCase.service ? formatLondon(dvpnCase.service.hearingDueBy) : 'unknown';
        const content = {
          title: `${pack.orderAbbreviation} hearing for ${reference} due within ${warningHours[event.threshold]} hours`,
          body: `The magistrates' court must hear the application by ${due} (${pack.clockSource}).`,
          priority: 'urgent' as const,
        };
        return [
          notification(dvpnCase, caseOfficer(dvpnCase), content, context),
          notification(dvpnCase, dutyInspector, content, context),
        ];
      }
      default:
        return [];
    }
  });
};

/**
 * Where a document cannot be asked for (data the template refuses), the
 * change records that at once, so the case shows "notice pending" with the reason and a retry, rather
 * than waiting for an answer that will never come.
 */
export const withDocumentPlans = (change: Change, now: Date): Change => {
  let { next } = change;
  const events: DvpnEvent[] = [...change.events];
  for (const event of change.events) {
    if (event.kind === 'notice-requested') {
      const plan = noticeDocument(next);
      const failed =
        plan.kind === 'unsupported'
          ? noticeFailed(next, { requestId: event.requestId, reason: plan.reason, now })
          : null;
      if (failed) {
        next = { ...failed.next, version: next.version };
        events.push(...failed.events);
      }
    }
    if (event.kind === 'application-prepared' || event.kind === 'application-pack-requested') {
      const plan = applicationPackDocument(next);
      const failed =
        plan.kind === 'unsupported'
          ? applicationPackFailed(next, { requestId: event.requestId, reason: plan.reason, now })
          : null;
      if (failed) {
        next = { ...failed.next, version: next.version };
        events.push(...failed.events);
      }
    }
  }
  return { next, events };
};
