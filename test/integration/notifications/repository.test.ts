import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Notification } from '../../../services/notifications/domain/notification.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

useLocalEnvironment();
const { notificationRepository } = await import('../../../services/notifications/composition-root.ts');

const notification = (overrides: Partial<Notification> = {}): Notification => ({
  id: randomUUID(),
  audience: { kind: 'group', department: 'PSD', minimumRank: 'inspector', label: 'PSD inspectors' },
  title: 'Restricted case accessed',
  body: '',
  priority: 'routine',
  requiresAcknowledgement: false,
  source: { service: 'restricted-cases' },
  correlationId: 'corr-repo',
  createdAt: new Date().toISOString(),
  ...overrides,
});

describe('Notifications: the inbox table', () => {
  it('finds a group notification by Query on the group partition, newest first', async () => {
    const label = `group-${randomUUID()}`;
    const older = notification({
      title: `${label} older`,
      createdAt: '2026-01-01T09:00:00.000Z',
      audience: { kind: 'group', department: 'OPCC', label },
    });
    const newer = notification({
      title: `${label} newer`,
      createdAt: '2026-01-01T10:00:00.000Z',
      audience: { kind: 'group', department: 'OPCC', label },
    });
    await notificationRepository().add(older);
    await notificationRepository().add(newer);

    const listed = await notificationRepository().listFor([{ kind: 'group', department: 'OPCC' }], 500);

    const mine = listed.filter((n) => n.title.startsWith(label)).map((n) => n.title);
    expect(mine).toEqual([`${label} newer`, `${label} older`]);
  });

  it('stores a notification once: a second add of the same id is a duplicate', async () => {
    const once = notification();

    const outcomes = [
      await notificationRepository().add(once),
      await notificationRepository().add({ ...once, title: 'changed' }),
    ];

    expect(outcomes).toEqual(['stored', 'duplicate']);
    expect((await notificationRepository().find(once.id))?.title).toBe('Restricted case accessed');
  });

  it('keeps the first read marker of a reader', async () => {
    const read = notification();
    await notificationRepository().add(read);

    await notificationRepository().saveReadMarker({
      notificationId: read.id,
      readBy: 'PS1',
      readAt: '2026-01-01T10:00:00.000Z',
    });
    await notificationRepository().saveReadMarker({
      notificationId: read.id,
      readBy: 'PS1',
      readAt: '2026-01-02T10:00:00.000Z',
    });

    expect(await notificationRepository().readMarkers('PS1', [read.id])).toEqual([
      { notificationId: read.id, readBy: 'PS1', readAt: '2026-01-01T10:00:00.000Z' },
    ]);
  });

  it('the first acknowledgement stands; a later one is reported as already made', async () => {
    const alert = notification({ requiresAcknowledgement: true });
    await notificationRepository().add(alert);

    const first = await notificationRepository().saveAcknowledgement({
      notificationId: alert.id,
      acknowledgedBy: 'INSP1',
      acknowledgedAt: '2026-01-01T10:00:00.000Z',
    });
    const second = await notificationRepository().saveAcknowledgement({
      notificationId: alert.id,
      acknowledgedBy: 'INSP2',
      acknowledgedAt: '2026-01-01T11:00:00.000Z',
    });

    expect([first, second]).toEqual(['acknowledged', 'already']);
    expect(await notificationRepository().find(alert.id)).toMatchObject({ acknowledgedBy: 'INSP1' });
  });
});
