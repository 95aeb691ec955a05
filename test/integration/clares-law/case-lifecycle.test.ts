import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentReady, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { toSqsEvent } from '../../../shared/messaging/sqs-event.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { applicationAnswers, Browser, type Handler, location, signedIn, takeMessages } from './support.ts';

const identityProvider = await startTestIdentityProvider();
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'clares-law-integration-csrf-secret-0123456789',
  IDENTITY_HMAC_KEY: 'clares-law-integration-identity-key-0123456789',
});
afterAll(() => identityProvider.stop());

const load = async (name: string) =>
  (await import(`../../../services/clares-law/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  viewPage: await load('view-application-page'),
  savePage: await load('save-application-page'),
  submit: await load('submit-application'),
  confirmation: await load('view-confirmation'),
  listCases: await load('list-cases'),
  viewCase: await load('view-case'),
  viewAction: await load('view-case-action'),
  recordAction: await load('record-case-action'),
};
const { handler: attachRecord } = await import(
  '../../../services/clares-law/handlers/attach-disclosure-record.ts'
);
const { claresLawService } = await import('../../../services/clares-law/composition-root.ts');
const { auditLogFromEnvironment } = await import('../../../shared/audit/dynamo-audit-log.ts');

/** Goes through the whole online application as a browser would; returns the case reference. */
const applyOnline = async (browser: Browser, subjectName: string): Promise<string> => {
  await browser.get(handlers.viewPage, '/clares-law/apply/in-danger', {
    pathParameters: { page: 'in-danger' },
  });
  const started = await browser.post(
    handlers.savePage,
    '/clares-law/apply/in-danger',
    { inDanger: 'no' },
    { pathParameters: { page: 'in-danger' } },
  );
  expect(location(started)).toBe('/clares-law/apply/who-is-at-risk');
  for (const [page, fields] of Object.entries(applicationAnswers(subjectName))) {
    await browser.get(handlers.viewPage, `/clares-law/apply/${page}`, { pathParameters: { page } });
    const saved = await browser.post(handlers.savePage, `/clares-law/apply/${page}`, fields, {
      pathParameters: { page },
    });
    expect(saved.statusCode, `page ${page}: ${saved.body?.slice(0, 300)}`).toBe(303);
  }
  const check = await browser.get(handlers.viewPage, '/clares-law/apply/check-answers', {
    pathParameters: { page: 'check-answers' },
  });
  expect(check.statusCode).toBe(200);
  const sent = await browser.post(handlers.submit, '/clares-law/submit', {});
  expect(location(sent)).toBe('/clares-law/confirmation');
  const confirmation = await browser.get(handlers.confirmation, '/clares-law/confirmation');
  const reference = /DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation.body ?? '')?.[0];
  if (!reference) throw new Error('No reference on the confirmation page');
  return reference;
};

const step = async (
  browser: Browser,
  caseId: string,
  action: string,
  fields: Record<string, string | string[]>,
) => {
  const path = `/staff/clares-law/cases/${caseId}/${action}`;
  await browser.get(handlers.viewAction, path, { pathParameters: { id: caseId, action } });
  return browser.post(handlers.recordAction, path, fields, { pathParameters: { id: caseId, action } });
};

const when = (prefix: string, iso: string) => {
  const date = new Date(iso);
  const london = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'numeric',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  const part = (type: string) => london.find((p) => p.type === type)?.value ?? '';
  return {
    [`${prefix}-day`]: part('day'),
    [`${prefix}-month`]: part('month'),
    [`${prefix}-year`]: part('year'),
    [`${prefix}Time`]: `${part('hour')}:${part('minute')}`,
  };
};

const inMinutes = (minutes: number): string => new Date(Date.now() + minutes * 60_000).toISOString();

describe('Clare’s Law: a right-to-ask case from the online form to the closed case (DynamoDB Local, local queues)', () => {
  it('runs every stage to a disclosure, with the signed record attached and the history audited', async () => {
    // Arrange: an online application
    const subjectName = `Sam Subject ${randomUUID().slice(0, 6)}`;
    const reference = await applyOnline(new Browser(), subjectName);
    const officer = await signedIn(identityProvider, 'constable', 'PPU');
    const sergeant = await signedIn(identityProvider, 'sergeant', 'PPU');
    const opened = await takeMessages(
      'staff-notifications',
      (m) => JSON.stringify(m.data).includes(reference),
      { atLeast: 1 },
    );

    // Act: every stage, as the officer
    const results = [await step(officer.browser, reference, 'take-ownership', {})];
    for (const kind of ['pnc', 'pnd', 'local-intelligence']) {
      results.push(
        await step(officer.browser, reference, 'record-check', {
          kind,
          ...(kind === 'pnc' ? { visorMarker: 'no' } : {}),
          ...when('checkedAt', inMinutes(0)),
          result: kind === 'pnc' ? 'trace' : 'no-trace',
          summary: kind === 'pnc' ? 'Two convictions for assault on former partners' : 'No trace',
        }),
      );
    }
    results.push(
      await step(officer.browser, reference, 'decide-progression', {
        progress: 'yes',
        immediateRisk: 'no',
        rationale: 'Convictions found',
      }),
      await step(officer.browser, reference, 'record-meeting', {
        ...when('heldAt', inMinutes(0)),
        place: 'Central police station',
        identityDocuments: ['passport', 'utility-bill'],
        preliminaryWarningsGiven: 'yes',
        requestMalicious: 'no',
        maliceAssessment: 'Consistent, genuine concern',
        confidentialityUndertakingExplained: 'yes',
        informationPackGiven: 'yes',
      }),
      await step(officer.browser, reference, 'record-risk-assessment', {
        ...when('completedAt', inMinutes(0)),
        tool: 'DASH',
        level: 'medium',
        summary: 'Nine ticks',
      }),
      await step(officer.browser, reference, 'categorise', {
        category: 'concern',
        concernFactors: ['unspent-convictions'],
        rationale: 'Unspent convictions for violence against partners',
      }),
      await step(sergeant.browser, reference, 'record-forum-decision', {
        forum: 'marac',
        ...when('decidedAt', inMinutes(0)),
        decisionReference: 'MARAC-1',
        agencies: ['police', 'probation', 'idva'],
        category: 'concern',
        decision: 'disclose',
        rationale: 'Pressing need to protect the applicant',
        representationsSought: 'no',
        representationsReason: 'Seeking them would alert the subject',
        necessary: 'yes',
        pressingNeed: 'yes',
        proportionate: 'yes',
        what: 'Two convictions for assault on former partners',
        recipientName: 'Alex Example',
        recipientRole: 'applicant',
        recipientRelationship: 'Partner',
        disclosingAgency: 'Police',
        ...when('plannedFor', inMinutes(60)),
        disclosurePlace: 'Central police station',
      }),
      await step(officer.browser, reference, 'record-disclosure', {
        ...when('disclosedAt', inMinutes(0)),
        place: 'Central police station',
        recipientToldOfConditions: 'yes',
        undertaking: 'signed',
        verbatim: 'The person you asked about has two convictions\nfor assault on former partners.',
        informationPackGiven: 'yes',
      }),
    );
    expect(
      results.map(
        (result) =>
          `${result.statusCode} ${result.statusCode === 303 ? '' : (/govuk-error-summary__list">([\s\S]*?)<\/ul>/.exec(result.body ?? '')?.[1] ?? result.body?.slice(0, 300))}`,
      ),
    ).toEqual(results.map(() => '303 '));
    const requests = await takeMessages(
      'document-requests',
      (m) => JSON.stringify(m.data).includes(reference),
      { atLeast: 1 },
    );
    const request = DocumentRequested.parse(requests[0]);
    if (request.data.documentType !== 'clares-law-disclosure-record')
      throw new Error('not a disclosure record');
    const ready = createMessage(
      DocumentReady,
      {
        requestId: request.data.requestId,
        caseId: request.data.caseId,
        documentId: 'DOC-AAAA-BBBB-CCCC-DDDD',
        documentType: 'clares-law-disclosure-record',
        pageCount: 2,
        byteLength: 2048,
        sha256: 'a'.repeat(64),
        certificateFingerprint: 'b'.repeat(64),
        createdAt: new Date().toISOString(),
        downloadPath: '/staff/documents/DOC-AAAA-BBBB-CCCC-DDDD',
      },
      { correlationId: 'integration', now: new Date() },
    );
    const replyEvent = toSqsEvent(
      [
        {
          MessageId: randomUUID(),
          ReceiptHandle: 'r',
          Body: JSON.stringify(ready),
          Attributes: { ApproximateReceiveCount: '1' },
        },
      ],
      'arn:aws:sqs:eu-west-2:000000000000:clares-law-document-replies',
    );
    const reply = await attachRecord(replyEvent, {} as never);
    results.push(
      await step(officer.browser, reference, 'record-intelligence', {
        reference: 'INT-1',
        systems: 'Local intelligence and PND',
        summary: 'Request, disclosure to the applicant, parties',
      }),
    );
    const page = await officer.browser.get(handlers.viewCase, `/staff/clares-law/cases/${reference}`, {
      pathParameters: { id: reference },
    });
    const audit = await auditLogFromEnvironment().entries({ service: 'clares-law', caseId: reference });

    // Assert
    expect(opened).toHaveLength(1);
    expect(results.map((result) => result.statusCode)).toEqual(results.map(() => 303));
    expect(request.data.templateData.verbatimDisclosure).toBe(
      'The person you asked about has two convictions\nfor assault on former partners.',
    );
    expect(reply.batchItemFailures).toEqual([]);
    expect(page.body).toContain('Closed');
    expect(page.body).toContain('DOC-AAAA-BBBB-CCCC-DDDD');
    expect(page.body).toContain('/staff/documents/DOC-AAAA-BBBB-CCCC-DDDD');
    expect(audit.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'apply-online',
        'record-check',
        'record-forum-decision',
        'attach-disclosure-record',
        'view-case',
      ]),
    );
    expect((await auditLogFromEnvironment().verify({ service: 'clares-law', caseId: reference })).ok).toBe(
      true,
    );
  });

  it('a second press of "Accept and send" makes one case, not two (duplicate submission)', async () => {
    // Arrange: a journey at check your answers
    const browser = new Browser();
    await browser.get(handlers.viewPage, '/clares-law/apply/in-danger', {
      pathParameters: { page: 'in-danger' },
    });
    await browser.post(
      handlers.savePage,
      '/clares-law/apply/in-danger',
      { inDanger: 'no' },
      { pathParameters: { page: 'in-danger' } },
    );
    for (const [page, fields] of Object.entries(applicationAnswers(`Dup ${randomUUID().slice(0, 6)}`))) {
      await browser.get(handlers.viewPage, `/clares-law/apply/${page}`, { pathParameters: { page } });
      await browser.post(handlers.savePage, `/clares-law/apply/${page}`, fields, {
        pathParameters: { page },
      });
    }
    await browser.get(handlers.viewPage, '/clares-law/apply/check-answers', {
      pathParameters: { page: 'check-answers' },
    });
    const token = /name="_csrf" value="([^"]+)"/.exec(browser.lastBody)?.[1] ?? '';
    const { postForm } = await import('../../support/http-events.ts');
    const send = () =>
      handlers.submit(
        browser.fromHere(
          postForm('/clares-law/submit', { _csrf: token }, { cookies: { ...browser.cookies } }),
        ),
      );

    // Act: two submissions at once
    const [first, second] = await Promise.all([send(), send()]);
    const confirmation = await browser.get(handlers.confirmation, '/clares-law/confirmation');
    const reference = /DVDS-[0-9A-Z]{4}-[0-9A-Z]{4}/.exec(confirmation.body ?? '')?.[0] ?? '';
    const notifications = await takeMessages(
      'staff-notifications',
      (m) =>
        (m.data as { title?: string }).title?.startsWith('New disclosure scheme application') === true &&
        JSON.stringify(m.data).includes(reference),
      { timeoutMs: 3_000 },
    );

    // Assert
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect(reference).not.toBe('');
    expect(notifications).toHaveLength(1);
  });

  it('flags a second application about the same subject on the new case, by keyed hash (APP DVDS patterns)', async () => {
    // Arrange
    const subjectName = `Repeat Subject ${randomUUID().slice(0, 6)}`;
    const first = await applyOnline(new Browser(), subjectName);

    // Act
    const second = await applyOnline(new Browser(), subjectName.toUpperCase());
    const stored = await claresLawService().viewCase(
      { subject: 's', collarNumber: '1', displayName: 'Test', rank: 'sergeant', department: 'PPU' },
      second,
      { now: new Date(), correlationId: 'integration' },
    );

    // Assert
    expect(stored?.dvdsCase.patterns).toEqual(
      expect.arrayContaining([
        {
          role: 'subject',
          earlierRole: 'subject',
          strength: 'name-and-date-of-birth',
          caseIds: expect.arrayContaining([first]),
        },
        {
          role: 'applicant',
          earlierRole: 'applicant',
          strength: 'name-and-date-of-birth',
          caseIds: expect.arrayContaining([first]),
        },
      ]),
    );
  });

  it('keeps names in any script exactly as typed (Arabic, Chinese, Cyrillic, accents)', async () => {
    // Arrange
    const subjectName = `محمد علي ${randomUUID().slice(0, 4)}`;

    // Act
    const reference = await applyOnline(new Browser(), subjectName);
    const stored = await claresLawService().viewCase(
      { subject: 's', collarNumber: '1', displayName: 'Test', rank: 'sergeant', department: 'PPU' },
      reference,
      { now: new Date(), correlationId: 'integration' },
    );

    // Assert
    expect(stored?.dvdsCase.application?.subject.fullName).toBe(subjectName);
  });

  it('refuses a step by the wrong role with the rule, and records the refusal in the case’s audit chain', async () => {
    // Arrange: a right-to-ask case at the initial checks; a Force Response inspector may open cases but not record checks
    const reference = await applyOnline(new Browser(), `Role ${randomUUID().slice(0, 6)}`);
    const inspector = await signedIn(identityProvider, 'inspector', 'FORCE_RESPONSE');

    // Act
    const refused = await inspector.browser.get(
      handlers.viewAction,
      `/staff/clares-law/cases/${reference}/record-check`,
      {
        pathParameters: { id: reference, action: 'record-check' },
      },
    );
    const audit = await auditLogFromEnvironment().entries({ service: 'clares-law', caseId: reference });

    // Assert
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain('only department PPU may record this step');
    expect(audit.at(-1)).toMatchObject({ action: 'record-check', outcome: 'denied' });
  });

  it('refuses a step recorded out of order (a meeting before the checks are decided)', async () => {
    // Arrange
    const reference = await applyOnline(new Browser(), `Order ${randomUUID().slice(0, 6)}`);
    const officer = await signedIn(identityProvider, 'constable', 'PPU');

    // Act
    const refused = await officer.browser.get(
      handlers.viewAction,
      `/staff/clares-law/cases/${reference}/record-meeting`,
      {
        pathParameters: { id: reference, action: 'record-meeting' },
      },
    );

    // Assert
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('cannot be recorded while the case is at');
  });

  it('refuses contact by a way the applicant ruled out and keeps the refusal on the case', async () => {
    // Arrange: phone and in person agreed; email never
    const reference = await applyOnline(new Browser(), `Contact ${randomUUID().slice(0, 6)}`);
    const officer = await signedIn(identityProvider, 'constable', 'PPU');

    // Act
    const refused = await step(officer.browser, reference, 'log-contact-attempt', {
      method: 'email',
      ...when('at', inMinutes(0)),
      outcome: 'spoke',
    });
    const stored = await claresLawService().viewCase(
      { subject: 's', collarNumber: '1', displayName: 'Test', rank: 'sergeant', department: 'PPU' },
      reference,
      { now: new Date(), correlationId: 'integration' },
    );

    // Assert
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('did not agree to contact by email');
    expect(stored?.dvdsCase.contactAttempts).toHaveLength(0);
    expect(stored?.dvdsCase.refusedContacts).toHaveLength(1);
  });

  it('a decision without rationale is refused with a GOV.UK message beside the field', async () => {
    // Arrange
    const reference = await applyOnline(new Browser(), `Rationale ${randomUUID().slice(0, 6)}`);
    const officer = await signedIn(identityProvider, 'constable', 'PPU');

    // Act
    const refused = await step(officer.browser, reference, 'withdraw', { reason: '   ' });

    // Assert
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('href="#reason"');
    expect(refused.body).toContain('Enter why the application was withdrawn');
  });
});

