import { describe, expect, it } from 'vitest';
import { dapnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { messagesFor } from '../../../services/dvpn/effects.ts';
import { DocumentRequested } from '../../../shared/contracts/documents.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { at, authorisedCase, servedCase, submittedCase } from './fixtures.ts';

let ids = 0;
const effectContext = {
  now: at('2026-06-02T08:30:00Z'),
  correlationId: 'corr',
  newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
};

const noticeRequestId = '0b7f3c1e-5d2a-4c8e-9f10-3a4b5c6d7e8f';

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

  it.each([
    ['DVPN', undefined, 'dvpn-notice'],
    ['DAPN', dapnPack, 'dapn-notice'],
  ] as const)(
    'an authorised %s asks the documents service for its own Act’s notice template',
    (_name, pack, type) => {
      const messages = messagesFor(
        authorisedCase(pack),
        [{ kind: 'notice-requested', at: '2026-06-02T09:00:00.000Z', requestId: noticeRequestId }],
        effectContext,
      );

      expect(messages.map((message) => message.queue)).toEqual(['document-requests']);
      expect(DocumentRequested.parse(messages[0]?.message).data).toMatchObject({
        documentType: type,
        requestId: noticeRequestId,
        replyTo: 'dvpn-document-replies',
      });
    },
  );
});
