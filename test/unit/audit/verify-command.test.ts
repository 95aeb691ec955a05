import { describe, expect, it } from 'vitest';
import { type AuditEntry, type CaseRef, nextEntry } from '../../../shared/audit/chain.ts';
import type { StoredChain } from '../../../shared/audit/dynamo-audit-log.ts';
import { verifyCommand, verifyExitCodes } from '../../../shared/audit/verify-command.ts';

const caseRef: CaseRef = { service: 'dvpn', caseId: 'DVPN-000123' };

const storedChain = (length: number): { entries: AuditEntry[]; head: { sequence: number; hash: string } } => {
  const entries: AuditEntry[] = [];
  for (let n = 1; n <= length; n += 1) {
    const tip = entries.at(-1);
    entries.push(
      nextEntry(tip && { sequence: tip.sequence, hash: tip.hash }, {
        caseRef,
        actor: { system: 'dvpn' },
        action: 'warn-hearing-due',
        outcome: 'allowed',
        at: new Date(Date.UTC(2025, 0, 1, 0, n)).toISOString(),
        correlationId: `c-${n}`,
      }),
    );
  }
  const tip = entries.at(-1);
  return { entries, head: { sequence: tip?.sequence ?? 0, hash: tip?.hash ?? '' } };
};

const reader =
  (chains: Record<string, StoredChain>) =>
  async (ref: CaseRef): Promise<StoredChain> =>
    chains[`${ref.service}/${ref.caseId}`] ?? { entries: [], head: null };

describe('Audit: npm run audit:verify', () => {
  it('Audit: an intact chain is reported with its length and exit 0', async () => {
    const read = reader({ 'dvpn/DVPN-000123': storedChain(3) });

    const result = await verifyCommand(['dvpn', 'DVPN-000123'], read);

    expect(result.exitCode).toBe(verifyExitCodes.intact);
    expect(result.output).toMatch(/^Chain intact: 3 entries/);
  });

  it('Audit: a broken chain is reported at its first broken link, in plain words, with exit 1', async () => {
    const chain = storedChain(3);
    chain.entries[1] = { ...(chain.entries[1] as AuditEntry), outcome: 'denied' };
    const read = reader({ 'dvpn/DVPN-000123': chain });

    const result = await verifyCommand(['dvpn', 'DVPN-000123'], read);

    expect(result.exitCode).toBe(verifyExitCodes.broken);
    expect(result.output).toMatch(/^Chain broken at entry 2 \(edited\)/);
    expect(result.output).toContain('Entry 2 has been altered since it was written');
  });

  it('Audit: an unknown case is said plainly, with exit 2', async () => {
    const result = await verifyCommand(['dvpn', 'DVPN-404'], reader({}));

    expect(result.exitCode).toBe(verifyExitCodes.unknownCase);
    expect(result.output).toContain('No audit entries found for case dvpn DVPN-404');
  });

  it('Audit: missing or malformed arguments print the usage, with exit 64', async () => {
    const outcomes = await Promise.all(
      [[], ['dvpn'], ['dvpn/DVPN-000123'], ['dvpn', 'DVPN#1']].map((args) => verifyCommand(args, reader({}))),
    );

    expect(outcomes.map((o) => o.exitCode)).toEqual([64, 64, 64, 64]);
    expect(
      outcomes.every((o) => o.output.startsWith('Usage: npm run audit:verify -- <service> <caseId>')),
    ).toBe(true);
  });
});
