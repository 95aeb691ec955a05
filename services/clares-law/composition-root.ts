import { randomBytes } from 'node:crypto';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/holidays.ts';
import { dynamoCaseRepository } from './adapters/dynamo-case-repository.ts';
import { hmacIdentityHasher } from './adapters/identity-hasher.ts';
import { manualPoliceSystems } from './adapters/manual-police-systems.ts';
import { type CaseService, caseService } from './case-service.ts';
import { claresLawConfig } from './config.ts';

let service: CaseService | undefined;

/** The scheme's casework on the real table, audit log and queues: built once per process, failing fast on config. */
export const claresLawService = (): CaseService => {
  if (!service) {
    const config = claresLawConfig();
    const holidays = englandAndWalesBankHolidays();
    service = caseService({
      repository: dynamoCaseRepository(dynamoDocumentClient(), config.casesTable, { holidays }),
      auditLog: auditLogFromEnvironment(),
      holidays,
      hasher: hmacIdentityHasher(config.identityHmacKey),
      policeSystems: manualPoliceSystems,
      ruleSet: config.ruleSet,
      randomBytes: (size) => randomBytes(size),
    });
  }
  return service;
};
