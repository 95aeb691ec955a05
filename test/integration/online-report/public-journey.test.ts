import { randomUUID } from 'node:crypto';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { answerAll, JourneyClient, type Person, submissionTokenOf } from './journey-client.ts';

const environment = useLocalEnvironment({
  CSRF_SECRET: 'online-report-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'online-report-integration-identity-key-0123456789',
});
const { reportStore, journeySessions } = await import('../../../services/online-report/composition-root.ts');
const { dynamoDocumentClient, sqsClient } = await import('../../../shared/aws/clients.ts');
const { parseReference } = await import('../../../services/online-report/domain/reference.ts');

const store = reportStore();

const person = (): Person => ({
  fullName: `Sam ${randomUUID().slice(0, 8)}`,
  dob: ['4', '11', '1990'],
  phone: `07700 9${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`,
});

const referenceOn = (html: string): string | undefined =>
  parseReference(/<strong>(OR-[^<]+)<\/strong>/.exec(html)?.[1] ?? '');

const sessionsTable = environment.TABLE_PLATFORM_SESSIONS ?? '';

const journeyItemExists = async (journeyId: string): Promise<boolean> => {
  const { createHash } = await import('node:crypto');
  const pk = `report-journey#${createHash('sha256').update(journeyId).digest('base64url')}`;
  const result = await dynamoDocumentClient().send(new GetCommand({ TableName: sessionsTable, Key: { pk } }));
  return result.Item !== undefined;
};

const journeyCookie = '__Host-report-journey';

describe('Emergency screen: any yes stops the journey and stores nothing (000 §8.3.1)', () => {
  it.each([
    ['/report/in-danger', { inDanger: 'yes' }],
    ['/report/anyone-injured', { anyoneInjured: 'yes' }],
  ])('%s answered yes ends on the stop page', async (path, answer) => {
    const client = new JourneyClient();
    await client.answer('/report/in-danger', { inDanger: 'no' });
    await client.answer('/report/happening-now', { happeningNow: 'no' });
    await client.answer('/report/suspect-present', { suspectPresent: 'no' });
    const journeyId = client.cookies.get(journeyCookie) ?? '';
    const response = await client.answer(path, answer);
    const stop = await client.get('/report/emergency');
    expect([
      response.location,
      client.cookies.has(journeyCookie),
      await journeyItemExists(journeyId),
      stop.html.includes('18000'),
      stop.html.includes('emergencySMS'),
    ]).toEqual(['/report/emergency', false, false, true, true]);
  });

  it('the first question answered yes never creates a journey at all', async () => {
    const client = new JourneyClient();
    const response = await client.answer('/report/in-danger', { inDanger: 'yes' });
    expect([response.location, client.cookies.has(journeyCookie)]).toEqual(['/report/emergency', false]);
  });
});

const passEmergencyScreen = async (client: JourneyClient): Promise<void> => {
  for (const [path, field] of [
    ['/report/in-danger', 'inDanger'],
    ['/report/happening-now', 'happeningNow'],
    ['/report/suspect-present', 'suspectPresent'],
    ['/report/anyone-injured', 'anyoneInjured'],
  ] as const) {
    await client.answer(path, { [field]: 'no' });
  }
};

describe('Violent offences are diverted and nothing is stored (000 §8.3.1)', () => {
  it('an assault goes to call 101 and the journey is forgotten', async () => {
    const client = new JourneyClient();
    await passEmergencyScreen(client);
    const journeyId = client.cookies.get(journeyCookie) ?? '';
    const response = await client.answer('/report/what-happened', { category: 'assault' });
    expect([response.location, await journeyItemExists(journeyId)]).toEqual(['/report/call-101', false]);
  });

  it('a weapon goes to call 999', async () => {
    const client = new JourneyClient();
    await passEmergencyScreen(client);
    const response = await client.answer('/report/what-happened', { category: 'weapon' });
    expect(response.location).toBe('/report/call-999');
  });
});

describe('Every field validated with its GOV.UK message', () => {
  it('a question left unanswered is shown again with the error summary', async () => {
    const client = new JourneyClient();
    const response = await client.answer('/report/in-danger', {});
    expect([
      response.status,
      response.html.includes('Select yes if anyone is in danger right now'),
      response.html.includes('<title>Error:'),
    ]).toEqual([400, true, true]);
  });

  it('a page cannot be reached by skipping ahead', async () => {
    const client = new JourneyClient();
    await client.answer('/report/in-danger', { inDanger: 'no' });
    const response = await client.get('/report/your-name');
    expect(response.location).toBe('/report/happening-now');
  });
});

