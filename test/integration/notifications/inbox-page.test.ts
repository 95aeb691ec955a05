import { randomUUID } from 'node:crypto';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, describe, expect, it } from 'vitest';
import type { Notification } from '../../../services/notifications/domain/notification.ts';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import { csrfPair, getEvent, header, postForm } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const identityProvider = await startTestIdentityProvider();
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'notifications-integration-csrf-secret-0123456789',
});
const { handler: viewInbox } = await import('../../../services/notifications/handlers/view-inbox.ts');
const { handler: markAsRead } = await import('../../../services/notifications/handlers/mark-as-read.ts');
const { handler: acknowledgeNotification } = await import(
  '../../../services/notifications/handlers/acknowledge-notification.ts'
);
const { notificationRepository, notificationsAuditLog } = await import(
  '../../../services/notifications/composition-root.ts'
);

afterAll(() => identityProvider.stop());

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

interface Officer {
  readonly collarNumber: string;
  readonly session: string;
}

const signIn = async (rank: Rank | 'police-staff', department: Department): Promise<Officer> => {
  const collarNumber = `T${randomUUID().slice(0, 8)}`;
  const session = await identityProvider.sign({ sub: `sub-${collarNumber}`, collarNumber, rank, department });
  return { collarNumber, session };
};

const cookiesOf = (officer: Officer, extra: Record<string, string> = {}) => ({
  '__Host-session': officer.session,
  ...extra,
});

const openInbox = async (officer: Officer) => {
  const response = await viewInbox(getEvent('/staff/notifications', { cookies: cookiesOf(officer) }));
  return { status: response.statusCode, html: response.body ?? '' };
};

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const stored = async (overrides: Partial<Notification>): Promise<Notification> => {
  const notification: Notification = {
    id: randomUUID(),
    audience: { kind: 'person', collarNumber: 'nobody' },
    title: `Notification ${randomUUID().slice(0, 8)}`,
    body: '',
    priority: 'routine',
    requiresAcknowledgement: false,
    source: { service: 'integration-test' },
    correlationId: 'corr-inbox',
    createdAt: minutesAgo(1),
    ...overrides,
  };
  await notificationRepository().add(notification);
  return notification;
};

const post = async (handler: Handler, officer: Officer, path: string, id: string) => {
  const { cookie, token } = await csrfPair(viewInbox, '/staff/notifications', {
    cookies: cookiesOf(officer),
  });
  return handler(
    postForm(
      path,
      { _csrf: token },
      { cookies: cookiesOf(officer, { '__Host-csrf': cookie }), pathParameters: { id } },
    ),
  );
};

