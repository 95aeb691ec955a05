import { type AuditLog, parseRecordInput } from './audit-log.ts';
import {
  type AuditEntry,
  type AuditRecordInput,
  type CaseRef,
  type ChainVerification,
  nextEntry,
  verifyChain,
} from './chain.ts';

/**
 * The audit log kept in memory, built on the same chain as the DynamoDB one, for unit tests of handlers
 * and domain workflows that must show they audit what they do.
 */
export class InMemoryAuditLog implements AuditLog {
  readonly #chains = new Map<string, AuditEntry[]>();
  readonly #written: AuditEntry[] = [];
  readonly #once = new Set<string>();

  async record(input: AuditRecordInput): Promise<AuditEntry> {
    const valid = parseRecordInput(input);
    const chain = this.#chain(valid.caseRef);
    const tip = chain.at(-1);
    const entry = nextEntry(tip && { sequence: tip.sequence, hash: tip.hash }, valid);
    chain.push(entry);
    this.#written.push(entry);
    return entry;
  }

  async recordOnce(input: AuditRecordInput, key: string): Promise<AuditEntry | 'already'> {
    const valid = parseRecordInput(input);
    const once = `${valid.caseRef.service}/${valid.caseRef.caseId}/${key}`;
    if (this.#once.has(once)) return 'already';
    this.#once.add(once);
    return this.record(valid);
  }

  async entries(caseRef: CaseRef): Promise<AuditEntry[]> {
    return [...this.#chain(caseRef)];
  }

  async verify(caseRef: CaseRef): Promise<ChainVerification> {
    return verifyChain(this.#chain(caseRef), { caseRef });
  }

  /** Every entry of every case, in the order written. */
  all(): AuditEntry[] {
    return [...this.#written];
  }

  #chain(caseRef: CaseRef): AuditEntry[] {
    const key = `${caseRef.service}/${caseRef.caseId}`;
    let chain = this.#chains.get(key);
    if (!chain) {
      chain = [];
      this.#chains.set(key, chain);
    }
    return chain;
  }
}
