import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/principal.ts';
import { AcknowledgementNotRequiredError, NotificationNotFoundError } from './errors.ts';
import {
  acknowledge,
  buildInbox,
  describeAge,
  type InboxEntry,
  markAsRead,
  type Notification,
  notificationFromMessage,
} from './notification.ts';

const sergeant: Principal = {
  subject: 'sub-1',
  collarNumber: 'PS100',
  displayName: 'A Sergeant',
  rank: 'sergeant',
  department: 'FORCE_RESPONSE',
};
const constable: Principal = { ...sergeant, subject: 'sub-2', collarNumber: 'PC200', rank: 'constable' };

let sequence = 0;
const notification = (overrides: Partial<Notification> = {}): Notification => {
  sequence += 1;
  return {
    id: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    audience: { kind: 'group', minimumRank: 'sergeant', label: 'Duty sergeants' },
    title: 'Repeat incident to supervise',
    body: '',
    priority: 'routine',
    requiresAcknowledgement: false,
    source: { service: 'online-report', caseId: 'OR-1' },
    correlationId: 'corr-1',
    createdAt: '2026-03-01T10:00:00.000Z',
    ...overrides,
  };
};

const titles = (entries: readonly InboxEntry[]) => entries.map((entry) => entry.notification.title);

describe('Notifications: inbox order', () => {
  it('unread comes before read, whatever their age', () => {
    const read = notification({ title: 'read, newer', createdAt: '2026-03-02T10:00:00.000Z' });
    const unread = notification({ title: 'unread, older', createdAt: '2026-03-01T10:00:00.000Z' });

    const inbox = buildInbox(
      sergeant,
      [read, unread],
      [{ notificationId: read.id, readBy: sergeant.collarNumber, readAt: '2026-03-02T11:00:00.000Z' }],
    );

    expect(titles(inbox)).toEqual(['unread, older', 'read, newer']);
  });

  it('among unread, urgent comes before routine, whatever their age', () => {
    const routine = notification({ title: 'routine', createdAt: '2026-03-02T10:00:00.000Z' });
    const urgent = notification({
      title: 'urgent',
      priority: 'urgent',
      createdAt: '2026-03-01T10:00:00.000Z',
    });

    expect(titles(buildInbox(sergeant, [routine, urgent], []))).toEqual(['urgent', 'routine']);
  });

  it('of the same priority and read state, the newest comes first', () => {
    const older = notification({ title: 'older', createdAt: '2026-03-01T10:00:00.000Z' });
    const newer = notification({ title: 'newer', createdAt: '2026-03-01T10:05:00.000Z' });

    expect(titles(buildInbox(sergeant, [older, newer], []))).toEqual(['newer', 'older']);
  });

  it('a read notification still awaiting acknowledgement stays with the unread', () => {
    const awaiting = notification({
      title: 'awaiting',
      requiresAcknowledgement: true,
      createdAt: '2026-03-01T09:00:00.000Z',
    });
    const read = notification({ title: 'read', createdAt: '2026-03-01T10:00:00.000Z' });
    const unread = notification({ title: 'unread', createdAt: '2026-03-01T08:00:00.000Z' });
    const markers = [awaiting, read].map((n) => ({
      notificationId: n.id,
      readBy: sergeant.collarNumber,
      readAt: '2026-03-01T11:00:00.000Z',
    }));

    expect(titles(buildInbox(sergeant, [read, unread, awaiting], markers))).toEqual([
      'awaiting',
      'unread',
      'read',
    ]);
  });
});

describe('Notifications: what an inbox holds', () => {
  it('leaves out a notification not addressed to the reader', () => {
    const forInspectors = notification({
      audience: { kind: 'group', minimumRank: 'inspector', label: 'Inspectors' },
    });

    expect(buildInbox(sergeant, [forInspectors], [])).toEqual([]);
  });

  it('shows a notification found through two audiences once', () => {
    const one = notification();

    expect(buildInbox(sergeant, [one, one], [])).toHaveLength(1);
  });

  it('reading is per reader: another sergeant reading a group notification leaves it unread for this one', () => {
    const toSergeants = notification();
    const otherSergeantsMarker = {
      notificationId: toSergeants.id,
      readBy: 'PS999',
      readAt: '2026-03-01T10:01:00.000Z',
    };

    const [entry] = buildInbox(sergeant, [toSergeants], [otherSergeantsMarker]);

    expect(entry?.readAt).toBeUndefined();
  });

  it('keeps the newest entries up to the limit, after ordering', () => {
    const many = Array.from({ length: 5 }, (_, i) =>
      notification({ title: `n${i}`, createdAt: `2026-03-01T10:0${i}:00.000Z` }),
    );

    expect(titles(buildInbox(sergeant, many, [], 2))).toEqual(['n4', 'n3']);
  });
});