describe('Submit: one report per form, a reference, nothing left behind', () => {
  it('a report is stored in the contact handlers’ queue, with a reference and no case detail in the title', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), {
      description: 'My bike was taken from the shed.',
      relationship: 'neighbour',
    });
    const check = await client.get('/report/check-your-answers');
    const sent = await client.post('/report/check-your-answers', {
      submissionToken: submissionTokenOf(check.html),
    });
    const confirmation = await client.get(sent.location ?? '');
    const reference = referenceOn(confirmation.html) ?? '';
    const reportId = (await store.reportIdOfReference(reference)) ?? '';
    const queue = await store.contactQueue();
    expect([
      sent.location,
      /<title>Report sent/.test(confirmation.html),
      confirmation.html.includes(`<title>${reference}`),
      queue.some((report) => report.id === reportId),
      (await store.getReport(reportId))?.domesticAbuse,
    ]).toEqual(['/report/confirmation', true, false, true, 'not-apparent']);
  });

  it('a double click or resent form creates one report', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { relationship: 'neighbour', description: 'Graffiti on my fence.' });
    const check = await client.get('/report/check-your-answers');
    const token = submissionTokenOf(check.html);
    const [first, second] = await Promise.all([
      client.post('/report/check-your-answers', { submissionToken: token }),
      client.post('/report/check-your-answers', { submissionToken: token }),
    ]);
    const submission = await store.findSubmission(
      (await import('node:crypto')).createHash('sha256').update(token).digest('base64url'),
    );
    const confirmation = await client.get('/report/confirmation');
    expect([first.location, second.location, referenceOn(confirmation.html)]).toEqual([
      '/report/confirmation',
      '/report/confirmation',
      submission?.reference,
    ]);
  });

  it('the confirmation page shows the same reference again on a reload (a page lost on the way is not a lost reference)', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { relationship: 'neighbour', description: 'Noise at night.' });
    const check = await client.get('/report/check-your-answers');
    await client.post('/report/check-your-answers', { submissionToken: submissionTokenOf(check.html) });

    const first = await client.get('/report/confirmation');
    const reload = await client.get('/report/confirmation');

    expect([reload.status, referenceOn(reload.html)]).toEqual([200, referenceOn(first.html)]);
  });

  it('after sending, the session keeps the reference alone, and it and the cookie expire in 15 minutes', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { relationship: 'neighbour', description: 'Noise at night.' });
    const check = await client.get('/report/check-your-answers');
    const sent = await client.post('/report/check-your-answers', {
      submissionToken: submissionTokenOf(check.html),
    });
    const journeyId = client.cookies.get(journeyCookie) ?? '';
    const reference = referenceOn((await client.get('/report/confirmation')).html);
    const { createHash } = await import('node:crypto');
    const pk = `report-journey#${createHash('sha256').update(journeyId).digest('base64url')}`;
    const stored = await dynamoDocumentClient().send(
      new GetCommand({ TableName: sessionsTable, Key: { pk }, ConsistentRead: true }),
    );
    const secondsLeft = Number(stored.Item?.expiresAt) - Date.now() / 1000;
    const cookieLine = sent.cookies.find((line) => line.startsWith(`${journeyCookie}=`)) ?? '';

    expect({
      item: stored.Item,
      expiresWithinFifteenMinutes: secondsLeft > 14 * 60 && secondsLeft <= 15 * 60,
      cookieMaxAge: /Max-Age=(\d+)/.exec(cookieLine)?.[1],
      forgottenAfterFifteenMinutes: await journeySessions().load(
        journeyId,
        new Date(Date.now() + 15 * 60_000 + 1000),
      ),
    }).toEqual({
      item: { pk, journey: { status: 'sent', reference }, expiresAt: expect.any(Number) },
      expiresWithinFifteenMinutes: true,
      cookieMaxAge: '900',
      forgottenAfterFifteenMinutes: undefined,
    });
  });

  it('Exit this page on the confirmation page forgets the reference at once', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { relationship: 'neighbour', description: 'Noise at night.' });
    const check = await client.get('/report/check-your-answers');
    await client.post('/report/check-your-answers', { submissionToken: submissionTokenOf(check.html) });
    const journeyId = client.cookies.get(journeyCookie) ?? '';
    await client.get('/report/confirmation');

    await client.get('/report/leave');
    const again = await client.get('/report/confirmation');

    expect([await journeyItemExists(journeyId), again.location]).toEqual([false, '/report']);
  });

  it('answering a question after sending starts a new report, never adding to the sent one', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { relationship: 'neighbour', description: 'Noise at night.' });
    const check = await client.get('/report/check-your-answers');
    await client.post('/report/check-your-answers', { submissionToken: submissionTokenOf(check.html) });
    const sentJourney = client.cookies.get(journeyCookie) ?? '';

    await client.answer('/report/in-danger', { inDanger: 'no' });
    const newJourney = client.cookies.get(journeyCookie) ?? '';

    const sent = await journeySessions().load(sentJourney, new Date());
    expect([
      newJourney !== sentJourney,
      await journeySessions().load(newJourney, new Date()),
      sent?.status,
    ]).toEqual([
      true,
      {
        status: 'in-progress',
        state: { answers: { 'in-danger': { inDanger: 'no' } }, reachedCheckAnswers: false },
      },
      'sent',
    ]);
  });

  it('a form with the honeypot filled sends nothing', async () => {
    const client = new JourneyClient(`198.51.100.${Math.floor(Math.random() * 200)}`);
    await answerAll(client, person(), { relationship: 'neighbour', description: 'A bot wrote this.' });
    const check = await client.get('/report/check-your-answers');
    const token = submissionTokenOf(check.html);
    const response = await client.post('/report/check-your-answers', {
      submissionToken: token,
      website: 'http://spam.example',
    });
    const submission = await store.findSubmission(
      (await import('node:crypto')).createHash('sha256').update(token).digest('base64url'),
    );
    expect([response.status, submission]).toEqual([400, undefined]);
  });

  it('answers are kept server-side only: the browser holds an opaque id in a session cookie', async () => {
    const client = new JourneyClient();
    const response = await client.answer('/report/in-danger', { inDanger: 'no' });
    const line = response.cookies.find((cookie) => cookie.startsWith(`${journeyCookie}=`)) ?? '';
    const id = client.cookies.get(journeyCookie) ?? '';
    const journey = await journeySessions().load(id, new Date());
    expect([
      /Max-Age|Expires/.test(line),
      /HttpOnly/.test(line),
      /SameSite=Strict/.test(line),
      id.length,
      journey?.status === 'in-progress' ? journey.state.answers['in-danger'] : undefined,
    ]).toEqual([false, true, true, 43, { inDanger: 'no' }]);
  });
});

