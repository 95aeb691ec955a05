import { sqsConsumer } from '../../../shared/messaging/consumer.ts';
import { deliverAccessAlert } from '../alert-delivery.ts';
import { alertDeliveryDependencies } from '../composition-root.ts';
import { AccessAttempted } from '../contracts.ts';

const deps = alertDeliveryDependencies();

/**
 * Each access attempt, already in the audit chain: into PSD's alerts inbox and out to the inboxes of PSD
 * and the supervising officer. Retried by the queue, then dead-lettered; idempotent by the alert id.
 */
export const handler = sqsConsumer({
  name: 'restricted-cases.deliver-access-alert',
  schemas: AccessAttempted,
  handle: (message) => deliverAccessAlert(deps, message),
});