describe('Clare’s Law: the clock sweep (issue: owner due soon; owner and supervisor overdue; once only)', () => {
  it('an overdue case raises its notifications once, however often the sweep runs', async () => {
    // Arrange: an application recorded by phone three weeks ago, still at the initial checks
    const officer = await signedIn(identityProvider, 'constable', 'PPU');
    const newForm = await load('view-initial-contact-form');
    const record = await load('record-initial-contact');
    await officer.browser.get(newForm, '/staff/clares-law/new');
    const answers = Object.assign(
      {},
      ...Object.values(applicationAnswers(`Overdue ${randomUUID().slice(0, 6)}`)),
    );
    const recorded = await officer.browser.post(record, '/staff/clares-law/new', {
      channel: 'phone',
      ...when('contactAt', new Date(Date.now() - 21 * 24 * 3_600_000).toISOString()),
      ...answers,
    });
    const reference = location(recorded).split('/').at(-1) ?? '';
    await takeMessages('staff-notifications', (m) => JSON.stringify(m.data).includes(reference), {
      atLeast: 1,
    });
    const { handler: sweep } = await import('../../../services/clares-law/handlers/sweep-case-clocks.ts');

    // Act
    await sweep();
    await sweep();
    const alerts = await takeMessages(
      'staff-notifications',
      (m) => JSON.stringify(m.data).includes(reference),
      { timeoutMs: 4_000 },
    );

    // Assert: initial checks and meeting overdue, each to the unit (no owner yet) and the supervisors
    expect(recorded.statusCode).toBe(303);
    const titles = alerts.map((alert) => (alert.data as { title: string }).title);
    expect(titles.filter((title) => title.includes('Initial checks'))).toHaveLength(2);
    expect(titles.filter((title) => title.includes('Face-to-face meeting'))).toHaveLength(2);
    expect(alerts.every((alert) => (alert.data as { priority: string }).priority === 'urgent')).toBe(true);
    expect(new Set(alerts.map((alert) => alert.id)).size).toBe(alerts.length);
  });
});

describe('Clare’s Law: the case list reads an index, never the whole table', () => {
  it('lists open cases soonest clock first with Query only', async () => {
    // Arrange
    const { DynamoDBDocumentClient } = await import('@aws-sdk/lib-dynamodb');
    const { DynamoDBClient } = await import('@aws-sdk/client-dynamodb');
    const { dynamoCaseRepository } = await import(
      '../../../services/clares-law/adapters/dynamo-case-repository.ts'
    );
    const { englandAndWalesBankHolidays } = await import('../../../shared/calendar/holidays.ts');
    const commands: string[] = [];
    const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
    client.middlewareStack.add((next, context) => async (args) => {
      commands.push(String(context.commandName));
      return next(args);
    });
    const repository = dynamoCaseRepository(client, process.env.TABLE_CLARES_LAW_CASES ?? '', {
      holidays: englandAndWalesBankHolidays(),
    });

    // Act
    const page = await repository.listOpen(20);

    // Assert
    expect(page.cases.length).toBeGreaterThan(0);
    const dues = page.cases.map((dvdsCase) => dvdsCase.id);
    expect(dues.length).toBe(new Set(dues).size);
    expect(commands).toEqual(['QueryCommand']);
  });
});
