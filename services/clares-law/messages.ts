import { createHash } from 'node:crypto';
import {
  type ClaresLawDisclosureRecordInput,
  DocumentRequested,
  documentRequestsQueue,
} from '../../shared/contracts/documents.ts';
import {
  type NotificationAudience,
  StaffNotificationRequested,
  staffNotificationsQueue,
} from '../../shared/contracts/staff-notification.ts';
import { createMessage } from '../../shared/messaging/publish.ts';
import { documentRepliesQueue, serviceName } from './config.ts';
import type { ClockAlert } from './domain/clock-alerts.ts';
import type { DvdsCase } from './domain/model.ts';
import type { OutgoingMessage } from './domain/ports.ts';
import { forumLabels } from './domain/vocabulary.ts';
import type { Effect, NotifyAudience } from './domain/workflow.ts';

export interface MessageContext {
  readonly now: Date;
  readonly correlationId: string;
}

/**
 * A UUID derived from a stable key: the same cause always makes the same message id, so a retried write or
 * a second sweep sends a message the idempotent consumer has already seen.
 */
export const messageIdFor = (key: string): string => {
  const hex = createHash('sha256').update(`clares-law-message\u0000${key}`).digest('hex');
  const variant = ((Number.parseInt(hex.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(18, 20)}-${hex.slice(20, 32)}`;
};

export const caseLink = (caseId: string): string => `/staff/clares-law/cases/${caseId}`;

/** Who each of the scheme's audiences is in the staff inbox. */
export const audienceOf = (audience: NotifyAudience, dvdsCase: DvdsCase): NotificationAudience => {
  switch (audience) {
    case 'owner-or-unit':
      return dvdsCase.owner
        ? { kind: 'person', collarNumber: dvdsCase.owner.collarNumber }
        : { kind: 'group', department: 'PPU', label: 'Public Protection Unit' };
    case 'unit':
      return { kind: 'group', department: 'PPU', label: 'Public Protection Unit' };
    case 'authorising-inspectors':
      return { kind: 'group', minimumRank: 'inspector', label: 'Inspectors (right-to-know authorisation)' };
    case 'supervisors':
      return { kind: 'group', department: 'PPU', minimumRank: 'sergeant', label: 'PPU supervisors' };
    case 'force-response-inspectors':
      return {
        kind: 'group',
        department: 'FORCE_RESPONSE',
        minimumRank: 'inspector',
        label: 'Force Response inspectors',
      };
  }
};

const notification = (
  dvdsCase: DvdsCase,
  audience: NotifyAudience,
  content: { readonly title: string; readonly priority: 'routine' | 'urgent'; readonly key: string },
  context: MessageContext,
): OutgoingMessage => ({
  queue: staffNotificationsQueue,
  message: createMessage(
    StaffNotificationRequested,
    {
      audience: audienceOf(audience, dvdsCase),
      // A case reference only: never a name (shared/contracts/staff-notification.ts).
      title: content.title,
      body: '',
      link: caseLink(dvdsCase.id),
      priority: content.priority,
      requiresAcknowledgement: content.priority === 'urgent',
      source: { service: serviceName, caseId: dvdsCase.id },
    },
    {
      correlationId: context.correlationId,
      now: context.now,
      id: messageIdFor(`${content.key}|${audience}`),
    },
  ),
});

/** The internal disclosure record: the words verbatim, to whom, by whom, when and where, and the undertaking. */
export const disclosureRecordInput = (dvdsCase: DvdsCase): ClaresLawDisclosureRecordInput | undefined => {
  const decision = dvdsCase.forumDecision;
  const plan = decision?.plan;
  const delivery = dvdsCase.disclosure;
  const subject = dvdsCase.application?.subject ?? dvdsCase.information?.subject;
  if (!decision || !plan || !delivery || !subject) return undefined;
  return {
    applicationReference: dvdsCase.id,
    route: dvdsCase.route,
    forumDecision: {
      forum: forumLabels[decision.forum],
      decisionReference: decision.decisionReference,
      decidedAt: decision.decidedAt,
      authorised: `${plan.what}\n\nTo: ${plan.recipient.fullName} (${plan.recipient.relationship}). In person, by ${plan.agency}, at ${plan.place}.`,
    },
    subject: {
      fullName: subject.fullName,
      ...(subject.dateOfBirth ? { dateOfBirth: subject.dateOfBirth } : {}),
    },
    recipient: {
      fullName: plan.recipient.fullName,
      role: plan.recipient.role,
      relationship: plan.recipient.relationship,
    },
    disclosedBy: {
      name: delivery.by.displayName,
      rank: delivery.by.rank,
      collarNumber: delivery.by.collarNumber,
    },
    ...(delivery.accompaniedBy ? { accompaniedBy: delivery.accompaniedBy } : {}),
    disclosedAt: delivery.disclosedAt,
    place: delivery.place,
    verbatimDisclosure: delivery.verbatim,
    undertaking:
      delivery.undertaking.status === 'signed'
        ? { status: 'signed' }
        : {
            status: 'refused',
            outcome: delivery.undertaking.outcome,
            rationale: delivery.undertaking.rationale,
          },
    informationPack: {
      given: delivery.informationPackGiven,
      ...(delivery.reasonPackNotGiven ? { reasonNotGiven: delivery.reasonPackNotGiven } : {}),
    },
  };
};

const documentRequest = (
  dvdsCase: DvdsCase,
  requestId: string,
  context: MessageContext,
): OutgoingMessage[] => {
  const templateData = disclosureRecordInput(dvdsCase);
  if (!templateData) return [];
  return [
    {
      queue: documentRequestsQueue,
      message: createMessage(
        DocumentRequested,
        {
          requestId,
          requestingService: serviceName,
          caseId: dvdsCase.id,
          replyTo: documentRepliesQueue,
          documentType: 'clares-law-disclosure-record',
          templateData,
        },
        { correlationId: context.correlationId, now: context.now, id: messageIdFor(`document|${requestId}`) },
      ),
    },
  ];
};

/** The messages a change causes, built before the write so they join it in one transaction. */
export const messagesFor = (
  dvdsCase: DvdsCase,
  effects: readonly Effect[],
  context: MessageContext,
): OutgoingMessage[] =>
  effects.flatMap((effect) =>
    effect.kind === 'notify'
      ? [notification(dvdsCase, effect.audience, effect, context)]
      : documentRequest(dvdsCase, effect.requestId, context),
  );

export const alertMessages = (
  dvdsCase: DvdsCase,
  alert: ClockAlert,
  context: MessageContext,
): OutgoingMessage[] =>
  alert.audiences.map((audience) =>
    notification(
      dvdsCase,
      audience,
      { title: alert.title, priority: alert.priority, key: alert.key },
      context,
    ),
  );
