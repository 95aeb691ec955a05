import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AuditEntry,
  type AuditRecordInput,
  type CaseRef,
  type ChainHead,
  GENESIS_HASH,
  hashEntry,
  nextEntry,
  verifyChain,
} from '../../../shared/audit/chain.ts';

const caseRef: CaseRef = { service: 'dvpn', caseId: 'DVPN-000123' };

const input = (n: number, overrides: Partial<AuditRecordInput> = {}): AuditRecordInput => ({
  caseRef,
  actor: { collarNumber: `PC${1000 + n}`, rank: 'constable', department: 'FORCE_RESPONSE' },
  action: 'view-case',
  reason: `Reviewing the case, visit ${n}`,
  outcome: 'allowed',
  at: new Date(Date.UTC(2025, 2, 1, 9, 0, n)).toISOString(),
  correlationId: `corr-${n}`,
  ...overrides,
});

const buildChain = (length: number, ref: CaseRef = caseRef): AuditEntry[] => {
  const chain: AuditEntry[] = [];
  for (let n = 1; n <= length; n += 1) {
    const tip = chain.at(-1);
    chain.push(nextEntry(tip && { sequence: tip.sequence, hash: tip.hash }, input(n, { caseRef: ref })));
  }
  return chain;
};

const headOf = (chain: readonly AuditEntry[]): ChainHead => {
  const tip = chain.at(-1);
  if (!tip) throw new Error('an empty chain has no head');
  return { sequence: tip.sequence, hash: tip.hash };
};

const resealed = (entry: AuditEntry, changes: Partial<AuditEntry>): AuditEntry => {
  const changed = { ...entry, ...changes };
  return { ...changed, hash: hashEntry(changed) };
};

describe('Audit chain: hashing', () => {
  it('Audit: an entry hashes to the SHA-256 of its canonical JSON, keys sorted, hash left out (DPA 2018 s.62)', () => {
    const entry = nextEntry(undefined, {
      caseRef: { service: 'dvpn', caseId: 'C1' },
      actor: { collarNumber: 'PC1', rank: 'sergeant', department: 'PPU' },
      action: 'view-case',
      outcome: 'denied',
      at: '2025-03-01T09:00:00.000Z',
      correlationId: 'c-1',
    });
    const canonical =
      '{"action":"view-case","actor":{"collarNumber":"PC1","department":"PPU","rank":"sergeant"},' +
      '"at":"2025-03-01T09:00:00.000Z","caseRef":{"caseId":"C1","service":"dvpn"},"correlationId":"c-1",' +
      `"outcome":"denied","previousHash":"${GENESIS_HASH}","sequence":1}`;

    const hash = hashEntry(entry);

    expect(hash).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });

  it('Audit: the hash does not depend on the order fields were stored in', () => {
    const entry = nextEntry(undefined, input(1));
    const reversed = Object.fromEntries(Object.entries(entry).reverse()) as AuditEntry;

    expect(hashEntry(reversed)).toBe(entry.hash);
  });

  it('Audit: the first entry of a case starts at 1 and refers to the genesis hash', () => {
    const first = nextEntry(undefined, input(1));

    expect({ sequence: first.sequence, previousHash: first.previousHash }).toEqual({
      sequence: 1,
      previousHash: GENESIS_HASH,
    });
  });

  it('Audit: each entry holds the SHA-256 of the entry before it (ARCHITECTURE "People and access")', () => {
    const [first, second] = buildChain(2);

    expect(second?.previousHash).toBe(first?.hash);
    expect(second?.sequence).toBe(2);
  });
});

