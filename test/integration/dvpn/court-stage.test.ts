import { afterAll, describe, expect, it } from 'vitest';
import { DocumentRequested } from '../../../shared/contracts/documents.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { csrfPair, getEvent, header, postForm, postJson } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { callerAt, principal, servedNotice } from './fixtures.ts';
import {
  dateTimeFields,
  draftFormFields,
  type Handler,
  type SignedIn,
  signIn,
  takeMessage,
} from './support.ts';

const identityProvider = await startTestIdentityProvider();
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'dvpn-integration-csrf-secret-0123456789abcdef',
});

const load = async (name: string) =>
  (await import(`../../../services/dvpn/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  showApplicationForm: await load('show-application-form'),
  prepareApplication: await load('prepare-application'),
  showHearingForm: await load('show-hearing-form'),
  recordHearing: await load('record-hearing'),
  showBreachForm: await load('show-breach-form'),
  recordBreach: await load('record-breach'),
  viewFigures: await load('view-figures'),
  downloadFigures: await load('download-figures'),
  postDraft: await load('post-draft'),
  postCaseAction: await load('post-case-action'),
  getCase: await load('get-case'),
};
const service = await import('../../../services/dvpn/case-service.ts');
const { caseServiceDependencies } = await import('../../../services/dvpn/composition-root.ts');
const deps = caseServiceDependencies();

afterAll(() => identityProvider.stop());

const asSignedIn = async (who: {
  collarNumber: string;
  rank: SignedIn extends never ? never : string;
  department: string;
  subject: string;
}): Promise<SignedIn> => ({
  collarNumber: who.collarNumber,
  cookies: {
    '__Host-session': await identityProvider.sign({
      sub: who.subject,
      collarNumber: who.collarNumber,
      rank: who.rank as 'constable',
      department: who.department as 'PPU',
    }),
  },
});

const casePost = async (
  handler: Handler,
  formHandler: Handler,
  id: string,
  step: string,
  officer: SignedIn,
  fields: Record<string, string | string[]>,
) => {
  const { cookie, token } = await csrfPair(formHandler, `/staff/dvpn/${id}/${step}`, {
    cookies: officer.cookies,
    pathParameters: { id },
  });
  return handler(
    postForm(
      `/staff/dvpn/${id}/${step}`,
      { ...fields, _csrf: token },
      { cookies: { ...officer.cookies, '__Host-csrf': cookie }, pathParameters: { id } },
    ),
  );
};

const recentlyServed = () =>
  servedNotice(deps, { servedAt: new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000) });

describe('DVPO application, hearing and breaches (CSA 2010 ss.26-29)', () => {
  it('the application asks the documents service for a signed court pack with the conditions sought', async () => {
    const { dvpnCase, constable } = await recentlyServed();
    const officer = await asSignedIn(constable);

    const response = await casePost(
      handlers.prepareApplication,
      handlers.showApplicationForm,
      dvpnCase.id,
      'application',
      officer,
      {
        court: 'Anytown Magistrates Court',
        conditions: ['leave', 'not-enter'],
        durationSoughtDays: '28',
        summary: 'The recipient remains a risk to the protected person.',
      },
    );

    expect(response.statusCode).toBe(303);
    const { envelope } = await takeMessage(
      'document-requests',
      (message) =>
        JSON.stringify(message.data).includes(dvpnCase.id) &&
        JSON.stringify(message.data).includes('dvpo-application-pack'),
    );
    const request = DocumentRequested.parse(envelope);
    expect(request.data.templateData).toMatchObject({
      court: 'Anytown Magistrates Court',
      durationDays: 28,
      dvpn: { documentReference: 'DOC-ABCD-EFGH-JKMN-PQRS' },
      provisionsSought: [
        'You must not molest the person protected by the order.',
        'To leave the premises (1 High Street, Anytown, AN1 1AA)',
        'Not to enter the premises (1 High Street, Anytown, AN1 1AA)',
      ],
    });
  });

  it('an application for a DVPO of 29 days is refused beside the duration', async () => {
    const { dvpnCase, constable } = await recentlyServed();
    const officer = await asSignedIn(constable);

    const response = await casePost(
      handlers.prepareApplication,
      handlers.showApplicationForm,
      dvpnCase.id,
      'application',
      officer,
      {
        court: 'Anytown Magistrates Court',
        durationSoughtDays: '29',
        summary: 'Risk remains.',
      },
    );

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A DVPO must last from 14 to 28 days');
    expect(response.body).toContain('href="#durationSoughtDays"');
    expect(response.body).toContain('value="29"');
  });

  it('a hearing before service is refused; a 14-day order is granted and ends at midnight of its 14th day', async () => {
    const { dvpnCase, constable } = await recentlyServed();
    const officer = await asSignedIn(constable);
    await service.apply(deps, callerAt(constable, new Date()), dvpnCase.id, {
      court: 'Anytown Magistrates Court',
      conditionsSought: ['leave'],
      durationSoughtDays: 14,
      summary: 'Risk remains.',
    });
    const servedAt = new Date(dvpnCase.service?.servedAt ?? '');

    const early = await casePost(
      handlers.recordHearing,
      handlers.showHearingForm,
      dvpnCase.id,
      'hearing',
      officer,
      {
        ...dateTimeFields('heardAt', new Date(servedAt.getTime() - 3_600_000)),
        outcome: 'granted',
        conditions: ['leave'],
        durationDays: '14',
      },
    );
    const granted = await casePost(
      handlers.recordHearing,
      handlers.showHearingForm,
      dvpnCase.id,
      'hearing',
      officer,
      {
        ...dateTimeFields('heardAt', new Date(servedAt.getTime() + 30 * 60_000)),
        outcome: 'granted',
        conditions: ['leave'],
        durationDays: '14',
      },
    );

    expect(early.statusCode).toBe(400);
    expect(early.body).toContain('The hearing must be after the notice was served');
    expect(granted.statusCode).toBe(303);
    const stored = await deps.repository.get(dvpnCase.id);
    expect(stored?.status).toBe('order-granted');
    const hearing = stored?.hearings[0];
    expect(
      hearing?.outcome === 'granted' && new Date(hearing.expiresAt ?? '').getTime() - servedAt.getTime(),
    ).toBeGreaterThan(13 * 86_400_000);
  });

  it('an order outside 14 to 28 days is refused at the hearing', async () => {
    const { dvpnCase, constable } = await recentlyServed();
    const officer = await asSignedIn(constable);
    await service.apply(deps, callerAt(constable, new Date()), dvpnCase.id, {
      court: 'Court',
      conditionsSought: [],
      durationSoughtDays: 14,
      summary: 'Risk.',
    });

    const response = await casePost(
      handlers.recordHearing,
      handlers.showHearingForm,
      dvpnCase.id,
      'hearing',
      officer,
      {
        ...dateTimeFields('heardAt', new Date(Date.now() - 60_000)),
        outcome: 'granted',
        durationDays: '30',
      },
    );

    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('A DVPO must last from 14 to 28 days');
    expect((await deps.repository.get(dvpnCase.id))?.status).toBe('served');
  });

  it('an adjournment keeps the notice in force, and a breach then is a breach of the notice', async () => {
    const { dvpnCase, constable } = await recentlyServed();
    const officer = await asSignedIn(constable);
    await service.apply(deps, callerAt(constable, new Date()), dvpnCase.id, {
      court: 'Court',
      conditionsSought: [],
      durationSoughtDays: 14,
      summary: 'Risk.',
    });
    await service.hearing(deps, callerAt(constable, new Date()), dvpnCase.id, {
      outcome: 'adjourned',
      heardAt: new Date(Date.now() - 20 * 60_000),
      adjournedTo: new Date(Date.now() + 86_400_000),
      reason: 'Recipient unwell',
    });

    const response = await casePost(
      handlers.recordBreach,
      handlers.showBreachForm,
      dvpnCase.id,
      'breach',
      officer,
      {
        ...dateTimeFields('occurredAt', new Date(Date.now() - 10 * 60_000)),
        description: 'Returned to the address.',
        arrested: 'yes',
      },
    );

    expect(response.statusCode).toBe(303);
    const stored = await deps.repository.get(dvpnCase.id);
    expect(stored?.status).toBe('adjourned');
    expect(stored?.breaches).toMatchObject([{ of: 'notice', arrested: true }]);
  });
});

describe('Court deadline warnings (24 and 6 hours before)', () => {
  it('warns the case officer and the duty inspectors once at 24 hours, then once at 6 hours', async () => {
    const { dvpnCase, constable } = await servedNotice(deps, { servedAt: new Date('2025-06-03T10:00:00Z') });
    const due = new Date(dvpnCase.service?.hearingDueBy ?? '');
    expect(due.toISOString()).toBe('2025-06-05T10:00:00.000Z');

    await service.sendDueWarnings(deps, new Date(due.getTime() - 20 * 3_600_000), 'corr-sweep-1');
    await service.sendDueWarnings(deps, new Date(due.getTime() - 19 * 3_600_000), 'corr-sweep-2');
    const mine = (envelope: { data: unknown }) =>
      JSON.stringify(envelope.data).includes(dvpnCase.id) &&
      JSON.stringify(envelope.data).includes('hearing for');
    const first = await takeMessage('staff-notifications', mine);
    const second = await takeMessage('staff-notifications', mine);
    const audiences = [first, second].map(
      ({ envelope }) => StaffNotificationRequested.parse(envelope).data.audience,
    );
    await expect(takeMessage('staff-notifications', mine, 2_500)).rejects.toThrow(/No matching message/);
    await service.sendDueWarnings(deps, new Date(due.getTime() - 5 * 3_600_000), 'corr-sweep-3');
    const sixHours = await takeMessage('staff-notifications', mine);

    expect(audiences).toEqual(
      expect.arrayContaining([
        { kind: 'person', collarNumber: constable.collarNumber },
        { kind: 'group', minimumRank: 'inspector', label: 'Duty inspectors' },
      ]),
    );
    expect(StaffNotificationRequested.parse(sixHours.envelope).data.title).toContain('due within 6 hours');
    expect((await deps.repository.get(dvpnCase.id))?.warningsSent).toEqual(['24h', '6h']);
  });
});

describe('Figures per month (seed 002 "Performance management")', () => {
  it('counts and medians for a month, on the page and as CSV', async () => {
    const { dvpnCase, constable } = await servedNotice(deps, { servedAt: new Date('2024-02-06T10:00:00Z') });
    await service.apply(deps, callerAt(constable, new Date('2024-02-06T12:00:00Z')), dvpnCase.id, {
      court: 'Court',
      conditionsSought: [],
      durationSoughtDays: 28,
      summary: 'Risk.',
    });
    await service.hearing(deps, callerAt(constable, new Date('2024-02-07T12:00:00Z')), dvpnCase.id, {
      outcome: 'granted',
      heardAt: new Date('2024-02-07T10:00:00Z'),
      conditions: [],
      durationDays: 28,
    });
    const analyst = await signIn(identityProvider, 'police-staff', 'COMMAND');

    const csv = await handlers.downloadFigures(
      getEvent('/staff/dvpn/figures.csv', {
        cookies: analyst.cookies,
        query: { from: '2024-02', to: '2024-02' },
      }),
    );
    const page = await handlers.viewFigures(
      getEvent('/staff/dvpn/figures', {
        cookies: analyst.cookies,
        query: { from: '2024-02', to: '2024-02' },
      }),
    );

    expect(csv.statusCode).toBe(200);
    expect(header(csv, 'content-type')).toContain('text/csv');
    expect(csv.body?.split('\r\n')[1]).toBe('2024-02,1,1,0,1,1,60,1440');
    expect(page.body).toContain('February 2024');
    expect(page.body).toContain('1 hour');
  });

  it('a constable may not see the figures', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await handlers.viewFigures(
      getEvent('/staff/dvpn/figures', { cookies: constable.cookies }),
    );

    expect(response.statusCode).toBe(403);
  });
});

describe('The JSON API applies the same rules', () => {
  const draftBody = (dateOfBirth = '1990-05-01') => ({
    recipient: { name: 'Sam Recipient', dateOfBirth, address: '1 High Street' },
    protectedPerson: { name: 'Alex Protected', association: 'intimate-personal-relationship' },
    incident: { occurredAt: '2026-06-01T21:30:00Z', location: 'Home', summary: 'Assault.' },
    grounds: { kind: 'violence', detail: 'Struck them.' },
    children: { relevant: false, details: '' },
    protectedPersonOpinion: { opinion: 'Wants protection.', howSought: 'In person.' },
    recipientRepresentations: { representations: 'None made.', howSought: 'In custody.' },
    sharesPremises: false,
    conditions: [],
    court: 'Anytown Magistrates Court',
  });

  it('drafts, submits, refuses an inspector (403, audited) and authorises for a superintendent', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const inspector = await signIn(identityProvider, 'inspector');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const created = await handlers.postDraft(
      postJson('/api/dvpn', draftBody(), { cookies: constable.cookies, routeKey: 'POST /api/dvpn' }),
    );
    const id = JSON.parse(created.body ?? '{}').case.id as string;
    const action = (officer: SignedIn, name: string, body: unknown) =>
      handlers.postCaseAction(
        postJson(`/api/dvpn/${id}/${name}`, body, {
          cookies: officer.cookies,
          pathParameters: { id },
          routeKey: `POST /api/dvpn/{id}/${name}`,
        }),
      );

    const submitted = await action(constable, 'submit', {});
    const byInspector = await action(inspector, 'decision', {
      decision: 'authorise',
      affirmed: [
        'childWelfare',
        'protectedPersonOpinion',
        'recipientRepresentations',
        'reasonableStepsTaken',
      ],
      reasonableGrounds: 'Injury seen.',
    });
    const bySuperintendent = await action(superintendent, 'decision', {
      decision: 'authorise',
      affirmed: [
        'childWelfare',
        'protectedPersonOpinion',
        'recipientRepresentations',
        'reasonableStepsTaken',
      ],
      reasonableGrounds: 'Injury seen.',
    });

    expect(created.statusCode).toBe(201);
    expect(submitted.statusCode).toBe(200);
    expect(byInspector.statusCode).toBe(403);
    expect(bySuperintendent.statusCode).toBe(200);
    expect(JSON.parse(bySuperintendent.body ?? '{}').summary).toMatchObject({
      status: 'authorised',
      noticeStatus: 'pending',
    });
    const entries = await deps.auditLog.entries({ service: 'dvpn', caseId: id });
    expect(entries.map((entry) => [entry.action, entry.outcome, entry.actor])).toContainEqual([
      'api-decision',
      'denied',
      { collarNumber: inspector.collarNumber, rank: 'inspector', department: 'PPU' },
    ]);
  });

  it('a recipient under 18 is refused with 422 naming CSA 2010 s.24(2)', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const superintendent = await signIn(identityProvider, 'superintendent');
    const young = `${new Date().getUTCFullYear() - 16}-01-01`;
    const created = await handlers.postDraft(
      postJson('/api/dvpn', draftBody(young), { cookies: constable.cookies }),
    );
    const id = JSON.parse(created.body ?? '{}').case.id as string;
    await service.submit(deps, callerAt(principal('constable'), new Date()), id);

    const response = await handlers.postCaseAction(
      postJson(
        `/api/dvpn/${id}/decision`,
        {
          decision: 'authorise',
          affirmed: [
            'childWelfare',
            'protectedPersonOpinion',
            'recipientRepresentations',
            'reasonableStepsTaken',
          ],
          reasonableGrounds: 'Injury.',
        },
        {
          cookies: superintendent.cookies,
          pathParameters: { id },
          routeKey: 'POST /api/dvpn/{id}/decision',
        },
      ),
    );

    expect(response.statusCode).toBe(422);
    expect(JSON.parse(response.body ?? '{}')).toMatchObject({
      error: 'refused',
      source: 'Crime and Security Act 2010 s.24(2)',
    });
  });

  it('a body that breaks the schema is a 400 naming the fields', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await handlers.postDraft(
      postJson('/api/dvpn', { ...draftBody(), recipient: { name: '' } }, { cookies: constable.cookies }),
    );

    expect(response.statusCode).toBe(400);
    expect(Object.keys(JSON.parse(response.body ?? '{}').fields)).toEqual(
      expect.arrayContaining(['recipient.name', 'recipient.dateOfBirth', 'recipient.address']),
    );
  });

  it('the draft form and the API agree: the page form fields make a valid API draft', () => {
    expect(draftFormFields().court).toBe(draftBody().court);
  });
});
