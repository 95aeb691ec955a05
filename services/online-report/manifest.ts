import { allOf, anyOf, atLeast, inDepartment } from '../../shared/auth/policy.ts';
import { staffNotificationsQueue } from '../../shared/contracts/staff-notification.ts';
import { defineService } from '../../shared/manifest/define-service.ts';
import { domesticAbuseQueue } from './contracts.ts';

/** Who sees reports and incident logs: contact handlers, Force Response, PPU, and inspectors or above. */
export const viewReports = anyOf(
  inDepartment('CONTACT_CENTRE', 'FORCE_RESPONSE', 'PPU'),
  atLeast('inspector'),
);
/** Who grades, assesses, marks and closes: contact handlers (police staff) and sergeants or above. */
export const manageReports = anyOf(inDepartment('CONTACT_CENTRE'), atLeast('sergeant'));
/** The Force Response supervisor who must acknowledge a repeat incident (000 §8.3.1). */
export const superviseRepeats = allOf(atLeast('sergeant'), inDepartment('FORCE_RESPONSE'));
/** Taking a report out of domestic abuse needs a sergeant or above. */
export const declassifyReports = atLeast('sergeant');

const key = (name: string) => ({ name, type: 'S' as const });

export const onlineReport = defineService({
  name: 'online-report',
  tables: {
    reports: {
      partitionKey: key('pk'),
      sortKey: key('sk'),
      indexes: {
        byContactQueue: { partitionKey: key('queuePk'), sortKey: key('queueSk') },
        byOpenIncident: { partitionKey: key('openPk'), sortKey: key('openSk') },
        byVictimKey: { partitionKey: key('victimKey'), sortKey: key('reportedAt') },
        bySuspectKey: { partitionKey: key('suspectKey'), sortKey: key('reportedAt') },
      },
      timeToLiveAttribute: 'expiresAt',
    },
  },
  queues: {
    [domesticAbuseQueue]: { visibilityTimeoutSeconds: 60 },
  },
  routes: [
    { method: 'GET', path: '/report', handler: 'view-start', policy: 'public' },
    { method: 'GET', path: '/report/emergency', handler: 'view-advice', policy: 'public' },
    { method: 'GET', path: '/report/call-999', handler: 'view-advice', policy: 'public' },
    { method: 'GET', path: '/report/call-101', handler: 'view-advice', policy: 'public' },
    { method: 'GET', path: '/report/leave', handler: 'leave-report', policy: 'public' },
    { method: 'GET', path: '/report/check-your-answers', handler: 'view-check-answers', policy: 'public' },
    { method: 'POST', path: '/report/check-your-answers', handler: 'submit-report', policy: 'public' },
    { method: 'GET', path: '/report/confirmation', handler: 'view-confirmation', policy: 'public' },
    { method: 'GET', path: '/report/{page}', handler: 'show-question', policy: 'public' },
    { method: 'POST', path: '/report/{page}', handler: 'save-answer', policy: 'public' },
    { method: 'GET', path: '/staff/online-reports', handler: 'view-contact-queue', policy: viewReports },
    { method: 'GET', path: '/staff/incidents', handler: 'view-incident-list', policy: viewReports },
    { method: 'GET', path: '/staff/online-reports/{id}', handler: 'view-report', policy: viewReports },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/mark-domestic-abuse',
      handler: 'mark-domestic-abuse',
      policy: manageReports,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/reviewed',
      handler: 'mark-reviewed',
      policy: manageReports,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/thrive',
      handler: 'record-thrive',
      policy: manageReports,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/grade',
      handler: 'regrade-incident',
      policy: manageReports,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/close',
      handler: 'close-incident',
      policy: manageReports,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/acknowledge-repeat',
      handler: 'acknowledge-repeat',
      policy: superviseRepeats,
    },
    {
      method: 'POST',
      path: '/staff/online-reports/{id}/remove-domestic-abuse',
      handler: 'remove-domestic-abuse',
      policy: declassifyReports,
    },
  ],
  staffLinks: [
    {
      text: 'Online reports',
      path: '/staff/online-reports',
      description: 'Reports made online, for the contact handlers: domestic abuse first.',
    },
    {
      text: 'Force Response incidents',
      path: '/staff/incidents',
      description: 'Incident logs raised from online reports, with their grade, age and repeat alerts.',
    },
  ],
  consumers: [{ queue: domesticAbuseQueue, handler: 'progress-domestic-abuse', batchSize: 5 }],
  schedules: [{ everyMinutes: 1, handler: 'sweep-outbox' }],
  sendsTo: [staffNotificationsQueue],
  usesPlatform: ['audit', 'sessions', 'idempotency'],
});
