import { randomUUID } from 'node:crypto';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/holidays.ts';
import { readConfig, required } from '../../shared/config/env.ts';
import { tableEnvName } from '../../shared/manifest/names.ts';
import { dynamoCaseRepository } from './adapters/dynamo-case-repository.ts';
import { outboxRelay } from './adapters/outbox-relay.ts';
import type { CaseServiceDependencies } from './case-service.ts';
import { activeRulesPack } from './config.ts';

export const casesTableEnv = tableEnvName('dvpn', 'cases');

let dependencies: CaseServiceDependencies | undefined;

/** The notice workflow on the real table, audit log and queues; built once per process, failing fast on missing config. */
export const caseServiceDependencies = (): CaseServiceDependencies => {
  if (!dependencies) {
    const tableName = readConfig({ [casesTableEnv]: required() })[casesTableEnv] as string;
    activeRulesPack();
    dependencies = {
      repository: dynamoCaseRepository(dynamoDocumentClient(), tableName),
      auditLog: auditLogFromEnvironment(),
      relay: outboxRelay(tableName),
      holidays: englandAndWalesBankHolidays(),
      newId: randomUUID,
      activePack: activeRulesPack,
    };
  }
  return dependencies;
};

/** The table the outbox sweep reads. */
export const casesTableName = (): string =>
  readConfig({ [casesTableEnv]: required() })[casesTableEnv] as string;
