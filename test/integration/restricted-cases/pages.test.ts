import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { csrfPair, getEvent, postForm } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import {
  type Consumer,
  caseIdIn,
  deliver,
  type Handler,
  queueUrl,
  signInAs,
  takeMessage,
} from './support.ts';

const identityProvider = await startTestIdentityProvider();
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'restricted-cases-integration-csrf-0123456789',
});

const load = async (name: string) =>
  (await import(`../../../services/restricted-cases/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  showAllegationForm: await load('show-allegation-form'),
  recordAllegation: await load('record-allegation'),
  viewRecorded: await load('view-allegation-recorded'),
  viewCase: await load('view-case'),
  changeRestriction: await load('change-restriction'),
  searchCases: await load('search-cases'),
  viewAlerts: await load('view-alerts'),
  viewAccessLog: await load('view-access-log'),
  showSafeguardingForm: await load('show-safeguarding-form'),
  requestSafeguardingAccess: await load('request-safeguarding-access'),
  viewSafeguardingReviews: await load('view-safeguarding-reviews'),
  reviewBreakGlass: await load('review-break-glass'),
  viewGrant: await load('view-grant'),
};
const deliverAccessAlert = (
  await import('../../../services/restricted-cases/handlers/deliver-access-alert.ts')
).handler as Consumer;
const { sweepOutbox } = await import('../../../shared/messaging/outbox.ts');
const { casesTableName } = await import('../../../services/restricted-cases/composition-root.ts');
const { auditLogFromEnvironment, auditTableEnvName, casePartitionKey, entrySortKey } = await import(
  '../../../shared/audit/dynamo-audit-log.ts'
);
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
const { AccessAttempted, accessAlertsQueue } = await import(
  '../../../services/restricted-cases/contracts.ts'
);
const { caseRefOf } = await import('../../../services/restricted-cases/case-service.ts');
const { queueEnvName } = await import('../../../shared/manifest/names.ts');
const { StaffNotificationRequested } = await import('../../../shared/contracts/staff-notification.ts');

afterAll(() => identityProvider.stop());

const auditLog = auditLogFromEnvironment();

/** A form POST with the CSRF pair a GET of `formPath` gave this person. */
const post = async (
  handler: Handler,
  formHandler: Handler,
  formPath: string,
  path: string,
  cookies: Record<string, string>,
  fields: Record<string, string>,
  pathParameters?: Record<string, string>,
) => {
  const { cookie, token } = await csrfPair(formHandler, formPath, { cookies, pathParameters });
  return handler(
    postForm(
      path,
      { _csrf: token, ...fields },
      { cookies: { ...cookies, '__Host-csrf': cookie }, pathParameters },
    ),
  );
};

const open = async (caseId: string, cookies: Record<string, string>) =>
  handlers.viewCase(
    getEvent(`/staff/restricted-cases/cases/${caseId}`, { cookies, pathParameters: { id: caseId } }),
  );

/** The main content of a page, without the parts that differ between any two responses. */
const mainOf = (html: string) => (/<main[\s\S]*<\/main>/.exec(html)?.[0] ?? '').replace(/value="[^"]*"/g, '');

const recordAllegation = async (): Promise<string> => {
  const inspector = await signInAs(identityProvider, '1180');
  const response = await post(
    handlers.recordAllegation,
    handlers.showAllegationForm,
    '/staff/restricted-cases/allegations/new',
    '/staff/restricted-cases/allegations/new',
    inspector,
    {
      suspectCollarNumber: '4021',
      victimDescription: 'The suspect’s partner',
      summary: 'Assaulted at home after a night out',
      receivedAs: 'victim-report',
      criminal: 'yes',
      crimeNumber: `20/${Date.now() % 100000}/26`,
      callLogRefs: 'LOG-1001',
      urgentSafeguarding: 'no',
    },
  );
  expect(response.statusCode).toBe(303);
  return caseIdIn(response);
};

const restrict = async (caseId: string) => {
  const chiefInspector = await signInAs(identityProvider, '0874');
  return post(
    handlers.changeRestriction,
    handlers.viewCase,
    `/staff/restricted-cases/cases/${caseId}`,
    `/staff/restricted-cases/cases/${caseId}/restriction`,
    chiefInspector,
    {
      restrictionOperation: 'restrict',
      restrictionReason: 'The suspect is a serving officer',
      restrictionCrimeNumber: '',
      restrictionCallLogRefs: 'LOG-1001',
    },
    { id: caseId },
  );
};

const entriesOf = (caseId: string) => auditLog.entries(caseRefOf(caseId));

describe('A manager records, a chief inspector restricts, a colleague is refused and PSD is told (PP/04 §7.2; APP "Access to records")', () => {
  it('runs end to end through the handlers, the audit table and the alert queue', async () => {
    const caseId = await recordAllegation();
    const inspector = await signInAs(identityProvider, '1180');
    const recorded = await handlers.viewRecorded(
      getEvent(`/staff/restricted-cases/allegations/${caseId}/recorded`, {
        cookies: inspector,
        pathParameters: { id: caseId },
      }),
    );
    expect(recorded.body).toContain('Professional Standards Department');

    expect((await restrict(caseId)).statusCode).toBe(303);

    const colleague = await signInAs(identityProvider, '2107');
    const refused = await open(caseId, colleague);
    expect(refused.statusCode).toBe(404);
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({
      actor: { collarNumber: '2107' },
      action: 'open-case',
      outcome: 'denied',
    });

    const { message } = await takeMessage(accessAlertsQueue, (envelope) => {
      const parsed = AccessAttempted.safeParse(envelope);
      return (
        parsed.success && parsed.data.data.caseId === caseId && parsed.data.data.actor.collarNumber === '2107'
      );
    });
    const delivered = await deliver(accessAlertsQueue, message, deliverAccessAlert);
    expect(delivered.batchItemFailures).toEqual([]);

    const psd = await signInAs(identityProvider, '2731');
    const inbox = await handlers.viewAlerts(getEvent('/staff/restricted-cases/psd/alerts', { cookies: psd }));
    expect(inbox.statusCode).toBe(200);
    expect(inbox.body).toContain(caseId);
    expect(inbox.body).toContain('barred by PSD: conflicted');

    const notification = await takeMessage('staff-notifications', (envelope) => {
      const parsed = StaffNotificationRequested.safeParse(envelope);
      return (
        parsed.success &&
        parsed.data.data.title.includes(caseId) &&
        parsed.data.data.title.includes('collar 2107')
      );
    });
    expect(StaffNotificationRequested.parse(notification.envelope).data).toMatchObject({
      priority: 'urgent',
      audience: { kind: 'group', department: 'PSD' },
    });
  });

  it('a guessed reference gets the same page as a real case the person may not see, and both are audited', async () => {
    const caseId = await recordAllegation();
    await restrict(caseId);
    const colleague = await signInAs(identityProvider, 'S60213');
    const guessed = 'RC-ZZZZ-ZZZZ-ZZZ1';

    const real = await open(caseId, colleague);
    const fake = await open(guessed, colleague);

    expect([real.statusCode, fake.statusCode]).toEqual([404, 404]);
    expect(mainOf(real.body ?? '')).toBe(mainOf(fake.body ?? ''));
    expect((await entriesOf(guessed)).at(-1)).toMatchObject({
      actor: { collarNumber: 'S60213' },
      outcome: 'denied',
    });
  });

  it('a search by the suspect’s collar number shows a colleague nothing, not even a count', async () => {
    const caseId = await recordAllegation();
    await restrict(caseId);
    const colleague = await signInAs(identityProvider, '2107');

    const page = await handlers.searchCases(
      getEvent('/staff/restricted-cases/search', { cookies: colleague, query: { q: '4021' } }),
    );

    expect(page.body).toContain('id="no-results"');
    expect(page.body).not.toContain(caseId);
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({
      action: 'find-case-in-search',
      outcome: 'denied',
    });
  });

  it('a restriction by an inspector is refused by rank, audited on the case and alerted (PP/04 §7.2)', async () => {
    const caseId = await recordAllegation();
    const inspector = await signInAs(identityProvider, '1180');

    const response = await post(
      handlers.changeRestriction,
      handlers.viewCase,
      `/staff/restricted-cases/cases/${caseId}`,
      `/staff/restricted-cases/cases/${caseId}/restriction`,
      inspector,
      { restrictionOperation: 'restrict', restrictionReason: 'Trying anyway' },
      { id: caseId },
    );

    expect(response.statusCode).toBe(403);
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({
      actor: { collarNumber: '1180' },
      action: 'restrict-case',
      outcome: 'denied',
      reason: 'denied: needs the rank of chief inspector or above',
    });
  });
});

describe('Break glass and PSD’s review (APP "Access to records")', () => {
  it('a safeguarding officer breaks glass with a reason, opens the case, and PSD reviews it', async () => {
    const caseId = await recordAllegation();
    await restrict(caseId);
    const officer = await signInAs(identityProvider, '3350');

    const broken = await post(
      handlers.requestSafeguardingAccess,
      handlers.showSafeguardingForm,
      '/staff/restricted-cases/safeguarding',
      '/staff/restricted-cases/safeguarding',
      officer,
      {
        reference: caseId,
        kind: 'break-glass',
        reason: 'Victim has not been seen since last night; two children at the address',
      },
    );
    expect(broken.statusCode).toBe(303);
    expect((await open(caseId, officer)).statusCode).toBe(200);

    const psd = await signInAs(identityProvider, '0415');
    const reviews = await handlers.viewSafeguardingReviews(
      getEvent('/staff/restricted-cases/psd/safeguarding', { cookies: psd }),
    );
    const grantId = new RegExp(`/cases/${caseId}/grants/(G-[0-9A-Z-]+)`).exec(reviews.body ?? '')?.[1] ?? '';
    expect(grantId).not.toBe('');
    const reviewed = await post(
      handlers.reviewBreakGlass,
      handlers.viewGrant,
      `/staff/restricted-cases/cases/${caseId}/grants/${grantId}`,
      `/staff/restricted-cases/cases/${caseId}/grants/${grantId}/review`,
      psd,
      { decision: 'referred', note: 'No safeguarding need found' },
      { id: caseId, grantId },
    );

    expect(reviewed.statusCode).toBe(303);
    expect((await open(caseId, officer)).statusCode).toBe(404);
  });

  it('break glass without a reason is refused and audited', async () => {
    const caseId = await recordAllegation();
    await restrict(caseId);
    const officer = await signInAs(identityProvider, '3350');

    const refused = await post(
      handlers.requestSafeguardingAccess,
      handlers.showSafeguardingForm,
      '/staff/restricted-cases/safeguarding',
      '/staff/restricted-cases/safeguarding',
      officer,
      {
        reference: caseId,
        kind: 'break-glass',
        reason: '',
      },
    );

    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Enter the safeguarding reason');
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({ action: 'break-glass', outcome: 'denied' });
  });
});

describe('The access log and its chain (DPA 2018 s.62)', () => {
  it('PSD sees "Chain intact", and "Chain broken" once an entry is edited in the table', async () => {
    const caseId = await recordAllegation();
    const psd = await signInAs(identityProvider, '2731');
    const logPath = `/staff/restricted-cases/cases/${caseId}/access-log`;
    const intact = await handlers.viewAccessLog(
      getEvent(logPath, { cookies: psd, pathParameters: { id: caseId } }),
    );
    expect(intact.body).toContain('Chain intact');

    await dynamoDocumentClient().send(
      new UpdateCommand({
        TableName: process.env[auditTableEnvName],
        Key: { pk: casePartitionKey(caseRefOf(caseId)), sk: entrySortKey(1) },
        UpdateExpression: 'SET #reason = :reason',
        ExpressionAttributeNames: { '#reason': 'reason' },
        ExpressionAttributeValues: { ':reason': 'nothing to see here' },
      }),
    );
    const broken = await handlers.viewAccessLog(
      getEvent(logPath, { cookies: psd, pathParameters: { id: caseId } }),
    );

    expect(broken.body).toMatch(/Chain broken at entry 1 \(edited\)/);
  });

  it('the access log is PSD’s alone: anyone else is refused by route, and the refusal joins the case’s chain', async () => {
    const caseId = await recordAllegation();
    const supervisor = await signInAs(identityProvider, '2288');

    const response = await handlers.viewAccessLog(
      getEvent(`/staff/restricted-cases/cases/${caseId}/access-log`, {
        cookies: supervisor,
        pathParameters: { id: caseId },
      }),
    );

    expect(response.statusCode).toBe(403);
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({ action: 'view-access-log', outcome: 'denied' });
  });
});

describe('A notification failure never loses the audit entry (audit first, notify from the queue)', () => {
  it('when the alert queue refuses, the entry is written, the alert waits in the outbox and the sweep sends it', async () => {
    const caseId = await recordAllegation();
    await restrict(caseId);
    const colleague = await signInAs(identityProvider, '2107');
    const variable = queueEnvName(accessAlertsQueue);
    const realUrl = queueUrl(accessAlertsQueue);
    process.env[variable] = `${realUrl}-missing`;
    let response: Awaited<ReturnType<Handler>>;
    try {
      response = await open(caseId, colleague);
    } finally {
      process.env[variable] = realUrl;
    }

    expect(response.statusCode).toBe(404);
    expect((await entriesOf(caseId)).at(-1)).toMatchObject({
      actor: { collarNumber: '2107' },
      outcome: 'denied',
    });

    const waiting = await dynamoDocumentClient().send(
      new QueryCommand({
        TableName: casesTableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'OUTBOX' },
        ConsistentRead: true,
      }),
    );
    expect((waiting.Items ?? []).some((item) => String(item.body).includes(caseId))).toBe(true);

    await sweepOutbox(casesTableName(), { now: new Date(Date.now() + 120_000) });

    const found = await takeMessage(accessAlertsQueue, (envelope) => {
      const parsed = AccessAttempted.safeParse(envelope);
      return (
        parsed.success && parsed.data.data.caseId === caseId && parsed.data.data.actor.collarNumber === '2107'
      );
    });
    expect(found.envelope.type).toBe('restricted-case-access-attempted');
  });
});
