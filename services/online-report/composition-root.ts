import { dynamoRateCounter } from '../../shared/abuse/dynamo-rate-counter.ts';
import { hmacClientKey, rateLimiter as limiterOf, type RateLimiter } from '../../shared/abuse/rate-limit.ts';
import type { AuditLog } from '../../shared/audit/audit-log.ts';
import { auditLogFromEnvironment } from '../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../shared/aws/clients.ts';
import { dynamoJourneySessionStore } from '../../shared/http/journey-session-dynamo.ts';
import { onlineReportConfig } from './adapters/config.ts';
import { DynamoReportStore } from './adapters/dynamo-report-store.ts';
import { hmacIdentityHasher, type IdentityHasher } from './adapters/identity-hasher.ts';
import { stepAuditTrail as stepAuditTrailOn } from './adapters/step-audit-trail.ts';
import type { StepAuditTrail } from './domain/ports.ts';
import { ReportJourneySchema, type ReportJourneySessions, reportJourneyScope } from './web/journey-web.ts';

/**
 * The service's adapters, built once per process on first use from the validated configuration. Handlers
 * ask for what they need; tests build their own with the constructors.
 */
let store: DynamoReportStore | undefined;
let journeys: ReportJourneySessions | undefined;
let hasher: IdentityHasher | undefined;
let limiter: RateLimiter | undefined;
let audit: AuditLog | undefined;
let stepTrail: StepAuditTrail | undefined;

export const reportStore = (): DynamoReportStore => {
  store ??= new DynamoReportStore(dynamoDocumentClient(), onlineReportConfig().reportsTable);
  return store;
};

/** The public journey's answers, server-side in the platform sessions table (shared/http/journey-session.ts). */
export const journeySessions = (): ReportJourneySessions => {
  journeys ??= dynamoJourneySessionStore({
    client: dynamoDocumentClient(),
    tableName: onlineReportConfig().sessionsTable,
    scope: reportJourneyScope,
    schema: ReportJourneySchema,
  });
  return journeys;
};

export const identityHasher = (): IdentityHasher => {
  hasher ??= hmacIdentityHasher(onlineReportConfig().identityHmacKey);
  return hasher;
};

/** Counts in the platform sessions table, keyed on a keyed hash of the client's address. */
export const rateLimiter = (): RateLimiter => {
  const config = onlineReportConfig();
  limiter ??= limiterOf({
    scope: 'online-report',
    counter: dynamoRateCounter(dynamoDocumentClient(), config.sessionsTable),
    clientKey: hmacClientKey(config.identityHmacKey),
  });
  return limiter;
};

export const auditLog = (): AuditLog => {
  audit ??= auditLogFromEnvironment();
  return audit;
};

/** The domestic-abuse workflow's steps on each report's audit trail, each written once. */
export const stepAuditTrail = (): StepAuditTrail => {
  stepTrail ??= stepAuditTrailOn(auditLogFromEnvironment());
  return stepTrail;
};
