import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaffMember } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';
import { DocumentReady, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { tableEnvName } from '../../../shared/manifest/names.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { allAuditEntries, entriesByCorrelation } from '../../support/security/audit-trail.ts';
import { Browser } from '../../support/security/browser.ts';
import { inventedPerson, reportOnline, staffNotification } from '../../support/security/journeys.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import {
  pathParameters,
  requestMethod,
  type StaffRoute,
  samplePath,
  staffRoutes,
} from '../../support/security/manifest-routes.ts';
import {
  createReplyQueue,
  drain,
  eventually,
  queueUrlOf,
  sendBodies,
} from '../../support/security/queues.ts';
import {
  csrfPairFor,
  postForm,
  postJson,
  type SiteResponse,
  send,
  sessionCookies,
} from '../../support/security/site-client.ts';
import { draftDetails } from '../../unit/dvpn/fixtures.ts';

/**
 * Insecure direct object references (ASVS 8.2.2, 8.2.3): a real record of each service is made, then its id is
 * tried on every other service's routes and by people the record is not for. Another service's id is "not
 * found" everywhere; a record is shown or changed only for someone its own service admits, and the refusal is
 * audited where the service audits its views.
 */
let runtime: LocalRuntime;
let logs: LogCapture;
const tokens = new Map<string, string>();
const records: { service: string; id: string; marker: string }[] = [];
let notificationId = '';
let restrictedCaseId = '';
let restrictedDocumentId = '';
let restrictedDocumentHash = '';
const replyQueue = `idor-document-replies-${randomUUID().slice(0, 8)}`;

