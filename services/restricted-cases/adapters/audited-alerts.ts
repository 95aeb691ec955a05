import type { DynamoAuditLog } from '../../../shared/audit/dynamo-audit-log.ts';
import { type OutboxDependencies, outboxPut, relayOutbox } from '../../../shared/messaging/outbox.ts';
import type { AttemptLog } from '../domain/ports.ts';

/**
 * Each attempt's audit entry and PSD's alert in one transaction: the entry, the chain's new head and the
 * alert in the service table's outbox (keyed once by the alert's id). Once it commits, the alert is sent and
 * taken out of the outbox; if the queue refuses, or the answer never comes back, the sweep sends it. So a
 * look that is on the chain always reaches PSD, whatever the person was shown.
 */
export const auditedAlerts = (
  auditLog: DynamoAuditLog,
  tableName: string,
  outbox: OutboxDependencies = {},
): AttemptLog => ({
  record: async (entry, { queue, message }) => {
    const alert = outboxPut(tableName, message, queue);
    // `already`: this call's own write, committed before its answer was lost; it is still this call's to send.
    await auditLog.recordOnce(entry, `alert-${message.id}`, [alert]);
    await relayOutbox([alert], outbox);
  },
});
