import type { Principal } from '../../shared/auth/principal.ts';

/** A member of staff signed in to a service's use cases by the bench: their subject marks them as its own. */
export const benchPrincipal = (staff: Omit<Principal, 'subject'>): Principal => ({
  subject: `bench-${staff.collarNumber}`,
  collarNumber: staff.collarNumber,
  displayName: staff.displayName,
  rank: staff.rank,
  department: staff.department,
});

/** Who calls a use case, as every service's case service takes it. */
export interface BenchCaller {
  readonly principal: Principal;
  readonly now: Date;
  readonly correlationId: string;
}

/** A call made now by `principal`, its correlation id (`bench-<tag>`) telling the bench's work apart. */
export const benchCaller = (principal: Principal, tag: string): BenchCaller => ({
  principal,
  now: new Date(),
  correlationId: `bench-${tag}`,
});
