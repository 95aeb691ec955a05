import { anyOf, anyStaff, atLeast, inDepartment, type Policy } from '../../shared/auth/policy.ts';
import { documentRequestsQueue } from '../../shared/contracts/documents.ts';
import { staffNotificationsQueue } from '../../shared/contracts/staff-notification.ts';
import { defineService, type RouteSpec } from '../../shared/manifest/define-service.ts';
import { accessAlertsQueue, documentRepliesQueue } from './contracts.ts';

export const psdOnly = inDepartment('PSD');
export const chiefInspectorOrAbove = atLeast('chief-inspector');
export const psdOrChiefInspector = anyOf(psdOnly, chiefInspectorOrAbove);

const base = '/staff/restricted-cases';

const page = (method: RouteSpec['method'], path: string, handler: string, policy: Policy): RouteSpec => ({
  method,
  path: `${base}${path}`,
  handler,
  policy,
});

/**
 * Records where the victim or the suspect works for the force (PP/04 §7; APP "Management of
 * police-perpetrator cases", "Access to records"): staff victims' confidential reports, allegations
 * against staff, restriction by a chief inspector, PSD's need-to-know list, safeguarding access, and an
 * audited, alerted attempt for every look. Route policies are the first gate; `decideAccess` decides.
 */
export const restrictedCases = defineService({
  name: 'restricted-cases',
  tables: {
    cases: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: {
        byStage: { partitionKey: { name: 'stageKey', type: 'S' }, sortKey: { name: 'stageSort', type: 'S' } },
        byCrimeNumber: { partitionKey: { name: 'crimeKey', type: 'S' } },
        bySuspect: { partitionKey: { name: 'suspectKey', type: 'S' } },
        byMember: {
          partitionKey: { name: 'memberKey', type: 'S' },
          sortKey: { name: 'memberSort', type: 'S' },
        },
        byGrantQueue: {
          partitionKey: { name: 'queueKey', type: 'S' },
          sortKey: { name: 'queueSort', type: 'S' },
        },
      },
      // PSD's data is cut off from every other service by a key only these functions may use.
      encryptionKey: 'own',
    },
  },
  queues: {
    [accessAlertsQueue]: { visibilityTimeoutSeconds: 30 },
    [documentRepliesQueue]: { visibilityTimeoutSeconds: 60 },
  },
  routes: [
    page('GET', '', 'view-start', anyStaff),
    page('GET', '/report', 'show-report-form', anyStaff),
    page('POST', '/report', 'make-report', anyStaff),
    page('GET', '/allegations/new', 'show-allegation-form', anyStaff),
    page('POST', '/allegations/new', 'record-allegation', anyStaff),
    page('GET', '/allegations/{id}/recorded', 'view-allegation-recorded', anyStaff),
    page('GET', '/search', 'search-cases', anyStaff),
    page('GET', '/mine', 'view-my-cases', anyStaff),
    page('GET', '/safeguarding', 'show-safeguarding-form', anyStaff),
    page('POST', '/safeguarding', 'request-safeguarding-access', anyStaff),
    page('GET', '/safeguarding/sent', 'view-request-sent', anyStaff),
    page('GET', '/cases/{id}', 'view-case', anyStaff),
    page('POST', '/cases/{id}/incidents', 'log-incident', anyStaff),
    page('POST', '/cases/{id}/restriction', 'change-restriction', chiefInspectorOrAbove),
    page('POST', '/cases/{id}/sharing', 'record-sharing', psdOnly),
    page('POST', '/cases/{id}/access-list', 'manage-access-list', psdOnly),
    page('POST', '/cases/{id}/outcome', 'record-outcome', psdOnly),
    page('POST', '/cases/{id}/access-report', 'request-access-report', psdOnly),
    page('GET', '/cases/{id}/access-log', 'view-access-log', psdOnly),
    page('GET', '/cases/{id}/grants/{grantId}', 'view-grant', psdOrChiefInspector),
    page('POST', '/cases/{id}/grants/{grantId}/decision', 'decide-grant', psdOrChiefInspector),
    page('POST', '/cases/{id}/grants/{grantId}/review', 'review-break-glass', psdOnly),
    page('GET', '/psd', 'view-psd-console', psdOnly),
    page('GET', '/psd/alerts', 'view-alerts', psdOnly),
    page('GET', '/psd/safeguarding', 'view-safeguarding-reviews', psdOnly),
  ],
  staffLinks: [
    {
      text: 'Domestic abuse involving staff',
      path: base,
      description:
        'Report confidentially as a member of staff who is a victim, record an allegation against staff, or ask for safeguarding access to a restricted record.',
    },
    {
      text: 'Professional Standards: restricted cases',
      path: `${base}/psd`,
      description: 'Restricted cases, their alerts and access logs, safeguarding reviews and outcomes.',
    },
  ],
  consumers: [
    { queue: accessAlertsQueue, handler: 'deliver-access-alert', batchSize: 10 },
    { queue: documentRepliesQueue, handler: 'attach-access-report', batchSize: 5 },
  ],
  schedules: [{ everyMinutes: 1, handler: 'sweep-outbox' }],
  sendsTo: [staffNotificationsQueue, documentRequestsQueue],
  usesPlatform: ['audit', 'sessions', 'idempotency'],
});
