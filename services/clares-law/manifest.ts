import { anyOf, atLeast, inDepartment, type Policy } from '../../shared/auth/policy.ts';
import { documentRequestsQueue } from '../../shared/contracts/documents.ts';
import { staffNotificationsQueue } from '../../shared/contracts/staff-notification.ts';
import { defineService, type RouteSpec } from '../../shared/manifest/define-service.ts';
import { documentRepliesQueue } from './config.ts';
import { mayRaiseRightToKnow, mayRecordInitialContact } from './domain/workflow.ts';

/**
 * Who may open the unit's cases: the Public Protection Unit, and inspectors and above (who authorise the
 * right to know, fast-track for immediate risk and record exceptional circumstances). Each step on a case
 * is checked again against the stage machine's table (domain/stage-machine.ts).
 */
export const caseReaders: Policy = anyOf(inDepartment('PPU'), atLeast('inspector'));

const staff = (method: RouteSpec['method'], path: string, handler: string, policy: Policy): RouteSpec => ({
  method,
  path: `/staff/clares-law${path}`,
  handler,
  policy,
});

/** The Domestic Violence Disclosure Scheme (Clare's Law): right to ask online, and the PPU's casework. */
export const claresLaw = defineService({
  name: 'clares-law',
  tables: {
    cases: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: {
        // Open cases only (a sparse index), soonest clock first: the case list and the clock sweep.
        byNextDue: {
          partitionKey: { name: 'openPk', type: 'S' },
          sortKey: { name: 'nextDueSk', type: 'S' },
        },
        // Every case by the London month it started in: the figures.
        byMonth: {
          partitionKey: { name: 'monthPk', type: 'S' },
          sortKey: { name: 'monthSk', type: 'S' },
        },
      },
    },
  },
  queues: {
    [documentRepliesQueue]: { visibilityTimeoutSeconds: 60 },
  },
  routes: [
    { method: 'GET', path: '/clares-law', handler: 'view-start', policy: 'public' },
    { method: 'GET', path: '/clares-law/in-danger', handler: 'view-emergency-advice', policy: 'public' },
    { method: 'GET', path: '/clares-law/apply/{page}', handler: 'view-application-page', policy: 'public' },
    { method: 'POST', path: '/clares-law/apply/{page}', handler: 'save-application-page', policy: 'public' },
    { method: 'POST', path: '/clares-law/submit', handler: 'submit-application', policy: 'public' },
    { method: 'GET', path: '/clares-law/confirmation', handler: 'view-confirmation', policy: 'public' },
    { method: 'GET', path: '/clares-law/leave', handler: 'leave-application', policy: 'public' },
    staff('GET', '', 'list-cases', caseReaders),
    staff('GET', '/new', 'view-initial-contact-form', mayRecordInitialContact),
    staff('POST', '/new', 'record-initial-contact', mayRecordInitialContact),
    staff('GET', '/right-to-know/new', 'view-right-to-know-form', mayRaiseRightToKnow),
    staff('POST', '/right-to-know/new', 'raise-right-to-know', mayRaiseRightToKnow),
    staff('GET', '/figures', 'view-figures', caseReaders),
    staff('GET', '/figures.csv', 'export-figures', caseReaders),
    staff('GET', '/cases/{id}', 'view-case', caseReaders),
    staff('GET', '/cases/{id}/{action}', 'view-case-action', caseReaders),
    staff('POST', '/cases/{id}/{action}', 'record-case-action', caseReaders),
  ],
  consumers: [{ queue: documentRepliesQueue, handler: 'attach-disclosure-record', batchSize: 10 }],
  schedules: [
    { everyMinutes: 15, handler: 'sweep-case-clocks' },
    { everyMinutes: 1, handler: 'sweep-outbox' },
  ],
  sendsTo: [staffNotificationsQueue, documentRequestsQueue],
  staffLinks: [
    {
      text: "Clare's Law disclosure scheme cases",
      path: '/staff/clares-law',
      description:
        'Right to ask and right to know: checks, meetings, decisions and disclosures, with their clocks.',
    },
    {
      text: "Record a Clare's Law application",
      path: '/staff/clares-law/new',
      description: 'An application made by phone, in person at a station or through a partner agency.',
    },
  ],
  usesPlatform: ['audit', 'sessions', 'idempotency'],
});
