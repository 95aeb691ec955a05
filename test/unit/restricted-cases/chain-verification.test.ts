import { describe, expect, it } from 'vitest';
import { caseRefOf, openCase, recordNewAllegation } from '../../../services/restricted-cases/case-service.ts';
import { accessLogView } from '../../../services/restricted-cases/view-models.ts';
import { type AuditEntry, verifyChain } from '../../../shared/audit/chain.ts';
import { callerAs, testService } from './support.ts';

/** A restricted case's real chain: recorded, then opened by three people (DPA 2018 s.62). */
const chainOfCase = async (): Promise<AuditEntry[]> => {
  const service = testService();
  const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), {
    suspectCollarNumber: '4021',
    victimDescription: 'Partner',
    summary: 'Assault',
    criminal: false,
    callLogRefs: [],
    receivedAs: 'victim-report',
    urgentSafeguarding: false,
  });
  for (const collar of ['2731', '2107', '2288'])
    await openCase(service.deps, callerAs(collar), caseId).catch(() => undefined);
  return service.audit.entries(caseRefOf(caseId));
};

const checked = (entries: readonly unknown[], head?: AuditEntry) =>
  accessLogView(
    entries as AuditEntry[],
    verifyChain(entries, head ? { head: { sequence: head.sequence, hash: head.hash } } : {}),
  );

describe('The access log’s "verify chain" notices tampering (DPA 2018 s.62)', () => {
  it('an untouched chain is intact', async () => {
    const entries = await chainOfCase();

    expect(checked(entries, entries.at(-1)).verification).toEqual({
      ok: true,
      text: 'Chain intact: 4 entries, each linked by hash to the one before it.',
    });
  });

  it('an edited entry (a denial turned into an allowed access) is detected', async () => {
    const entries = await chainOfCase();
    const edited = entries.map((entry) =>
      entry.sequence === 3 ? { ...entry, outcome: 'allowed' as const } : entry,
    );

    expect(checked(edited, entries.at(-1)).verification.text).toMatch(/^Chain broken at entry 3 \(edited\)/);
  });

  it('a deleted entry is detected', async () => {
    const entries = await chainOfCase();
    const deleted = entries.filter((entry) => entry.sequence !== 2);

    expect(checked(deleted, entries.at(-1)).verification.text).toMatch(
      /^Chain broken at entry 2 \(missing\)/,
    );
  });

  it('the last entry deleted is detected by the recorded head', async () => {
    const entries = await chainOfCase();

    expect(checked(entries.slice(0, -1), entries.at(-1)).verification.text).toMatch(
      /^Chain broken at entry 4 \(missing\)/,
    );
  });

  it('reordered entries are detected', async () => {
    const entries = await chainOfCase();
    const [first, second, third, fourth] = entries;
    const reordered = [first, third, second, fourth];

    expect(checked(reordered, entries.at(-1)).verification.text).toMatch(
      /^Chain broken at entry 2 \(reordered\)/,
    );
  });
});
