import { describe, expect, it } from 'vitest';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { MessageContractError } from '../../../shared/messaging/errors.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';

const now = new Date('2026-03-01T10:00:00.000Z');

describe('Messaging: createMessage', () => {
  it('builds the envelope of the schema: type, version, id, occurredAt, correlationId, data (ARCHITECTURE "Messages")', () => {
    const message = createMessage(
      StaffNotificationRequested,
      {
        audience: { kind: 'person', collarNumber: 'PC1' },
        title: 'Case OR-1 assigned',
        source: { service: 'online-report' },
      },
      { correlationId: 'corr-1', now, id: 'a5a6c0de-7d4b-4c39-9f0e-2b5f1c3d4e5f' },
    );

    expect(message).toEqual({
      type: 'staff-notification-requested',
      version: 1,
      id: 'a5a6c0de-7d4b-4c39-9f0e-2b5f1c3d4e5f',
      occurredAt: '2026-03-01T10:00:00.000Z',
      correlationId: 'corr-1',
      data: {
        audience: { kind: 'person', collarNumber: 'PC1' },
        title: 'Case OR-1 assigned',
        body: '',
        priority: 'routine',
        requiresAcknowledgement: false,
        source: { service: 'online-report' },
      },
    });
  });

  it('gives each message a new id when none is passed (the id is the idempotency key)', () => {
    const data = {
      audience: { kind: 'person', collarNumber: 'PC1' },
      title: 'T',
      source: { service: 's' },
    } as const;

    const first = createMessage(StaffNotificationRequested, data, { correlationId: 'c', now });
    const second = createMessage(StaffNotificationRequested, data, { correlationId: 'c', now });

    expect(first.id).not.toBe(second.id);
  });

  it('refuses data its schema refuses, naming the paths and never the values', () => {
    const make = () =>
      createMessage(
        StaffNotificationRequested,
        // A title over 200 characters: the sort of mistake that must fail in the sender.
        {
          audience: { kind: 'person', collarNumber: 'PC1' },
          title: 'Jane Doe '.repeat(30),
          source: { service: 's' },
        },
        { correlationId: 'c', now },
      );

    expect(make).toThrow(MessageContractError);
    expect(make).toThrow(/data\.title/);
    expect(make).not.toThrow(/Jane Doe/);
  });
});
