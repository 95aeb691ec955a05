import { randomBytes, randomUUID } from 'node:crypto';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { readConfig, required } from '../../shared/config/env.ts';
import { tableEnvName } from '../../shared/manifest/names.ts';
import { sqsPublisher } from '../../shared/messaging/publish.ts';
import { auditedAlerts } from './adapters/audited-alerts.ts';
import { dynamoAlertInbox } from './adapters/dynamo-alert-inbox.ts';
import { dynamoCaseRepository } from './adapters/dynamo-case-repository.ts';
import { fixtureDirectory } from './adapters/fixture-directory.ts';
import type { AlertDeliveryDependencies } from './alert-delivery.ts';
import type { ServiceDependencies } from './case-service.ts';
import type { AlertInbox } from './domain/ports.ts';

export const casesTableEnv = tableEnvName('restricted-cases', 'cases');

/** The service's table, from TABLE_RESTRICTED_CASES_CASES; fails naming the variable when it is missing. */
export const casesTableName = (): string =>
  readConfig({ [casesTableEnv]: required() })[casesTableEnv] as string;

let dependencies: ServiceDependencies | undefined;
let inbox: AlertInbox | undefined;

/** The use cases on the real table, audit log and queues; built once per process. */
export const serviceDependencies = (): ServiceDependencies => {
  if (!dependencies) {
    const tableName = casesTableName();
    const client = dynamoDocumentClient();
    const publisher = sqsPublisher();
    const auditLog = auditLogFromEnvironment();
    dependencies = {
      cases: dynamoCaseRepository(client, tableName, { publisher }),
      // The staff directory is a fixture until the force's HR system is connected behind the same port.
      directory: fixtureDirectory(),
      auditLog,
      attempts: auditedAlerts(auditLog, tableName, { publisher, dynamo: client }),
      randomBytes: (size) => new Uint8Array(randomBytes(size)),
      newUuid: randomUUID,
    };
  }
  return dependencies;
};

export const alertInbox = (): AlertInbox => {
  inbox ??= dynamoAlertInbox(dynamoDocumentClient(), casesTableName());
  return inbox;
};

export const alertDeliveryDependencies = (): AlertDeliveryDependencies => ({
  inbox: alertInbox(),
  publisher: sqsPublisher(),
});
