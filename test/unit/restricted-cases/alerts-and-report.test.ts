import { describe, expect, it } from 'vitest';
import { notificationIdFor } from '../../../services/restricted-cases/alert-delivery.ts';
import { accessReportInput } from '../../../services/restricted-cases/domain/access-report.ts';
import { type AccessAlert, noticesForAlert } from '../../../services/restricted-cases/domain/alerts.ts';
import { nextEntry } from '../../../shared/audit/chain.ts';
import { RestrictedCaseAccessReportInput } from '../../../shared/contracts/documents.ts';
import { t0 } from './fixtures.ts';

const alert = (overrides: Partial<AccessAlert> = {}): AccessAlert => ({
  id: '00000000-0000-4000-8000-000000000001',
  caseId: 'RC-AAAA-BBBB-CCCC',
  caseKnown: true,
  action: 'open',
  outcome: 'denied',
  decision: 'denied: not on the access list',
  actor: { collarNumber: '2107', rank: 'sergeant', department: 'FORCE_RESPONSE' },
  at: t0.toISOString(),
  supervisingOfficer: '2288',
  ...overrides,
});

describe('PSD and the supervising officer are told of every attempt (APP "Access to records")', () => {
  it('a denied attempt is urgent for PSD and the supervising officer', () => {
    const notices = noticesForAlert(alert());

    expect(notices.map((notice) => [notice.audience, notice.priority])).toEqual([
      [expect.objectContaining({ kind: 'group', department: 'PSD' }), 'urgent'],
      [{ kind: 'person', collarNumber: '2288' }, 'urgent'],
    ]);
  });

  it('an allowed attempt by someone outside PSD is routine, and still sent', () => {
    const notices = noticesForAlert(alert({ outcome: 'allowed', decision: 'allowed: on the access list' }));

    expect(notices).toHaveLength(2);
    expect(notices.every((notice) => notice.priority === 'routine')).toBe(true);
  });

  it('break glass asks PSD to acknowledge it', () => {
    const [toPsd] = noticesForAlert(alert({ action: 'break-glass', outcome: 'allowed' }));

    expect(toPsd).toMatchObject({ priority: 'urgent', requiresAcknowledgement: true });
  });

  it('PSD’s own allowed work goes to the supervising officer only; PSD sees it in its alerts inbox', () => {
    const notices = noticesForAlert(
      alert({ outcome: 'allowed', actor: { collarNumber: '2731', rank: 'sergeant', department: 'PSD' } }),
    );

    expect(notices.map((notice) => notice.audience)).toEqual([{ kind: 'person', collarNumber: '2288' }]);
  });

  it('the supervising officer is not told of their own access', () => {
    const notices = noticesForAlert(
      alert({ actor: { collarNumber: '2288', rank: 'sergeant', department: 'PPU' } }),
    );

    expect(notices.map((notice) => notice.audience)).not.toContainEqual({
      kind: 'person',
      collarNumber: '2288',
    });
  });

  it('notices name the case and the collar number, never a person', () => {
    const [toPsd] = noticesForAlert(alert());

    expect(toPsd?.title).toBe('Restricted case RC-AAAA-BBBB-CCCC: collar 2107 opened the case (denied)');
  });

  it('a redelivered alert makes the same notification ids, so the inbox keeps one of each', () => {
    expect(notificationIdFor('a', 0)).toBe(notificationIdFor('a', 0));
    expect(notificationIdFor('a', 0)).not.toBe(notificationIdFor('a', 1));
    expect(notificationIdFor('a', 0)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });
});

describe('The access report for PSD (DPA 2018 s.62)', () => {
  const caseRef = { service: 'restricted-cases', caseId: 'RC-AAAA-BBBB-CCCC' };
  const first = nextEntry(undefined, {
    caseRef,
    actor: { collarNumber: '2107', rank: 'sergeant', department: 'FORCE_RESPONSE' },
    action: 'open-case',
    outcome: 'denied',
    at: t0.toISOString(),
    correlationId: 'c1',
  });
  const second = nextEntry(first, {
    caseRef,
    actor: { system: 'restricted-cases' },
    action: 'attach-access-report',
    outcome: 'allowed',
    at: t0.toISOString(),
    correlationId: 'c2',
  });

  const report = (intact: boolean) =>
    accessReportInput({
      caseId: caseRef.caseId,
      entries: [first, second],
      verification: intact
        ? { ok: true, length: 2 }
        : { ok: false, brokenAt: 1, problem: 'edited', explanation: 'x' },
      from: t0,
      to: t0,
      preparedFor: 'Professional Standards Department',
    });

  it('lists staff attempts by collar number and leaves out the system’s own entries', () => {
    expect(report(true).entries).toEqual([
      {
        at: t0.toISOString(),
        collarNumber: '2107',
        rank: 'sergeant',
        department: 'FORCE_RESPONSE',
        action: 'Open case',
        reason: 'None given',
        outcome: 'denied',
      },
    ]);
  });

  it('says whether the chain was intact when it was made', () => {
    expect(report(true).auditChainIntact).toBe(true);
    expect(report(false).auditChainIntact).toBe(false);
  });

  it('is what the documents service accepts', () => {
    expect(RestrictedCaseAccessReportInput.safeParse(report(true)).success).toBe(true);
  });
});
