import type { Principal } from '../auth/principal.ts';
import { logger } from '../observability/logger.ts';

/** A member of staff refused by a route's policy: who, what they asked for, which rule said no. */
export interface DeniedAccess {
  readonly principal: Principal;
  readonly policy: string;
  readonly method: string;
  /** The route as declared (`/staff/dvpn/{id}`) when known, otherwise the path asked for. */
  readonly route: string;
  readonly path: string;
  /** Path parameters of the route (`{id}` → `params.id`). */
  readonly params: Readonly<Record<string, string>>;
  readonly correlationId: string;
  readonly at: Date;
}

/**
 * Port for recording refusals in the audit trail (DPA 2018 s.62: denied attempts are logged as well as
 * granted ones). The audit service provides the real one; a recorder must not throw for a refusal to stand.
 */
export interface DeniedAccessRecorder {
  recordDenied(denied: DeniedAccess): Promise<void>;
}

/** The refusal as a log line, without names; for tests and tools that run without the audit table. */
export const logDeniedAccess: DeniedAccessRecorder = {
  recordDenied: async (denied) => {
    logger().warn('Access denied by policy', {
      subject: denied.principal.subject,
      rank: denied.principal.rank,
      department: denied.principal.department,
      policy: denied.policy,
      method: denied.method,
      route: denied.route,
    });
  },
};
