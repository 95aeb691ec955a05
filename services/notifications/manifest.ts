import { anyStaff } from '../../shared/auth/policy.ts';
import { defineService } from '../../shared/manifest/define-service.ts';

export const notifications = defineService({
  name: 'notifications',
  tables: {
    inbox: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    },
  },
  queues: {
    'staff-notifications': { visibilityTimeoutSeconds: 30 },
  },
  routes: [
    { method: 'GET', path: '/staff/notifications', handler: 'view-inbox', policy: anyStaff },
    { method: 'POST', path: '/staff/notifications/{id}/read', handler: 'mark-as-read', policy: anyStaff },
    {
      method: 'POST',
      path: '/staff/notifications/{id}/acknowledge',
      handler: 'acknowledge-notification',
      policy: anyStaff,
    },
  ],
  staffLinks: [
    {
      text: 'Your notifications',
      path: '/staff/notifications',
      description: 'Alerts for you and for the duties you hold, unread first.',
    },
  ],
  consumers: [{ queue: 'staff-notifications', handler: 'store-notification', batchSize: 10 }],
});