const token = (id: string): string => tokens.get(id) ?? '';

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
  for (const id of [
    'constable',
    'sergeant',
    'ppu-officer',
    'psd-investigator',
    'chief-superintendent',
    'contact-handler',
  ]) {
    tokens.set(id, await runtime.identityProvider.mintToken(id));
  }

  // notifications: one addressed to the constable alone.
  const notification = staffNotification(demoStaffMember('constable').collarNumber, 1);
  notificationId = notification.id;
  await sendBodies(queueUrlOf('staff-notifications'), [JSON.stringify(notification)]);
  records.push({ service: 'notifications', id: notification.id, marker: notification.data.title });

  // restricted-cases: a staff victim's confidential report, made by the PPU officer.
  const browser = new Browser(runtime).signIn(token('ppu-officer'));
  await browser.get('/staff/restricted-cases/report');
  const whatHappened = `Confidential account ${randomUUID().slice(0, 8)}`;
  const made = await browser.post('/staff/restricted-cases/report', {
    whatHappened,
    abuserIsStaff: 'no',
    abuserCollarNumber: '',
    supportWanted: ['line-manager'],
    consentToShareWith: ['line-manager'],
    acknowledged: ['yes'],
  });
  restrictedCaseId = /\/cases\/([^/?#]+)/.exec(made.headers.get('location') ?? '')?.[1] ?? '';
  records.push({ service: 'restricted-cases', id: restrictedCaseId, marker: whatHappened });

  // dvpn: a draft notice.
  const draft = draftDetails();
  const created = await postJson(runtime, '/api/dvpn', draft, token('constable'));
  const dvpnId = created.status === 201 ? (JSON.parse(created.body) as { case: { id: string } }).case.id : '';
  records.push({ service: 'dvpn', id: dvpnId, marker: draft.recipient.name });

  // online-report: a report from the public.
  const person = inventedPerson(7);
  await reportOnline(new Browser(runtime), person);
  const reports = await dynamoDocumentClient().send(
    new ScanCommand({
      TableName: process.env[tableEnvName('online-report', 'reports')],
      FilterExpression: 'sk = :report',
      ExpressionAttributeValues: { ':report': 'REPORT' },
    }),
  );
  const reportId = String(reports.Items?.[0]?.pk ?? '').replace(/^REPORT#/, '');
  records.push({ service: 'online-report', id: reportId, marker: person.fullName });

  // documents: a restricted case's access report, which only PSD may download.
  const replyUrl = await createReplyQueue(replyQueue);
  const requestId = randomUUID();
  await sendBodies(queueUrlOf('document-requests'), [
    JSON.stringify(
      DocumentRequested.parse({
        type: 'document-requested',
        version: 1,
        id: requestId,
        occurredAt: new Date().toISOString(),
        correlationId: 'idor-document',
        data: {
          requestId,
          requestingService: 'restricted-cases',
          caseId: restrictedCaseId || 'unknown',
          replyTo: replyQueue,
          documentType: 'restricted-case-access-report',
          templateData: sampleTemplateData('restricted-case-access-report'),
        },
      }),
    ),
  ]);
  await eventually(async () => {
    const [reply] = await drain(replyUrl);
    if (reply) {
      const ready = DocumentReady.parse(JSON.parse(reply.Body ?? ''));
      restrictedDocumentId = ready.data.documentId;
      restrictedDocumentHash = ready.data.sha256;
    }
    return restrictedDocumentId !== '';
  }, 60_000);
  // The id itself may be echoed back in a form's address; what must not show is the record behind it.
  records.push({ service: 'documents', id: restrictedDocumentId, marker: restrictedDocumentHash });
}, 180_000);

afterAll(async () => {
  await runtime?.stop();
  logs?.restore();
});

const ask = (route: StaffRoute, id: string, session: string): Promise<SiteResponse> => {
  const values = Object.fromEntries(
    pathParameters(route).map((name) => [name, name === 'id' ? id : randomUUID()]),
  );
  const path = samplePath(route, values);
  if (requestMethod(route) === 'GET')
    return send(runtime, { method: 'GET', path, cookies: sessionCookies(session) });
  if (route.kind === 'api') return postJson(runtime, path, {}, session);
  return postForm(runtime, path, { session, csrf: csrfPairFor(runtime) });
};

describe('An id from one service means nothing to another (ASVS 8.2.2)', () => {
  it('made a record in each service to try', () => {
    expect(records.filter((record) => record.id === '').map((record) => record.service)).toEqual([]);
  });

  const routes = staffRoutes().filter((route) => pathParameters(route).includes('id'));
  it.each(routes.map((route) => [route.routeKey, route] as const))(
    '%s: the other services’ record ids are refused, and nothing of them is shown',
    async (_, route) => {
      const foreign = records.filter((record) => record.service !== route.service);
      const answers = await Promise.all(
        foreign.flatMap((record) =>
          ['chief-superintendent', 'psd-investigator'].map(async (who) => ({
            record,
            who,
            response: await ask(route, record.id, token(who)),
          })),
        ),
      );

      const wrong = answers
        .filter(
          ({ record, response }) =>
            response.status < 400 || response.status >= 500 || response.body.includes(record.marker),
        )
        .map(({ record, who, response }) => `${record.service} id as ${who} → ${response.status}`);

      expect(wrong).toEqual([]);
    },
  );
});

describe('A record is shown only to those its service admits (ASVS 8.2.2, 8.3.1)', () => {
  it('a notification for the constable is "not found" to a sergeant, who cannot mark it read; the attempt is audited', async () => {
    const attempt = await postForm(runtime, `/staff/notifications/${notificationId}/read`, {
      session: token('sergeant'),
      csrf: csrfPairFor(runtime),
    });
    const sergeantsInbox = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(token('sergeant')),
    });
    const constablesInbox = await send(runtime, {
      method: 'GET',
      path: '/staff/notifications',
      cookies: sessionCookies(token('constable')),
    });
    const audit =
      entriesByCorrelation(await allAuditEntries()).get(attempt.headers.get('x-correlation-id') ?? '') ?? [];
    const marker = records.find((record) => record.service === 'notifications')?.marker ?? '';

    expect({
      status: attempt.status,
      audited: audit.some((entry) => entry.outcome === 'denied'),
      sergeantSees: sergeantsInbox.body.includes(marker),
      constableSees: constablesInbox.body.includes(marker),
    }).toEqual({ status: 404, audited: true, sergeantSees: false, constableSees: true });
  });

  it('a staff victim’s confidential report is "not found" to a constable with no part in it, and the look is audited', async () => {
    const constable = await send(runtime, {
      method: 'GET',
      path: `/staff/restricted-cases/cases/${restrictedCaseId}`,
      cookies: sessionCookies(token('constable')),
    });
    const owner = await send(runtime, {
      method: 'GET',
      path: `/staff/restricted-cases/cases/${restrictedCaseId}`,
      cookies: sessionCookies(token('ppu-officer')),
    });
    const audit =
      entriesByCorrelation(await allAuditEntries()).get(constable.headers.get('x-correlation-id') ?? '') ??
      [];
    const marker = records.find((record) => record.service === 'restricted-cases')?.marker ?? '';

    expect({
      constable: constable.status,
      constableSees: constable.body.includes(marker),
      audited: audit.some((entry) => entry.outcome === 'denied'),
      owner: owner.status,
      ownerSees: owner.body.includes(marker),
    }).toEqual({ constable: 404, constableSees: false, audited: true, owner: 200, ownerSees: true });
  });

  it('a restricted case’s signed report downloads for PSD only; anyone else is refused and the attempt audited', async () => {
    const path = `/staff/documents/${restrictedDocumentId}`;
    const [constable, superintendent, psd] = await Promise.all(
      ['constable', 'chief-superintendent', 'psd-investigator'].map((who) =>
        send(runtime, { method: 'GET', path, cookies: sessionCookies(token(who)) }),
      ),
    );
    const audit = entriesByCorrelation(await allAuditEntries());
    const deniedFor = (response: SiteResponse | undefined) =>
      (audit.get(response?.headers.get('x-correlation-id') ?? '') ?? []).some(
        (entry) => entry.outcome === 'denied',
      );

    expect({
      constable: constable?.status,
      superintendent: superintendent?.status,
      psd: psd?.status,
      refusalsAudited: deniedFor(constable) && deniedFor(superintendent),
    }).toEqual({ constable: 403, superintendent: 403, psd: 200, refusalsAudited: true });
  });
});
