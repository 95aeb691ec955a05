import { describe, expect, it } from 'vitest';
import { dapnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { messagesFor } from '../../../services/dvpn/effects.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { at, servedCase, submittedCase } from './fixtures.ts';

let ids = 0;
const effectContext = {
  now: at('2026-06-02T08:30:00Z'),
  correlationId: 'corr',
  newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
};

describe('Messages a change causes', () => {
  it('a submission alerts the duty superintendents, with no name in it', () => {
    const dvpnCase = submittedCase();

    const [message, ...rest] = messagesFor(
      dvpnCase,
      [{ kind: 'submitted', at: '2026-06-02T08:30:00.000Z' }],
      effectContext,
    );

    expect(rest).toEqual([]);
    expect(message?.queue).toBe('staff-notifications');
    const data = StaffNotificationRequested.parse(message?.message).data;
    expect(data.audience).toEqual({
      kind: 'group',
      minimumRank: 'superintendent',
      label: 'Duty superintendents',
    });
    expect(JSON.stringify(data)).not.toMatch(/Sam Recipient|Alex Protected/);
  });

  it('under the DAPN pack the duty inspectors are alerted', () => {
    const [message] = messagesFor(
      submittedCase(dapnPack),
      [{ kind: 'submitted', at: '2026-06-02T08:30:00.000Z' }],
      effectContext,
    );

    expect(StaffNotificationRequested.parse(message?.message).data.audience).toMatchObject({
      minimumRank: 'inspector',
    });
  });

  it('a court-clock warning goes to the case officer and the duty inspectors', () => {
    const messages = messagesFor(
      servedCase(),
      [{ kind: 'warning-sent', at: '2026-06-03T10:00:00.000Z', threshold: '24h' }],
      effectContext,
    );

    expect(
      messages.map((message) => StaffNotificationRequested.parse(message.message).data.audience),
    ).toEqual([
      { kind: 'person', collarNumber: 'PC100' },
      { kind: 'group', minimumRank: 'inspector', label: 'Duty inspectors' },
    ]);
  });
});
