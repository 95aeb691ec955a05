import { defineService } from '../manifest/define-service.ts';

/**
 * Tables every service uses through shared code: the hash-chained audit log, server-side journey and
 * sign-in sessions (with revoked staff sessions and the public forms' rate-limit counts, all short-lived
 * under TTL), and the idempotency records of queue consumers.
 */
export const platform = defineService({
  name: 'platform',
  tables: {
    audit: {
      partitionKey: { name: 'pk', type: 'S' },
      sortKey: { name: 'sk', type: 'S' },
    },
    sessions: {
      partitionKey: { name: 'pk', type: 'S' },
      timeToLiveAttribute: 'expiresAt',
    },
    idempotency: {
      partitionKey: { name: 'id', type: 'S' },
      timeToLiveAttribute: 'expiration',
    },
  },
  usesPlatform: [],
});
