import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { deliverOnce } from '../messaging/queue-driver.ts';
import { answerAll, JourneyClient, type Person, submissionTokenOf } from './journey-client.ts';

const identityProvider = await startTestIdentityProvider();
const environment = useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'online-report-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'online-report-integration-identity-key-0123456789',
});
afterAll(() => identityProvider.stop());

const { reportStore, auditLog } = await import('../../../services/online-report/composition-root.ts');
const { handler: progress } = await import(
  '../../../services/online-report/handlers/progress-domestic-abuse.ts'
);
const { sqsClient } = await import('../../../shared/aws/clients.ts');
const { parseReference } = await import('../../../services/online-report/domain/reference.ts');

const store = reportStore();
const workQueue = environment.QUEUE_URL_ONLINE_REPORT_DOMESTIC_ABUSE ?? '';
const notificationsQueue = environment.QUEUE_URL_STAFF_NOTIFICATIONS ?? '';

const daysAgo = (days: number): [string, string, string] => {
  const date = new Date(Date.now() - days * 86_400_000);
  return [String(date.getUTCDate()), String(date.getUTCMonth() + 1), String(date.getUTCFullYear())];
};

const newPerson = (): Person => ({
  fullName: `Robin ${randomUUID().slice(0, 8)} Example`,
  dob: ['12', '6', '1988'],
  phone: `07700 9${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`,
});

/** Sends a whole report as the public would and returns its id. */
const submit = async (person: Person, options: Parameters<typeof answerAll>[2] = {}): Promise<string> => {
  const client = new JourneyClient();
  await answerAll(client, person, options);
  const check = await client.get('/report/check-your-answers');
  await client.post('/report/check-your-answers', { submissionToken: submissionTokenOf(check.html) });
  const confirmation = await client.get('/report/confirmation');
  const reference = parseReference(/<strong>(OR-[^<]+)<\/strong>/.exec(confirmation.html)?.[1] ?? '') ?? '';
  return (await store.reportIdOfReference(reference)) ?? '';
};

/** Runs the work queue through its consumer until it is empty, as Lambda's event source would. */
const drainWorkQueue = async (): Promise<void> => {
  for (let round = 0; round < 10; round += 1) {
    const delivery = await deliverOnce(sqsClient(), workQueue, progress);
    if (!delivery) return;
  }
};

const notificationsFor = async (reportId: string): Promise<Record<string, unknown>[]> => {
  const found: Record<string, unknown>[] = [];
  for (let round = 0; round < 5; round += 1) {
    const received = await sqsClient().send(
      new ReceiveMessageCommand({
        QueueUrl: notificationsQueue,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 0,
      }),
    );
    const messages = (received.Messages ?? []).map((message) => JSON.parse(message.Body ?? '{}'));
    found.push(...messages.filter((message) => message.data?.source?.caseId === reportId));
    if (found.length > 0) break;
  }
  return found;
};

const staff = async (rank: Rank | 'police-staff', department: Department) => {
  const collarNumber = `T${randomUUID().slice(0, 6)}`;
  return new JourneyClient(undefined, {
    '__Host-session': await identityProvider.sign({
      sub: `sub-${collarNumber}`,
      collarNumber,
      rank,
      department,
    }),
  });
};

describe('A report disclosing abuse by an ex-partner becomes a DA-marked P1/P2 log with a dispatch request (000 §8.3.1)', () => {
  it('opens the log, requests the dispatch and puts it on the Force Response list', async () => {
    const reportId = await submit(newPerson(), {
      description: 'My ex-partner keeps messaging me.',
      incidentDate: daysAgo(3),
    });
    await drainWorkQueue();
    const log = await store.getIncident(reportId);
    const dispatches = await store.dispatchRequests(reportId);
    const open = await store.openIncidents();
    expect([
      log?.markers.includes('domestic-abuse'),
      ['P1', 'P2'].includes(log?.grade ?? ''),
      dispatches.map((record) => record.message.type),
      open.some((entry) => entry.reportId === reportId),
    ]).toEqual([true, true, ['dispatch-requested'], true]);
  });

  it('threats to kill grade the log P1', async () => {
    const reportId = await submit(newPerson(), {
      description: 'My ex said he is going to kill me.',
      incidentDate: daysAgo(1),
    });
    await drainWorkQueue();
    expect((await store.getIncident(reportId))?.grade).toBe('P1');
  });
});

