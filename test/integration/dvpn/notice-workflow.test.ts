import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { DocumentReady, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { createMessage } from '../../../shared/messaging/publish.ts';
import { csrfPair, getEvent, header, postForm } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import {
  caseIdFrom,
  dateTimeFields,
  deliver,
  draftFormFields,
  type Handler,
  type SignedIn,
  sendMessage,
  signIn,
  takeMessage,
} from './support.ts';

const identityProvider = await startTestIdentityProvider();
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'dvpn-integration-csrf-secret-0123456789abcdef',
});

const handlers = {
  showDraftForm: (await import('../../../services/dvpn/handlers/show-draft-form.ts')).handler as Handler,
  createDraft: (await import('../../../services/dvpn/handlers/create-draft.ts')).handler as Handler,
  viewCase: (await import('../../../services/dvpn/handlers/view-case.ts')).handler as Handler,
  submitNotice: (await import('../../../services/dvpn/handlers/submit-notice.ts')).handler as Handler,
  showDecisionForm: (await import('../../../services/dvpn/handlers/show-decision-form.ts'))
    .handler as Handler,
  decideNotice: (await import('../../../services/dvpn/handlers/decide-notice.ts')).handler as Handler,
  showServiceForm: (await import('../../../services/dvpn/handlers/show-service-form.ts')).handler as Handler,
  recordService: (await import('../../../services/dvpn/handlers/record-service.ts')).handler as Handler,
  viewDashboard: (await import('../../../services/dvpn/handlers/view-dashboard.ts')).handler as Handler,
};
const { handler: attachDocument } = await import('../../../services/dvpn/handlers/attach-document.ts');
const { caseServiceDependencies } = await import('../../../services/dvpn/composition-root.ts');
const deps = caseServiceDependencies();

afterAll(() => identityProvider.stop());

/** A form POST carrying the CSRF pair a GET of `formPath` gave this officer. */
const post = async (
  handler: Handler,
  formHandler: Handler,
  formPath: string,
  path: string,
  officer: SignedIn,
  fields: Record<string, string | string[]>,
  pathParameters?: Record<string, string>,
) => {
  const { cookie, token } = await csrfPair(formHandler, formPath, {
    cookies: officer.cookies,
    pathParameters,
  });
  return handler(
    postForm(
      path,
      { ...fields, _csrf: token },
      { cookies: { ...officer.cookies, '__Host-csrf': cookie }, pathParameters },
    ),
  );
};

const draft = async (constable: SignedIn, overrides: Record<string, string | string[]> = {}) =>
  post(
    handlers.createDraft,
    handlers.showDraftForm,
    '/staff/dvpn/new',
    '/staff/dvpn/new',
    constable,
    draftFormFields(overrides),
  );

const casePost = (
  handler: Handler,
  formHandler: Handler | undefined,
  id: string,
  step: string,
  officer: SignedIn,
  fields: Record<string, string | string[]>,
) =>
  post(
    handler,
    formHandler ?? handlers.viewCase,
    formHandler ? `/staff/dvpn/${id}/${step}` : `/staff/dvpn/${id}`,
    `/staff/dvpn/${id}/${step}`,
    officer,
    fields,
    { id },
  );

const authoriseFields = {
  decision: 'authorise',
  considerations: [
    'childWelfare',
    'protectedPersonOpinion',
    'recipientRepresentations',
    'reasonableStepsTaken',
    'otherOccupantsOpinion',
  ],
  reasonableGrounds: 'Injury seen by officers; threats repeated in custody.',
};

const submitted = async (constable: SignedIn, overrides: Record<string, string | string[]> = {}) => {
  const id = caseIdFrom(await draft(constable, overrides));
  const response = await casePost(handlers.submitNotice, undefined, id, 'submit', constable, {});
  expect(response.statusCode).toBe(303);
  return id;
};

