import {
  fixtureDirectory,
  fixtureStaff,
} from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import type { Caller, ServiceDependencies } from '../../../services/restricted-cases/case-service.ts';
import { ConcurrentChangeError } from '../../../services/restricted-cases/domain/errors.ts';
import type { CaseFile, RestrictedCase } from '../../../services/restricted-cases/domain/model.ts';
import type {
  AttemptLog,
  CaseRepository,
  Outgoing,
} from '../../../services/restricted-cases/domain/ports.ts';
import { normaliseCrimeNumber } from '../../../services/restricted-cases/domain/search.ts';
import type { AuditRecordInput } from '../../../shared/audit/chain.ts';
import { InMemoryAuditLog } from '../../../shared/audit/in-memory-audit-log.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

/** The case table kept in memory, with the same version check and the messages each write carried. */
export class InMemoryCases implements CaseRepository {
  readonly files = new Map<string, CaseFile>();
  readonly sent: Outgoing[] = [];

  async load(caseId: string) {
    return this.files.get(caseId);
  }
  async create(file: CaseFile, messages: readonly Outgoing[]) {
    if (this.files.has(file.case.id)) throw new ConcurrentChangeError();
    this.files.set(file.case.id, file);
    this.sent.push(...messages);
  }
  async save(previous: CaseFile, next: CaseFile, messages: readonly Outgoing[]) {
    if (this.files.get(previous.case.id)?.case.version !== previous.case.version)
      throw new ConcurrentChangeError();
    this.files.set(next.case.id, next);
    this.sent.push(...messages);
  }
  async idsByCrimeNumber(crimeNumber: string) {
    return [...this.files.values()]
      .filter(
        (file) =>
          file.case.references.crimeNumber &&
          normaliseCrimeNumber(file.case.references.crimeNumber) === normaliseCrimeNumber(crimeNumber),
      )
      .map((file) => file.case.id);
  }
  async idsBySuspect(collarNumber: string) {
    return [...this.files.values()]
      .filter((file) => file.case.suspect?.collarNumber === collarNumber)
      .map((file) => file.case.id);
  }
  async idsByMember(collarNumber: string) {
    return [...this.files.values()]
      .filter((file) => file.members.some((member) => member.collarNumber === collarNumber))
      .map((file) => file.case.id);
  }
  async listCases(state: 'open' | 'closed', limit: number): Promise<RestrictedCase[]> {
    return [...this.files.values()]
      .map((file) => file.case)
      .filter((theCase) => (theCase.stage === 'closed') === (state === 'closed'))
      .slice(0, limit);
  }
  async grantsAwaitingAction() {
    return [...this.files.values()].flatMap((file) =>
      file.grants
        .filter((grant) => grant.status === 'pending' || (grant.kind === 'break-glass' && !grant.review))
        .map((grant) => ({ caseId: file.case.id, grant })),
    );
  }
}

/**
 * The attempt log kept in memory: the entry goes on the in-memory chain and the alert on a list, both or
 * neither. Told to, it refuses like a store that is down, writing nothing.
 */
export class RecordingAttempts implements AttemptLog {
  readonly queued: Outgoing[] = [];
  failing = false;
  constructor(private readonly audit: InMemoryAuditLog) {}
  async record(entry: AuditRecordInput, alert: Outgoing) {
    if (this.failing) throw new Error('store unavailable');
    await this.audit.recordOnce(entry, `alert-${alert.message.id}`);
    this.queued.push(alert);
  }
}

export interface TestService {
  readonly deps: ServiceDependencies;
  readonly cases: InMemoryCases;
  readonly audit: InMemoryAuditLog;
  readonly alerts: RecordingAttempts;
}

export const testService = (): TestService => {
  const cases = new InMemoryCases();
  const audit = new InMemoryAuditLog();
  const alerts = new RecordingAttempts(audit);
  let counter = 0;
  const deps: ServiceDependencies = {
    cases,
    directory: fixtureDirectory(),
    auditLog: audit,
    attempts: alerts,
    randomBytes: (size) => {
      counter += 1;
      return Uint8Array.from({ length: size }, (_, index) => (counter * 37 + index * 11) % 256);
    },
    newUuid: () => {
      counter += 1;
      return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
    },
  };
  return { deps, cases, audit, alerts };
};

/** A demo member of staff from the fixture directory, signed in. */
export const staff = (collarNumber: string): Principal => {
  const entry = fixtureStaff.find((person) => person.collarNumber === collarNumber);
  if (!entry) throw new Error(`No fixture member of staff ${collarNumber}`);
  return {
    subject: `sub-${collarNumber}`,
    collarNumber,
    displayName: entry.displayName,
    rank: entry.rank,
    department: entry.department,
  };
};

export const at = (iso: string): Date => new Date(iso);

export const callerAs = (collarNumber: string, now = at('2026-03-02T10:00:00Z')): Caller => ({
  principal: staff(collarNumber),
  now,
  correlationId: 'corr-test',
});
