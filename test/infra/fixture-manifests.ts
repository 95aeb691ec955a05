import { anyStaff, atLeast, inDepartment } from '../../shared/auth/policy.ts';
import { defineService } from '../../shared/manifest/define-service.ts';
import { platform } from '../../shared/platform/manifest.ts';

/**
 * Manifests that use every feature the stacks support (indexes, TTL, an own key, object lock, a handler
 * behind two routes, consumers, schedules, cross-service sends), so the template tests do not depend on
 * which services exist yet. The real registry is tested for routes and findings separately.
 */
export const casework = defineService({
  name: 'casework',
  tables: {
    cases: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      indexes: {
        byStatus: { partitionKey: { name: 'status', type: 'S' }, sortKey: { name: 'dueAt', type: 'S' } },
        bySubject: { partitionKey: { name: 'subjectHmac', type: 'S' } },
      },
    },
    drafts: { partitionKey: { name: 'pk', type: 'S' }, timeToLiveAttribute: 'expiresAt' },
  },
  queues: { 'casework-events': { visibilityTimeoutSeconds: 120 } },
  buckets: { evidence: { objectLockYears: 7 }, exports: {} },
  routes: [
    { method: 'GET', path: '/report', handler: 'fill-report', policy: 'public' },
    { method: 'POST', path: '/report', handler: 'fill-report', policy: 'public' },
    { method: 'GET', path: '/staff/cases/{id}', handler: 'view-case', policy: atLeast('sergeant') },
    { method: 'ANY', path: '/{proxy+}', handler: 'show-not-found', policy: 'public' },
  ],
  consumers: [{ queue: 'casework-events', handler: 'record-event', batchSize: 25 }],
  schedules: [{ everyMinutes: 15, handler: 'warn-due-cases' }],
  sendsTo: ['staff-alerts'],
  usesPlatform: ['audit', 'sessions', 'idempotency'],
});

export const alerts = defineService({
  name: 'alerts',
  tables: { inbox: { partitionKey: { name: 'pk', type: 'S' }, sortKey: { name: 'sk', type: 'S' } } },
  queues: { 'staff-alerts': {} },
  routes: [{ method: 'GET', path: '/staff/alerts', handler: 'view-alerts', policy: anyStaff }],
  consumers: [{ queue: 'staff-alerts', handler: 'store-alert' }],
  usesPlatform: ['audit', 'idempotency', 'sessions'],
});

export const restricted = defineService({
  name: 'restricted-cases',
  tables: {
    cases: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
      encryptionKey: 'own',
    },
  },
  buckets: { files: {} },
  routes: [
    {
      method: 'GET',
      path: '/staff/restricted/{id}',
      handler: 'view-restricted-case',
      policy: inDepartment('PSD'),
    },
  ],
  usesPlatform: ['audit', 'sessions'],
});

export const documents = defineService({
  name: 'documents',
  tables: { register: { partitionKey: { name: 'pk', type: 'S' } } },
  queues: { 'document-requests': {} },
  buckets: { signed: { objectLockYears: 7 } },
  routes: [{ method: 'GET', path: '/staff/documents/{id}', handler: 'download-document', policy: anyStaff }],
  consumers: [{ queue: 'document-requests', handler: 'issue-document', batchSize: 5 }],
  sendsTo: ['casework-events'],
  usesPlatform: ['audit', 'idempotency', 'sessions'],
});

export const fixtureManifests = [platform, casework, alerts, restricted, documents] as const;