describe('Audit chain: verification (DPA 2018 s.62: the log cannot be altered unnoticed)', () => {
  it('Audit: an untouched chain verifies, with its length', () => {
    const chain = buildChain(5);

    expect(verifyChain(chain, { caseRef, head: headOf(chain) })).toEqual({ ok: true, length: 5 });
  });

  it('Audit: a case with no entries and no head verifies as empty', () => {
    expect(verifyChain([], { caseRef, head: null })).toEqual({ ok: true, length: 0 });
  });

  it('Audit: an edited entry breaks the chain at that entry (DPA 2018 s.62)', () => {
    const chain = buildChain(5);
    chain[2] = { ...(chain[2] as AuditEntry), outcome: 'denied' };

    const result = verifyChain(chain, { head: headOf(chain) });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'edited' });
  });

  it('Audit: an edited entry whose hash was recomputed breaks the link to the next entry', () => {
    const chain = buildChain(5);
    chain[1] = resealed(chain[1] as AuditEntry, { action: 'update-case' });

    const result = verifyChain(chain, { head: headOf(chain) });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'unlinked' });
  });

  it('Audit: a deleted entry in the middle is reported as missing at its number', () => {
    const chain = buildChain(5);
    chain.splice(2, 1);

    const result = verifyChain(chain, { head: headOf(chain) });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'missing' });
  });

  it('Audit: a deleted first entry is reported as missing entry 1', () => {
    const chain = buildChain(3);
    const head = headOf(chain);

    const result = verifyChain(chain.slice(1), { head });

    expect(result).toMatchObject({ ok: false, brokenAt: 1, problem: 'missing' });
  });

  it('Audit: a deleted last entry is caught by comparing the chain with its head record', () => {
    const chain = buildChain(5);
    const head = headOf(chain);

    const result = verifyChain(chain.slice(0, 4), { head });

    expect(result).toMatchObject({ ok: false, brokenAt: 5, problem: 'missing' });
  });

  it('Audit: without the head record a deleted last entry cannot be seen, which is why the head is kept', () => {
    const chain = buildChain(5);

    const result = verifyChain(chain.slice(0, 4));

    expect(result).toEqual({ ok: true, length: 4 });
  });

  it('Audit: every entry deleted while the head remains is reported as missing from entry 1', () => {
    const head = headOf(buildChain(3));

    const result = verifyChain([], { caseRef, head });

    expect(result).toMatchObject({ ok: false, brokenAt: 1, problem: 'missing' });
  });

  it('Audit: reordered entries are reported as out of order', () => {
    const chain = buildChain(5);
    const [third, fourth] = [chain[2] as AuditEntry, chain[3] as AuditEntry];
    chain[2] = fourth;
    chain[3] = third;

    const result = verifyChain(chain, { head: headOf(buildChain(5)) });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'reordered' });
  });

  it('Audit: an inserted entry that reuses a number is reported as a duplicate', () => {
    const chain = buildChain(4);
    const forged = nextEntry(headOf(chain.slice(0, 2)), input(99, { action: 'view-case' }));
    chain.splice(2, 0, forged);

    const result = verifyChain(chain, { head: headOf(chain) });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'duplicate' });
  });

  it('Audit: an inserted entry with the later entries renumbered breaks at the first renumbered entry', () => {
    const chain = buildChain(4);
    const forged = nextEntry(headOf(chain.slice(0, 2)), input(99));
    const renumbered = chain.slice(2).map((entry) => ({ ...entry, sequence: entry.sequence + 1 }));
    const tampered = [...chain.slice(0, 2), forged, ...renumbered];

    const result = verifyChain(tampered, { head: headOf(tampered) });

    expect(result).toMatchObject({ ok: false, brokenAt: 4, problem: 'edited' });
  });

  it('Audit: an entry appended without moving the head is reported as added outside the log', () => {
    const chain = buildChain(3);
    const head = headOf(chain);
    chain.push(nextEntry(head, input(4)));

    const result = verifyChain(chain, { head });

    expect(result).toMatchObject({ ok: false, brokenAt: 4, problem: 'head-mismatch' });
  });

  it('Audit: a replaced last entry with a recomputed hash no longer matches the head', () => {
    const chain = buildChain(3);
    const head = headOf(chain);
    chain[2] = resealed(chain[2] as AuditEntry, { outcome: 'denied' });

    const result = verifyChain(chain, { head });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'head-mismatch' });
  });

  it('Audit: a missing head record beside existing entries is reported', () => {
    const chain = buildChain(3);

    const result = verifyChain(chain, { head: null });

    expect(result).toMatchObject({ ok: false, brokenAt: 3, problem: 'head-mismatch' });
  });

  it('Audit: a first entry that refers to an earlier entry is a bad genesis', () => {
    const chain = buildChain(1);
    chain[0] = resealed(chain[0] as AuditEntry, { previousHash: 'a'.repeat(64) });

    const result = verifyChain(chain, { head: headOf(chain) });

    expect(result).toMatchObject({ ok: false, brokenAt: 1, problem: 'bad-genesis' });
  });

  it('Audit: an entry with an added attribute is reported as malformed at its number', () => {
    const chain: unknown[] = buildChain(3);
    chain[1] = { ...(chain[1] as AuditEntry), note: 'added later' };

    const result = verifyChain(chain);

    expect(result).toMatchObject({ ok: false, brokenAt: 2, problem: 'malformed' });
  });

  it("Audit: an entry moved from another case's chain is reported as belonging elsewhere", () => {
    const chain = buildChain(3);
    const other = buildChain(3, { service: 'dvpn', caseId: 'DVPN-000999' });
    chain[1] = other[1] as AuditEntry;

    const result = verifyChain(chain, { caseRef });

    expect(result).toMatchObject({ ok: false, brokenAt: 2, problem: 'wrong-case' });
  });

  it('Audit: the explanation names entry numbers only, never what the entry says', () => {
    const chain = buildChain(3);
    chain[1] = { ...(chain[1] as AuditEntry), reason: 'a changed reason' };

    const result = verifyChain(chain);

    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.explanation).toContain('Entry 2');
      expect(result.explanation).not.toMatch(/PC100|reason|view-case|DVPN-000123/);
    }
  });

  it('Audit: changing any field of any entry breaks the chain at that entry (property)', () => {
    const changes: Record<string, (entry: AuditEntry) => Partial<AuditEntry>> = {
      action: () => ({ action: 'delete-case' }),
      outcome: (entry) => ({ outcome: entry.outcome === 'allowed' ? 'denied' : 'allowed' }),
      reason: (entry) => ({ reason: `${entry.reason ?? ''}!` }),
      at: () => ({ at: '2030-01-01T00:00:00.000Z' }),
      actor: () => ({ actor: { collarNumber: 'PC9999', rank: 'inspector', department: 'PSD' } }),
      correlationId: () => ({ correlationId: 'other' }),
    };
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.nat(),
        fc.constantFrom(...Object.keys(changes)),
        (length, pick, field) => {
          const chain = buildChain(length);
          const index = pick % length;
          const target = chain[index] as AuditEntry;
          chain[index] = { ...target, ...changes[field]?.(target) };

          const result = verifyChain(chain, { caseRef, head: headOf(buildChain(length)) });

          expect(result).toMatchObject({ ok: false, brokenAt: index + 1, problem: 'edited' });
        },
      ),
    );
  });
});