describe('Domestic abuse disclosed anyway is recorded with markers and goes to the queue (000 §8.3.1)', () => {
  it('a report about an ex-partner is flagged and its message is on the work queue', async () => {
    const client = new JourneyClient();
    await answerAll(client, person(), { description: 'My ex keeps turning up and checks my phone.' });
    const check = await client.get('/report/check-your-answers');
    await client.post('/report/check-your-answers', { submissionToken: submissionTokenOf(check.html) });
    const reference = referenceOn((await client.get('/report/confirmation')).html) ?? '';
    const reportId = (await store.reportIdOfReference(reference)) ?? '';
    const report = await store.getReport(reportId);
    const received = await sqsClient().send(
      new ReceiveMessageCommand({
        QueueUrl: environment.QUEUE_URL_ONLINE_REPORT_DOMESTIC_ABUSE,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 1,
        VisibilityTimeout: 0,
      }),
    );
    const bodies = (received.Messages ?? []).map((message) => JSON.parse(message.Body ?? '{}'));
    expect([
      report?.domesticAbuse,
      report?.screening.markers,
      bodies.some((body) => body.data?.reportId === reportId),
    ]).toEqual(['flagged-by-screen', ['domestic-abuse', 'coercive-control'], true]);
  });
});

describe('Exit this page forgets the journey and leaves', () => {
  it('clears the journey and the site data, and sends the person to a neutral site', async () => {
    const client = new JourneyClient();
    await client.answer('/report/in-danger', { inDanger: 'no' });
    const journeyId = client.cookies.get(journeyCookie) ?? '';
    const response = await client.get('/report/leave');
    expect([
      response.status,
      response.html.includes('<meta http-equiv="refresh" content="0; url=https://www.bbc.co.uk/weather">'),
      response.headers['Clear-Site-Data'],
      await journeyItemExists(journeyId),
      client.cookies.has(journeyCookie),
    ]).toEqual([200, true, '"cookies", "storage"', false, false]);
  });
});
