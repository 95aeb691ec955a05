import { afterAll, describe, expect, it } from 'vitest';
import { csrfPair, postForm } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { caseIdFrom, draftFormFields, type Handler, type SignedIn, signIn, takeMessage } from './support.ts';

const identityProvider = await startTestIdentityProvider();
// The only difference from the CSA 2010 set-up is configuration: no code changes to switch packs.
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'dvpn-integration-csrf-secret-0123456789abcdef',
  DVPN_RULES_PACK: 'dapn',
});

const load = async (name: string) =>
  (await import(`../../../services/dvpn/handlers/${name}.ts`)).handler as Handler;
const handlers = {
  showDraftForm: await load('show-draft-form'),
  createDraft: await load('create-draft'),
  viewCase: await load('view-case'),
  submitNotice: await load('submit-notice'),
  showDecisionForm: await load('show-decision-form'),
  decideNotice: await load('decide-notice'),
};
const { caseServiceDependencies } = await import('../../../services/dvpn/composition-root.ts');
const deps = caseServiceDependencies();

afterAll(() => {
  delete process.env.DVPN_RULES_PACK;
  return identityProvider.stop();
});

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

describe('The DAPN pilot pack chosen by configuration (Domestic Abuse Act 2021 Part 3)', () => {
  it('a draft for any domestic abuse is recorded under the DAPN pack and version', async () => {
    const constable = await signIn(identityProvider, 'constable');

    const response = await post(
      handlers.createDraft,
      handlers.showDraftForm,
      '/staff/dvpn/new',
      '/staff/dvpn/new',
      constable,
      draftFormFields({ groundsKind: 'abusive-behaviour' }),
    );

    const stored = await deps.repository.get(caseIdFrom(response));
    expect(stored).toMatchObject({
      pack: { id: 'dapn', version: 'daa2021-1' },
      details: { grounds: { kind: 'abusive-behaviour' } },
    });
  });

  it('an inspector may give the notice (DAA 2021 s.22(8)); with no DAPN template it waits as "notice pending" with the reason', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const inspector = await signIn(identityProvider, 'inspector');
    const id = caseIdFrom(
      await post(
        handlers.createDraft,
        handlers.showDraftForm,
        '/staff/dvpn/new',
        '/staff/dvpn/new',
        constable,
        draftFormFields(),
      ),
    );
    await post(
      handlers.submitNotice,
      handlers.viewCase,
      `/staff/dvpn/${id}`,
      `/staff/dvpn/${id}/submit`,
      constable,
      {},
      { id },
    );

    const response = await post(
      handlers.decideNotice,
      handlers.showDecisionForm,
      `/staff/dvpn/${id}/decision`,
      `/staff/dvpn/${id}/decision`,
      inspector,
      {
        decision: 'authorise',
        considerations: [
          'childWelfare',
          'protectedPersonOpinion',
          'recipientRepresentations',
          'reasonableStepsTaken',
          'otherOccupantsOpinion',
        ],
        reasonableGrounds: 'Coercive control over months; threats last night.',
      },
      { id },
    );

    expect(response.statusCode).toBe(303);
    const stored = await deps.repository.get(id);
    expect(stored).toMatchObject({
      status: 'authorised',
      decision: { outcome: 'authorised', by: { rank: 'inspector' } },
      notice: {
        status: 'failed',
        failure: 'The documents service has no DAPN notice template; the notice cannot be produced yet.',
      },
    });
    await expect(
      takeMessage('document-requests', (message) => JSON.stringify(message.data).includes(id), 2_500),
    ).rejects.toThrow(/No matching message/);
  });

  it('the submission goes to the duty inspectors, the rank the pack names', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const id = caseIdFrom(
      await post(
        handlers.createDraft,
        handlers.showDraftForm,
        '/staff/dvpn/new',
        '/staff/dvpn/new',
        constable,
        draftFormFields(),
      ),
    );

    await post(
      handlers.submitNotice,
      handlers.viewCase,
      `/staff/dvpn/${id}`,
      `/staff/dvpn/${id}/submit`,
      constable,
      {},
      { id },
    );

    const { envelope } = await takeMessage('staff-notifications', (message) =>
      JSON.stringify(message.data).includes(id),
    );
    expect(envelope.data).toMatchObject({
      audience: { kind: 'group', minimumRank: 'inspector', label: 'Duty inspectors' },
      title: expect.stringMatching(/^DAPN /),
    });
  });
});
