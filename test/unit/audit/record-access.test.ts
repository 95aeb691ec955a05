import { describe, expect, it } from 'vitest';
import { InvalidAuditEntryError, recordAccess } from '../../../shared/audit/audit-log.ts';
import type { CaseRef } from '../../../shared/audit/chain.ts';
import { InMemoryAuditLog } from '../../../shared/audit/in-memory-audit-log.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

const inspector: Principal = {
  subject: 'f3c1a0de-0000-4000-8000-000000000001',
  collarNumber: 'IN4521',
  displayName: 'Alex Example',
  rank: 'inspector',
  department: 'PPU',
};
const caseRef: CaseRef = { service: 'clares-law', caseId: 'CL-2025-000042' };
const now = new Date('2025-03-01T09:30:00.000Z');

describe('Audit: recording access to a case', () => {
  it('Audit: a view records who, when, what, which case and why (DPA 2018 s.62)', async () => {
    const log = new InMemoryAuditLog();

    const entry = await recordAccess(log, {
      principal: inspector,
      caseRef,
      action: 'view-case',
      reason: 'Preparing the disclosure decision',
      outcome: 'allowed',
      correlationId: 'req-1',
      now,
    });

    expect(entry).toMatchObject({
      caseRef,
      sequence: 1,
      actor: { collarNumber: 'IN4521', rank: 'inspector', department: 'PPU' },
      action: 'view-case',
      reason: 'Preparing the disclosure decision',
      outcome: 'allowed',
      at: '2025-03-01T09:30:00.000Z',
      correlationId: 'req-1',
    });
  });

  it('Audit: a denied attempt is recorded too, with outcome denied', async () => {
    const log = new InMemoryAuditLog();

    await recordAccess(log, {
      principal: inspector,
      caseRef,
      action: 'authorise-notice',
      outcome: 'denied',
      correlationId: 'req-2',
      now,
    });

    expect((await log.entries(caseRef)).map((e) => e.outcome)).toEqual(['denied']);
  });

  it('Audit: the entry identifies staff by collar number, rank and department, never by name', async () => {
    const log = new InMemoryAuditLog();

    const entry = await recordAccess(log, {
      principal: inspector,
      caseRef,
      action: 'view-case',
      outcome: 'allowed',
      correlationId: 'req-3',
      now,
    });

    expect(Object.keys(entry.actor).sort()).toEqual(['collarNumber', 'department', 'rank']);
    expect(JSON.stringify(entry)).not.toContain(inspector.displayName);
    expect(JSON.stringify(entry)).not.toContain(inspector.subject);
  });

  it('Audit: a blank reason is recorded as no reason', async () => {
    const log = new InMemoryAuditLog();

    const entry = await recordAccess(log, {
      principal: inspector,
      caseRef,
      action: 'view-case',
      reason: '   ',
      outcome: 'allowed',
      correlationId: 'req-4',
      now,
    });

    expect(entry).not.toHaveProperty('reason');
  });

  it('Audit: successive accesses extend one unbroken chain per case', async () => {
    const log = new InMemoryAuditLog();
    const other: CaseRef = { service: 'clares-law', caseId: 'CL-2025-000043' };
    for (const [index, ref] of [caseRef, other, caseRef, caseRef].entries()) {
      await recordAccess(log, {
        principal: inspector,
        caseRef: ref,
        action: 'view-case',
        outcome: 'allowed',
        correlationId: `req-${index}`,
        now,
      });
    }

    const [mine, theirs] = [await log.verify(caseRef), await log.verify(other)];

    expect(mine).toEqual({ ok: true, length: 3 });
    expect(theirs).toEqual({ ok: true, length: 1 });
  });

  it('Audit: an invalid action is refused naming the field, not the value', async () => {
    const log = new InMemoryAuditLog();

    const attempt = recordAccess(log, {
      principal: inspector,
      caseRef,
      action: 'View Case of Jane',
      outcome: 'allowed',
      correlationId: 'req-5',
      now,
    });

    await expect(attempt).rejects.toBeInstanceOf(InvalidAuditEntryError);
    await expect(attempt).rejects.toThrow(/invalid action/);
    await expect(attempt).rejects.not.toThrow(/Jane/);
  });
});