describe('Notifications: mark as read', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('records who read it and when', () => {
    const toSergeants = notification();

    expect(markAsRead(toSergeants, sergeant, undefined, now)).toEqual({
      notificationId: toSergeants.id,
      readBy: 'PS100',
      readAt: '2026-03-01T12:00:00.000Z',
    });
  });

  it('a second mark keeps the first read time (nothing to write)', () => {
    const toSergeants = notification();
    const first = { notificationId: toSergeants.id, readBy: 'PS100', readAt: '2026-03-01T11:00:00.000Z' };

    expect(markAsRead(toSergeants, sergeant, first, now)).toBeUndefined();
  });

  it('someone the notification is not addressed to is told it does not exist', () => {
    expect(() => markAsRead(notification(), constable, undefined, now)).toThrow(NotificationNotFoundError);
  });

  it('an unknown notification is not found', () => {
    expect(() => markAsRead(undefined, sergeant, undefined, now)).toThrow(NotificationNotFoundError);
  });
});

describe('Notifications: acknowledge', () => {
  const now = new Date('2026-03-01T12:00:00.000Z');

  it('the first member of the audience to acknowledge settles it for all', () => {
    const alert = notification({ requiresAcknowledgement: true });

    expect(acknowledge(alert, sergeant, now)).toEqual({
      notificationId: alert.id,
      acknowledgedBy: 'PS100',
      acknowledgedAt: '2026-03-01T12:00:00.000Z',
    });
  });

  it('an acknowledged notification is not acknowledged again', () => {
    const alert = notification({
      requiresAcknowledgement: true,
      acknowledgedAt: '2026-03-01T11:00:00.000Z',
      acknowledgedBy: 'PS999',
    });

    expect(acknowledge(alert, sergeant, now)).toBeUndefined();
  });

  it('a notification that does not ask for it cannot be acknowledged', () => {
    expect(() => acknowledge(notification(), sergeant, now)).toThrow(AcknowledgementNotRequiredError);
  });

  it('someone outside the audience cannot acknowledge it', () => {
    expect(() => acknowledge(notification({ requiresAcknowledgement: true }), constable, now)).toThrow(
      NotificationNotFoundError,
    );
  });
});

describe('Notifications: age in words', () => {
  it.each([
    [0, 'received just now'],
    [59, 'received just now'],
    [60, 'received 1 minute ago'],
    [5 * 60, 'received 5 minutes ago'],
    [60 * 60, 'received 1 hour ago'],
    [23 * 60 * 60 + 59 * 60, 'received 23 hours ago'],
    [24 * 60 * 60, 'received 1 day ago'],
    [6 * 24 * 60 * 60, 'received 6 days ago'],
    [15 * 24 * 60 * 60, 'received 2 weeks ago'],
  ])('%i seconds old reads "%s"', (seconds, expected) => {
    const createdAt = '2026-03-01T10:00:00.000Z';
    const now = new Date(Date.parse(createdAt) + seconds * 1000);

    expect(describeAge(createdAt, now)).toBe(expected);
  });

  it('a clock slightly behind the sender does not show a negative age', () => {
    expect(describeAge('2026-03-01T10:00:05.000Z', new Date('2026-03-01T10:00:00.000Z'))).toBe(
      'received just now',
    );
  });
});

describe('Notifications: from the queue message', () => {
  it('the notification takes the message id, so a redelivery is the same notification', () => {
    const made = notificationFromMessage({
      type: 'staff-notification-requested',
      version: 1,
      id: '3b2f9a4e-2f4c-4d5e-9a1b-0c2d3e4f5a6b',
      occurredAt: '2026-03-01T11:00:00+01:00',
      correlationId: 'corr-9',
      data: {
        audience: { kind: 'person', collarNumber: 'PC200' },
        title: 'Case OR-7 assigned to you',
        body: '',
        priority: 'routine',
        requiresAcknowledgement: false,
        source: { service: 'online-report', caseId: 'OR-7' },
      },
    });

    expect(made).toMatchObject({
      id: '3b2f9a4e-2f4c-4d5e-9a1b-0c2d3e4f5a6b',
      createdAt: '2026-03-01T10:00:00.000Z',
    });
  });
});