describe('A second report by the same person within a year alerts the duty sergeant (000 §3.4, §8.3.1)', () => {
  it('matches on the keyed HMAC of name and date of birth, raises an unacknowledged alert and notifies', async () => {
    const victim = newPerson();
    const first = await submit(victim, { incidentDate: daysAgo(60) });
    await drainWorkQueue();
    const second = await submit({ ...victim, phone: '01632 960 001' }, { incidentDate: daysAgo(2) });
    await drainWorkQueue();
    const log = await store.getIncident(second);
    const firstReference = (await store.getReport(first))?.reference;
    const alerts = await notificationsFor(second);
    const row = (await store.openIncidents()).find((entry) => entry.reportId === second);
    expect([
      log?.repeat?.matchedReferences,
      log?.repeat?.acknowledgedAt,
      alerts.map((alert) => (alert.data as { audience: unknown }).audience),
      row?.repeat !== undefined,
    ]).toEqual([
      [firstReference],
      undefined,
      [
        {
          kind: 'group',
          department: 'FORCE_RESPONSE',
          minimumRank: 'sergeant',
          label: 'Duty sergeant, Force Response',
        },
      ],
      true,
    ]);
  });

  it('stores no plain name or date of birth in the identity index', async () => {
    const victim = newPerson();
    const reportId = await submit(victim, { incidentDate: daysAgo(5) });
    const keys = await store.identityKeysOf(reportId);
    expect([
      keys.victim.length,
      keys.victim.some((key) => key.includes(victim.fullName) || key.includes('1988')),
    ]).toEqual([2, false]);
  });

  it('a suspect reported by two victims is flagged as a possible serial perpetrator (000 §3.5)', async () => {
    const suspect = {
      suspectName: `Casey ${randomUUID().slice(0, 6)}`,
      suspectDob: ['1', '2', '1980'] as const,
    };
    await submit(newPerson(), { ...suspect, incidentDate: daysAgo(10) });
    await drainWorkQueue();
    const second = await submit(newPerson(), { ...suspect, incidentDate: daysAgo(4) });
    await drainWorkQueue();
    expect((await store.getIncident(second))?.markers).toContain('possible-serial-perpetrator');
  });
});

