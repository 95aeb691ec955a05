import type { AuditLog } from '../../shared/audit/audit-log.ts';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { MissingConfigurationError, readConfig, required } from '../../shared/config/env.ts';
import { tableEnvName } from '../../shared/manifest/names.ts';
import { dynamoNotificationRepository } from './adapters/dynamo-notification-repository.ts';
import type { NotificationRepository } from './domain/ports.ts';

const inboxTableEnv = tableEnvName('notifications', 'inbox');

let repository: NotificationRepository | undefined;
let auditLog: AuditLog | undefined;

/** The inbox repository on the real table; built once per process, failing at start-up if the table is unset. */
export const notificationRepository = (): NotificationRepository => {
  if (!repository) {
    const tableName = readConfig({ [inboxTableEnv]: required() })[inboxTableEnv];
    if (!tableName) throw new MissingConfigurationError([inboxTableEnv]);
    repository = dynamoNotificationRepository(dynamoDocumentClient(), tableName);
  }
  return repository;
};

/** The platform audit log every inbox view and change is recorded in. */
export const notificationsAuditLog = (): AuditLog => {
  auditLog ??= auditLogFromEnvironment();
  return auditLog;
};
