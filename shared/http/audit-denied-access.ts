import { type AuditLog, recordAccess } from '../audit/audit-log.ts';
import { CaseRef } from '../audit/chain.ts';
import { auditLogFromEnvironment } from '../audit/dynamo-audit-log.ts';
import type { DeniedAccess, DeniedAccessRecorder } from './denied-access.ts';

export interface DeniedAccessAuditOptions {
  /** The service whose cases the route shows; with it, a refusal on `/…/{id}` joins that case's chain. */
  readonly service?: string;
  /** The path parameter holding the case id; `id` unless told. */
  readonly caseIdParam?: string;
  /** What was attempted, kebab case (`authorise-notice`); `access-route` unless told. */
  readonly action?: string;
}

/** Refusals that concern no particular case share one chain of their own. */
export const routeRefusalsChain: CaseRef = { service: 'platform', caseId: 'denied-access' };

const caseRefOf = (denied: DeniedAccess, options: DeniedAccessAuditOptions): CaseRef => {
  const caseId = denied.params[options.caseIdParam ?? 'id'];
  if (!options.service || caseId === undefined) return routeRefusalsChain;
  const candidate = CaseRef.safeParse({ service: options.service, caseId });
  return candidate.success ? candidate.data : routeRefusalsChain;
};

/**
 * Writes each refusal by a route's policy to the audit trail (DPA 2018 s.62) as a denied access: the
 * member of staff (collar number, rank, department), the case when the route names one, and as the
 * reason which rule refused which route.
 */
export const auditDeniedAccess = (
  log: AuditLog,
  options: DeniedAccessAuditOptions = {},
): DeniedAccessRecorder => ({
  recordDenied: async (denied) => {
    await recordAccess(log, {
      principal: denied.principal,
      caseRef: caseRefOf(denied, options),
      action: options.action ?? 'access-route',
      reason: `${denied.policy} is required for ${denied.route}`,
      outcome: 'denied',
      correlationId: denied.correlationId,
      now: denied.at,
    });
  },
});

let shared: DeniedAccessRecorder | undefined;

/** The default for staff routes: the platform audit table named by TABLE_PLATFORM_AUDIT. */
export const defaultDeniedAccessRecorder = (): DeniedAccessRecorder => {
  shared ??= auditDeniedAccess(auditLogFromEnvironment());
  return shared;
};