describe('Staff side: THRIVE+, grading, the duty sergeant and closure, every view audited', () => {
  it('a contact handler sees the report, and the view is audited', async () => {
    const reportId = await submit(newPerson(), { incidentDate: daysAgo(2) });
    await drainWorkQueue();
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    const page = await handler.get(`/staff/online-reports/${reportId}`);
    const entries = await auditLog().entries({ service: 'online-report', caseId: reportId });
    expect([
      page.status,
      page.html.includes('Dispatch requested'),
      entries.map((entry) => entry.action),
    ]).toEqual([200, true, ['opened', 'dispatch-requested', 'view-report']]);
  });

  it('P3 is refused without confirmed safety, beside the field', async () => {
    const reportId = await submit(newPerson(), { incidentDate: daysAgo(2) });
    await drainWorkQueue();
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    await handler.get(`/staff/online-reports/${reportId}`);
    const response = await handler.post(`/staff/online-reports/${reportId}/grade`, {
      regradeGrade: 'P3',
      regradeReason: 'Victim away',
    });
    expect([
      response.status,
      response.html.includes('P3 needs the victim’s immediate safety to be confirmed'),
      (await store.getIncident(reportId))?.grade,
    ]).toEqual([422, true, 'P2']);
  });

  it('THRIVE+ then P3 with both filled, then the duty sergeant acknowledges a repeat and the log closes', async () => {
    const victim = newPerson();
    await submit(victim, { incidentDate: daysAgo(100) });
    await drainWorkQueue();
    const reportId = await submit(victim, { incidentDate: daysAgo(1) });
    await drainWorkQueue();
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    const sergeant = await staff('sergeant', 'FORCE_RESPONSE');
    const path = `/staff/online-reports/${reportId}`;
    await handler.get(path);
    await handler.post(`${path}/thrive`, {
      threat: 'Ex-partner turning up',
      harm: 'Distress',
      risk: 'Medium pending DASH',
      investigation: 'Harassment',
      vulnerability: 'Lives alone',
      engagement: 'Will speak by phone',
      prevention: 'Refer to IDVA',
    });
    await handler.get(path);
    await handler.post(`${path}/grade`, {
      regradeGrade: 'P3',
      regradeReason: 'Victim staying with family until Friday',
      immediateSafetyConfirmed: 'yes',
      perpetratorNextWithVictim: 'Friday 6pm handover',
    });
    await handler.get(path);
    const refusedClose = await handler.post(`${path}/close`, {
      closeClassification: 'domestic-abuse-non-crime',
    });
    await sergeant.get(path);
    await sergeant.post(`${path}/acknowledge-repeat`, { supervisionNote: 'Will attend the handover' });
    await handler.get(path);
    await handler.post(`${path}/close`, {
      closeClassification: 'domestic-abuse-non-crime',
      closeNote: 'Advice given',
    });
    const log = await store.getIncident(reportId);
    expect([
      refusedClose.status,
      log?.thrive.length,
      log?.grade,
      log?.repeat?.acknowledgedAt !== undefined,
      log?.status,
      log?.closure?.classification,
    ]).toEqual([422, 1, 'P3', true, 'closed', 'domestic-abuse-non-crime']);
  });

  it('a contact handler cannot acknowledge a repeat: refused, and the refusal audited', async () => {
    const reportId = await submit(newPerson(), { incidentDate: daysAgo(2) });
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    await handler.get(`/staff/online-reports/${reportId}`);
    const response = await handler.post(`/staff/online-reports/${reportId}/acknowledge-repeat`, {
      supervisionNote: 'x',
    });
    const entries = await auditLog().entries({ service: 'online-report', caseId: reportId });
    expect([response.status, entries.at(-1)?.outcome]).toEqual([403, 'denied']);
  });

  it('a report the screen passed is recorded as domestic abuse by a contact handler and dispatched', async () => {
    const reportId = await submit(newPerson(), {
      relationship: 'neighbour',
      description: 'Someone keeps shouting at me in the street.',
      incidentDate: daysAgo(2),
    });
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    await handler.get(`/staff/online-reports/${reportId}`);
    await handler.post(`/staff/online-reports/${reportId}/mark-domestic-abuse`, {
      markGrade: 'P2',
      markReason: 'On the phone she said he is her ex-husband',
    });
    await drainWorkQueue();
    const [report, log, dispatches] = await Promise.all([
      store.getReport(reportId),
      store.getIncident(reportId),
      store.dispatchRequests(reportId),
    ]);
    expect([report?.domesticAbuse, log?.opened.by, dispatches.length]).toEqual([
      'marked-by-staff',
      'staff',
      1,
    ]);
  });

  it('taking a report out of domestic abuse needs a sergeant', async () => {
    const reportId = await submit(newPerson(), { incidentDate: daysAgo(2) });
    await drainWorkQueue();
    const handler = await staff('police-staff', 'CONTACT_CENTRE');
    await handler.get(`/staff/online-reports/${reportId}`);
    const refused = await handler.post(`/staff/online-reports/${reportId}/remove-domestic-abuse`, {
      removeReason: 'No',
    });
    const sergeant = await staff('sergeant', 'FORCE_RESPONSE');
    await sergeant.get(`/staff/online-reports/${reportId}`);
    await sergeant.post(`/staff/online-reports/${reportId}/remove-domestic-abuse`, {
      removeReason: 'The person named is a neighbour, not an ex-partner',
    });
    const open = await store.openIncidents();
    expect([
      refused.status,
      (await store.getReport(reportId))?.domesticAbuse,
      open.some((log) => log.reportId === reportId),
    ]).toEqual([403, 'removed', false]);
  });
});
