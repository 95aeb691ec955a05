import type { Policy } from '../../shared/auth/policy.ts';
import { defineService, type RouteSpec } from '../../shared/manifest/define-service.ts';
import { activeRulesPack, documentRepliesQueue } from './config.ts';
import { actionPolicy, type DvpnAction } from './domain/access.ts';

/**
 * The route policy of an action under the rules pack in force, looked up when a request arrives so that
 * switching the pack is configuration only. The domain checks the case's own pack again.
 */
export const routePolicy = (action: DvpnAction): Policy => ({
  get description() {
    return actionPolicy(action, activeRulesPack()).description;
  },
  allows: (principal) => actionPolicy(action, activeRulesPack()).allows(principal),
});

const page = (method: RouteSpec['method'], path: string, handler: string, action: DvpnAction): RouteSpec => ({
  method,
  path: `/staff/dvpn${path}`,
  handler,
  policy: routePolicy(action),
});

const api = (method: RouteSpec['method'], path: string, handler: string, action: DvpnAction): RouteSpec => ({
  method,
  path: `/api/dvpn${path}`,
  handler,
  policy: routePolicy(action),
});

/** Domestic Violence Protection Notices and Orders (Crime and Security Act 2010 ss.24-33), or the DAPN pilot. */
export const dvpn = defineService({
  name: 'dvpn',
  tables: {
    cases: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: {
        byStatus: {
          partitionKey: { name: 'gsi1pk', type: 'S' },
          sortKey: { name: 'gsi1sk', type: 'S' },
        },
      },
    },
  },
  queues: {
    [documentRepliesQueue]: { visibilityTimeoutSeconds: 60 },
  },
  routes: [
    page('GET', '', 'view-dashboard', 'view-dashboard'),
    page('GET', '/new', 'show-draft-form', 'draft'),
    page('POST', '/new', 'create-draft', 'draft'),
    page('GET', '/figures', 'view-figures', 'view-figures'),
    page('GET', '/figures.csv', 'download-figures', 'view-figures'),
    page('GET', '/{id}', 'view-case', 'view-case'),
    page('GET', '/{id}/edit', 'show-edit-form', 'edit-draft'),
    page('POST', '/{id}/edit', 'save-draft', 'edit-draft'),
    page('POST', '/{id}/submit', 'submit-notice', 'submit'),
    page('GET', '/{id}/decision', 'show-decision-form', 'authorise'),
    page('POST', '/{id}/decision', 'decide-notice', 'authorise'),
    page('POST', '/{id}/retry-document', 'retry-document', 'retry-document'),
    page('GET', '/{id}/service', 'show-service-form', 'record-service'),
    page('POST', '/{id}/service', 'record-service', 'record-service'),
    page('GET', '/{id}/application', 'show-application-form', 'prepare-application'),
    page('POST', '/{id}/application', 'prepare-application', 'prepare-application'),
    page('GET', '/{id}/hearing', 'show-hearing-form', 'record-hearing'),
    page('POST', '/{id}/hearing', 'record-hearing', 'record-hearing'),
    page('GET', '/{id}/breach', 'show-breach-form', 'record-breach'),
    page('POST', '/{id}/breach', 'record-breach', 'record-breach'),
    api('GET', '', 'get-dashboard', 'view-dashboard'),
    api('POST', '', 'post-draft', 'draft'),
    api('GET', '/figures', 'get-figures', 'view-figures'),
    api('GET', '/{id}', 'get-case', 'view-case'),
    // One handler takes every case action over the API; each route still declares its own policy.
    api('POST', '/{id}/submit', 'post-case-action', 'submit'),
    api('POST', '/{id}/decision', 'post-case-action', 'authorise'),
    api('POST', '/{id}/retry-document', 'post-case-action', 'retry-document'),
    api('POST', '/{id}/service', 'post-case-action', 'record-service'),
    api('POST', '/{id}/application', 'post-case-action', 'prepare-application'),
    api('POST', '/{id}/hearing', 'post-case-action', 'record-hearing'),
    api('POST', '/{id}/breaches', 'post-case-action', 'record-breach'),
  ],
  staffLinks: [
    {
      text: 'Protection notices (DVPN)',
      path: '/staff/dvpn',
      description: 'Draft, authorise and serve notices, and watch each court deadline.',
    },
    {
      text: 'Protection notice figures',
      path: '/staff/dvpn/figures',
      description: 'Notices drafted, authorised and refused; orders applied for and granted, by month.',
    },
  ],
  consumers: [{ queue: documentRepliesQueue, handler: 'attach-document', batchSize: 10 }],
  schedules: [
    { everyMinutes: 5, handler: 'warn-hearing-due' },
    { everyMinutes: 1, handler: 'sweep-outbox' },
  ],
  sendsTo: ['document-requests', 'staff-notifications'],
  usesPlatform: ['audit', 'sessions', 'idempotency'],
});