describe('DVPN workflow through the pages, DynamoDB Local and the local queues', () => {
  it('a constable drafts a notice: it is stored under the CSA 2010 pack and the view is audited', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await draft(constable);

    const id = caseIdFrom(response);
    const stored = await deps.repository.get(id);
    expect(stored).toMatchObject({
      status: 'draft',
      pack: { id: 'dvpn', version: 'csa2010-1' },
      unit: 'PPU',
    });
    const entries = await deps.auditLog.entries({ service: 'dvpn', caseId: id });
    expect(entries.map((entry) => [entry.action, entry.outcome])).toEqual([['draft-notice', 'allowed']]);
  });

  it('an incomplete draft is shown again with GOV.UK messages and what was typed kept', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await draft(constable, {
      recipientName: '',
      'recipientDateOfBirth-month': '',
      stayAwayDistance: '',
    });

    expect(response.statusCode).toBe(400);
    const html = response.body ?? '';
    expect(html).toContain('There is a problem');
    expect(html).toContain('Enter the recipient&#39;s full name');
    expect(html).toContain('Date of birth must include a month');
    expect(html).toContain('Enter the distance in metres the recipient must stay away from the premises');
    expect(html).toContain('value="Alex Protected"');
  });

  it('a premises condition without shared premises is refused by the rules, beside the field', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await draft(constable, {
      sharesPremises: 'no',
      conditions: ['leave'],
      stayAwayDistance: '',
    });

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(
      'can only be included where the recipient and the person protected live in the same premises',
    );
    expect(response.body).toContain('href="#conditions"');
  });

  it('submitting notifies the duty superintendents through the staff-notifications queue', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const id = await submitted(constable);

    const { envelope } = await takeMessage('staff-notifications', (message) =>
      JSON.stringify(message.data).includes(id),
    );
    const notification = StaffNotificationRequested.parse(envelope);
    expect(notification.data.audience).toEqual({
      kind: 'group',
      minimumRank: 'superintendent',
      label: 'Duty superintendents',
    });
    expect(notification.data.link).toBe(`/staff/dvpn/${id}`);
    expect(notification.data.title).not.toContain('Sam Recipient');
  });

  it("an inspector's authorisation is refused with 403 by the route policy and audited against the case", async () => {
    const constable = await signIn(identityProvider, 'constable');
    const inspector = await signIn(identityProvider, 'inspector');
    const id = await submitted(constable);

    const response = await casePost(
      handlers.decideNotice,
      handlers.viewCase,
      id,
      'decision',
      inspector,
      authoriseFields,
    );

    expect(response.statusCode).toBe(403);
    const entries = await deps.auditLog.entries({ service: 'dvpn', caseId: id });
    expect(entries.at(-1)).toMatchObject({
      actor: { collarNumber: inspector.collarNumber, rank: 'inspector' },
      outcome: 'denied',
      action: 'decide-notice',
      reason: expect.stringMatching(/^rank superintendent or above is required for POST \/staff\/dvpn\//),
    });
    expect((await deps.repository.get(id))?.status).toBe('awaiting-authorisation');
  });

  it('a recipient under 18 at the time of issue is refused with the reason, and the refusal audited', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const seventeen = new Date().getUTCFullYear() - 17;
    const id = await submitted(constable, { 'recipientDateOfBirth-year': String(seventeen) });

    const response = await casePost(
      handlers.decideNotice,
      handlers.showDecisionForm,
      id,
      'decision',
      superintendent,
      authoriseFields,
    );

    expect(response.statusCode).toBe(400);
    expect(response.body).toMatch(
      /The recipient is 1[67] today\. A DVPN can only be issued to a person aged 18 or over\./,
    );
    const entries = await deps.auditLog.entries({ service: 'dvpn', caseId: id });
    expect(entries.at(-1)).toMatchObject({
      action: 'authorise-notice',
      outcome: 'denied',
      reason: 'RuleRefusedError: Crime and Security Act 2010 s.24(2)',
    });
  });

  it('an unaffirmed consideration is refused beside the checkboxes (CSA 2010 s.24(3))', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const id = await submitted(constable);

    const response = await casePost(
      handlers.decideNotice,
      handlers.showDecisionForm,
      id,
      'decision',
      superintendent,
      {
        ...authoriseFields,
        considerations: ['childWelfare'],
      },
    );

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('Confirm: i have considered the opinion of the person to be protected');
    expect(response.body).toContain('value="childWelfare" checked');
  });

  it('a superintendent authorises; the documents request leaves on the queue; the signed notice issues the case', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const id = await submitted(constable);

    const decided = await casePost(
      handlers.decideNotice,
      handlers.showDecisionForm,
      id,
      'decision',
      superintendent,
      authoriseFields,
    );
    expect(decided.statusCode).toBe(303);
    expect((await deps.repository.get(id))?.status).toBe('authorised');

    const { envelope } = await takeMessage('document-requests', (message) =>
      JSON.stringify(message.data).includes(id),
    );
    const request = DocumentRequested.parse(envelope);
    expect(request.data).toMatchObject({
      documentType: 'dvpn-notice',
      replyTo: 'dvpn-document-replies',
      caseId: id,
    });
    expect(request.data.templateData).toMatchObject({
      court: 'Anytown Magistrates Court',
      authorisedBy: { collarNumber: superintendent.collarNumber, rank: 'superintendent' },
      premises: { noEntry: true, mustLeave: true, keepAwayMetres: 100, noEvictionOrExclusion: false },
    });

    const reply = createMessage(
      DocumentReady,
      {
        requestId: request.data.requestId,
        caseId: id,
        documentId: 'DOC-ABCD-EFGH-JKMN-PQRS',
        documentType: 'dvpn-notice',
        pageCount: 3,
        byteLength: 40_000,
        sha256: 'a'.repeat(64),
        certificateFingerprint: 'b'.repeat(64),
        createdAt: new Date().toISOString(),
        downloadPath: '/staff/documents/DOC-ABCD-EFGH-JKMN-PQRS',
      },
      { correlationId: request.correlationId, now: new Date() },
    );
    await sendMessage('dvpn-document-replies', reply);
    const { message } = await takeMessage('dvpn-document-replies', (received) => received.id === reply.id);
    const result = await deliver('dvpn-document-replies', message, attachDocument);

    expect(result.batchItemFailures).toEqual([]);
    const issued = await deps.repository.get(id);
    expect(issued).toMatchObject({
      status: 'notice-issued',
      notice: { status: 'ready', documentId: 'DOC-ABCD-EFGH-JKMN-PQRS' },
    });
    const page = await handlers.viewCase(
      getEvent(`/staff/dvpn/${id}`, { cookies: constable.cookies, pathParameters: { id } }),
    );
    expect(page.body).toContain('href="/staff/documents/DOC-ABCD-EFGH-JKMN-PQRS"');

    const again = await deliver('dvpn-document-replies', message, attachDocument);
    expect(again.batchItemFailures).toEqual([]);
    expect((await deps.repository.get(id))?.version).toBe(issued?.version);
  });

  it('service before authorisation is refused; service after it starts the court clock shown on the case and dashboard', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const id = await submitted(constable);
    await casePost(
      handlers.decideNotice,
      handlers.showDecisionForm,
      id,
      'decision',
      superintendent,
      authoriseFields,
    );
    const { envelope } = await takeMessage('document-requests', (message) =>
      JSON.stringify(message.data).includes(id),
    );
    const request = DocumentRequested.parse(envelope);
    const reply = createMessage(
      DocumentReady,
      {
        requestId: request.data.requestId,
        caseId: id,
        documentId: 'DOC-ABCD-EFGH-JKMN-PQRT',
        documentType: 'dvpn-notice',
        pageCount: 3,
        byteLength: 40_000,
        sha256: 'c'.repeat(64),
        certificateFingerprint: 'd'.repeat(64),
        createdAt: new Date().toISOString(),
        downloadPath: '/staff/documents/DOC-ABCD-EFGH-JKMN-PQRT',
      },
      { correlationId: 'corr', now: new Date() },
    );
    await sendMessage('dvpn-document-replies', reply);
    const { message } = await takeMessage('dvpn-document-replies', (received) => received.id === reply.id);
    await deliver('dvpn-document-replies', message, attachDocument);
    const authorisedAt = new Date((await deps.repository.get(id))?.decision?.at ?? '');

    const early = await casePost(handlers.recordService, handlers.showServiceForm, id, 'service', constable, {
      ...dateTimeFields('servedAt', new Date(authorisedAt.getTime() - 2 * 60 * 60_000)),
      place: 'Anytown police station',
      addressGiven: 'no',
    });
    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The time of service must be after the notice was authorised');
    expect(early.body).toContain('href="#servedAt-day"');

    const servedAt = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    const served = await casePost(
      handlers.recordService,
      handlers.showServiceForm,
      id,
      'service',
      constable,
      {
        ...dateTimeFields('servedAt', servedAt),
        place: 'Anytown police station',
        addressGiven: 'yes',
        addressForHearingNotice: '3 Low Road, Anytown',
      },
    );
    expect(served.statusCode).toBe(303);

    const stored = await deps.repository.get(id);
    expect(stored?.status).toBe('served');
    expect(new Date(stored?.service?.hearingDueBy ?? '').getTime()).toBeGreaterThanOrEqual(
      servedAt.getTime() + 48 * 3_600_000,
    );
    const casePage = await handlers.viewCase(
      getEvent(`/staff/dvpn/${id}`, { cookies: constable.cookies, pathParameters: { id } }),
    );
    expect(casePage.body).toContain('Court deadline');
    expect(casePage.body).toMatch(/(\d+ days? )?(\d+ hours? )?(\d+ minutes? )?left/);
    const dashboard = await handlers.viewDashboard(getEvent('/staff/dvpn', { cookies: constable.cookies }));
    expect(dashboard.statusCode).toBe(200);
    expect(dashboard.body).toContain(`href="/staff/dvpn/${id}"`);
    expect(dashboard.body).not.toContain('Sam Recipient');
  });

  it('two superintendents authorising at once give exactly one authorisation', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const first = await signIn(identityProvider, 'superintendent');
    const second = await signIn(identityProvider, 'chief-superintendent');
    const id = await submitted(constable);
    const [a, b] = await Promise.all([
      csrfPair(handlers.showDecisionForm, `/staff/dvpn/${id}/decision`, {
        cookies: first.cookies,
        pathParameters: { id },
      }),
      csrfPair(handlers.showDecisionForm, `/staff/dvpn/${id}/decision`, {
        cookies: second.cookies,
        pathParameters: { id },
      }),
    ]);

    const responses = await Promise.all(
      [
        [first, a],
        [second, b],
      ].map(([officer, pair]) => {
        const { cookies } = officer as SignedIn;
        const { cookie, token } = pair as { cookie: string; token: string };
        return handlers.decideNotice(
          postForm(
            `/staff/dvpn/${id}/decision`,
            { ...authoriseFields, _csrf: token },
            { cookies: { ...cookies, '__Host-csrf': cookie }, pathParameters: { id } },
          ),
        );
      }),
    );

    expect(responses.map((response) => response.statusCode).sort()).toEqual([303, 409]);
    const stored = await deps.repository.get(id);
    expect(stored?.status).toBe('authorised');
    expect(stored?.version).toBe(3);
  });

  it('a notice that cannot be produced stays authorised with the reason and a retry, never without its notice', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const id = await submitted(constable);
    await casePost(
      handlers.decideNotice,
      handlers.showDecisionForm,
      id,
      'decision',
      superintendent,
      authoriseFields,
    );
    const { envelope } = await takeMessage('document-requests', (message) =>
      JSON.stringify(message.data).includes(id),
    );
    const request = DocumentRequested.parse(envelope);
    const failure = {
      type: 'document-failed',
      version: 1,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: 'corr-failure',
      data: {
        requestId: request.data.requestId,
        caseId: id,
        documentType: 'dvpn-notice',
        reason: 'unsupported-character',
        fieldErrors: [{ path: 'recipient.fullName', message: 'A character the font cannot print' }],
      },
    };
    await sendMessage('dvpn-document-replies', failure);
    const { message } = await takeMessage('dvpn-document-replies', (received) => received.id === failure.id);

    await deliver('dvpn-document-replies', message, attachDocument);

    const stored = await deps.repository.get(id);
    expect(stored).toMatchObject({ status: 'authorised', notice: { status: 'failed' } });
    const page = await handlers.viewCase(
      getEvent(`/staff/dvpn/${id}`, { cookies: constable.cookies, pathParameters: { id } }),
    );
    expect(page.body).toContain('Ask for the signed notice again');
    expect(header(page, 'content-type')).toContain('text/html');
  });
});
