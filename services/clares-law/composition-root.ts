import { randomBytes } from 'node:crypto';
import { dynamoRateCounter } from '../../shared/abuse/dynamo-rate-counter.ts';
import { hmacClientKey, rateLimiter as limiterOf, type RateLimiter } from '../../shared/abuse/rate-limit.ts';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/index.ts';
import { dynamoJourneySessionStore } from '../../shared/http/journey-session-dynamo.ts';
import { dynamoCaseRepository } from './adapters/dynamo-case-repository.ts';
import { hmacIdentityHasher } from './adapters/identity-hasher.ts';
import { manualPoliceSystems } from './adapters/manual-police-systems.ts';
import { type CaseService, caseService } from './case-service.ts';
import { claresLawConfig } from './config.ts';
import {
  ApplicationJourney,
  type ApplicationJourneys,
  applicationJourneyScope,
} from './web/application-journey.ts';

let service: CaseService | undefined;
let journeys: ApplicationJourneys | undefined;
let limiter: RateLimiter | undefined;

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

/** Online applications in progress (and, for 15 minutes, the reference of one sent), in the platform sessions table. */
export const journeyStore = (): ApplicationJourneys => {
  journeys ??= dynamoJourneySessionStore({
    client: dynamoDocumentClient(),
    tableName: claresLawConfig().sessionsTable,
    scope: applicationJourneyScope,
    schema: ApplicationJourney,
  });
  return journeys;
};

/** Per-client limits on the online application, counted in the platform sessions table on a keyed hash. */
export const rateLimiter = (): RateLimiter => {
  const config = claresLawConfig();
  limiter ??= limiterOf({
    scope: 'clares-law',
    counter: dynamoRateCounter(dynamoDocumentClient(), config.sessionsTable),
    clientKey: hmacClientKey(config.identityHmacKey),
  });
  return limiter;
};