describe('Notifications: "Your notifications" page', () => {
  it('lists unread before read, urgent first among unread, each with its age and a mark-as-read button', async () => {
    const officer = await signIn('constable', 'PPU');
    const mine = { kind: 'person', collarNumber: officer.collarNumber } as const;
    const read = await stored({ audience: mine, title: 'Already read, newest', createdAt: minutesAgo(1) });
    const routine = await stored({ audience: mine, title: 'Routine unread', createdAt: minutesAgo(5) });
    const urgent = await stored({
      audience: mine,
      title: 'Urgent unread',
      priority: 'urgent',
      createdAt: minutesAgo(30),
    });
    await notificationRepository().saveReadMarker({
      notificationId: read.id,
      readBy: officer.collarNumber,
      readAt: minutesAgo(0),
    });

    const { status, html } = await openInbox(officer);

    expect(status).toBe(200);
    expect(html).toContain('<h1 class="govuk-heading-l">Your notifications</h1>');
    const positions = [urgent, routine, read].map((n) => html.indexOf(n.title));
    expect(positions.every((position) => position > 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(html).toContain('received 5 minutes ago');
    expect(html).toContain(`action="/staff/notifications/${routine.id}/read"`);
    expect(html).not.toContain(`action="/staff/notifications/${read.id}/read"`);
  });

  it('shows notifications for the groups the reader belongs to, and not those for groups they do not', async () => {
    const inspector = await signIn('inspector', 'NEIGHBOURHOOD');
    const forInspectors = await stored({
      audience: {
        kind: 'group',
        department: 'NEIGHBOURHOOD',
        minimumRank: 'inspector',
        label: 'Neighbourhood inspectors',
      },
    });
    const forSuperintendents = await stored({
      audience: {
        kind: 'group',
        department: 'NEIGHBOURHOOD',
        minimumRank: 'superintendent',
        label: 'Neighbourhood superintendents',
      },
    });

    const { html } = await openInbox(inspector);

    expect(html).toContain(forInspectors.title);
    expect(html).toContain('Sent to Neighbourhood inspectors');
    expect(html).not.toContain(forSuperintendents.title);
  });

  it('says so when there are no notifications', async () => {
    const newcomer = await signIn('police-staff', 'CONTACT_CENTRE');

    const { status, html } = await openInbox(newcomer);

    expect(status).toBe(200);
    expect(html).toContain('You have no notifications.');
  });

  it('a notification published to the queue and stored by the consumer appears in the inbox', async () => {
    const { SQSClient } = await import('@aws-sdk/client-sqs');
    const { createMessage, publish } = await import('../../../shared/messaging/publish.ts');
    const { StaffNotificationRequested, staffNotificationsQueue } = await import(
      '../../../shared/contracts/staff-notification.ts'
    );
    const { handler: storeNotification } = await import(
      '../../../services/notifications/handlers/store-notification.ts'
    );
    const { deliverUntilEmpty } = await import('../messaging/queue-driver.ts');
    const officer = await signIn('sergeant', 'FORCE_RESPONSE');
    const message = createMessage(
      StaffNotificationRequested,
      {
        audience: { kind: 'person', collarNumber: officer.collarNumber },
        title: 'Repeat incident OR-42 to supervise',
        link: '/staff/online-report/OR-42',
        source: { service: 'online-report', caseId: 'OR-42' },
      },
      { correlationId: 'corr-end-to-end', now: new Date() },
    );

    await publish(staffNotificationsQueue, message);
    await deliverUntilEmpty(
      new SQSClient({}),
      process.env.QUEUE_URL_STAFF_NOTIFICATIONS ?? '',
      storeNotification,
    );
    const { html } = await openInbox(officer);

    expect(html).toContain(
      '<a class="govuk-link" href="/staff/online-report/OR-42">Repeat incident OR-42 to supervise</a>',
    );
  });
});

describe('Notifications: mark as read', () => {
  it('answers 303 back to the inbox, and the notification is then read', async () => {
    const officer = await signIn('constable', 'CID');
    const unread = await stored({ audience: { kind: 'person', collarNumber: officer.collarNumber } });

    const response = await post(markAsRead, officer, `/staff/notifications/${unread.id}/read`, unread.id);
    const { html } = await openInbox(officer);

    expect(response.statusCode).toBe(303);
    expect(header(response, 'location')).toBe('/staff/notifications');
    expect(await notificationRepository().readMarkers(officer.collarNumber, [unread.id])).toHaveLength(1);
    expect(html.indexOf(unread.title)).toBeGreaterThan(html.indexOf('<h2 class="govuk-heading-m">Read</h2>'));
  });

  it('reading a group notification marks it read for that reader only', async () => {
    const first = await signIn('sergeant', 'COMMAND');
    const second = await signIn('sergeant', 'COMMAND');
    const toCommandSergeants = await stored({
      audience: { kind: 'group', department: 'COMMAND', minimumRank: 'sergeant', label: 'Command sergeants' },
    });

    await post(
      markAsRead,
      first,
      `/staff/notifications/${toCommandSergeants.id}/read`,
      toCommandSergeants.id,
    );
    const { html } = await openInbox(second);

    expect(html).toContain(`action="/staff/notifications/${toCommandSergeants.id}/read"`);
  });

  it('is audited: the inbox view and the mark as read each leave an entry (DPA 2018 s.62)', async () => {
    const officer = await signIn('constable', 'PPU');
    const unread = await stored({ audience: { kind: 'person', collarNumber: officer.collarNumber } });

    await openInbox(officer);
    await post(markAsRead, officer, `/staff/notifications/${unread.id}/read`, unread.id);

    const inboxEntries = await notificationsAuditLog().entries({
      service: 'notifications',
      caseId: `inbox:${officer.collarNumber}`,
    });
    const notificationEntries = await notificationsAuditLog().entries({
      service: 'notifications',
      caseId: unread.id,
    });
    expect(inboxEntries.map((entry) => entry.action)).toContain('view-inbox');
    expect(notificationEntries).toEqual([
      expect.objectContaining({
        action: 'mark-notification-read',
        outcome: 'allowed',
        actor: expect.objectContaining({ collarNumber: officer.collarNumber }),
      }),
    ]);
  });

  it('someone the notification is not addressed to gets 404, and the attempt is audited as denied', async () => {
    const outsider = await signIn('chief-constable', 'COMMAND');
    const someoneElses = await stored({ audience: { kind: 'person', collarNumber: 'PC-other' } });

    const response = await post(
      markAsRead,
      outsider,
      `/staff/notifications/${someoneElses.id}/read`,
      someoneElses.id,
    );

    expect(response.statusCode).toBe(404);
    expect(
      await notificationsAuditLog().entries({ service: 'notifications', caseId: someoneElses.id }),
    ).toEqual([expect.objectContaining({ action: 'mark-notification-read', outcome: 'denied' })]);
  });

  it('a post without the form token is refused (CSRF)', async () => {
    const officer = await signIn('constable', 'PPU');
    const unread = await stored({ audience: { kind: 'person', collarNumber: officer.collarNumber } });

    const response = await markAsRead(
      postForm(
        `/staff/notifications/${unread.id}/read`,
        {},
        { cookies: cookiesOf(officer), pathParameters: { id: unread.id } },
      ),
    );

    expect(response.statusCode).toBe(403);
    expect(await notificationRepository().readMarkers(officer.collarNumber, [unread.id])).toEqual([]);
  });
});

describe('Notifications: acknowledge', () => {
  it('one member of the group acknowledging settles it for all of them', async () => {
    const acknowledger = await signIn('superintendent', 'PPU');
    const colleague = await signIn('superintendent', 'PPU');
    const alert = await stored({
      audience: {
        kind: 'group',
        department: 'PPU',
        minimumRank: 'superintendent',
        label: 'PPU superintendents',
      },
      requiresAcknowledgement: true,
      priority: 'urgent',
    });

    const response = await post(
      acknowledgeNotification,
      acknowledger,
      `/staff/notifications/${alert.id}/acknowledge`,
      alert.id,
    );
    const { html } = await openInbox(colleague);

    expect(response.statusCode).toBe(303);
    expect(html).toContain(`Acknowledged by ${acknowledger.collarNumber}`);
    expect(html).not.toContain(`action="/staff/notifications/${alert.id}/acknowledge"`);
  });
});
