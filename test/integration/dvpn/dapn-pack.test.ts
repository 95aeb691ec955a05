import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { dapnStatutoryStatements } from '../../../services/documents/domain/templates/dapn-notice.ts';
import { DapnNoticeInput, DocumentReply, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { bucketEnvName } from '../../../shared/manifest/names.ts';
import { csrfPair, postForm } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { oneWord, pdfsig, pdfText } from '../../unit/documents/support.ts';
import { callerAt, servedNotice } from './fixtures.ts';
import {
  caseIdFrom,
  deliver,
  draftFormFields,
  type Handler,
  type SignedIn,
  signIn,
  takeMessage,
} from './support.ts';

const identityProvider = await startTestIdentityProvider();
const keyDirectory = mkdtempSync(join(tmpdir(), 'dvpn-dapn-integration-keys-'));
// The only difference from the CSA 2010 set-up is configuration: no code changes to switch packs.
const environment = useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'dvpn-integration-csrf-secret-0123456789abcdef',
  DVPN_RULES_PACK: 'dapn',
  FORCE_NAME: 'Northshire Police',
  SIGNER: 'local',
  SIGNING_KEY_DIR: keyDirectory,
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
const { handler: attachDocument } = await import('../../../services/dvpn/handlers/attach-document.ts');
const { handler: issueDocument } = await import('../../../services/documents/handlers/issue-document.ts');
const { caseServiceDependencies } = await import('../../../services/dvpn/composition-root.ts');
const service = await import('../../../services/dvpn/case-service.ts');
const deps = caseServiceDependencies();
const s3 = new S3Client({ forcePathStyle: true });

afterAll(() => {
  delete process.env.DVPN_RULES_PACK;
  rmSync(keyDirectory, { recursive: true, force: true });
  return identityProvider.stop();
});

/**
 * The documents service answers a request of this case's as it does in the deployed system: its consumer
 * takes the request off the real queue, renders, signs and stores the PDF, and replies; the dvpn consumer
 * takes the reply. Returns the signed PDF and the request it answered.
 */
const produceDocument = async (caseId: string, documentType: string) => {
  const { envelope, message } = await takeMessage(
    'document-requests',
    (candidate) =>
      JSON.stringify(candidate.data).includes(caseId) &&
      JSON.stringify(candidate.data).includes(`"documentType":"${documentType}"`),
  );
  const request = DocumentRequested.parse(envelope);
  expect((await deliver('document-requests', message, issueDocument)).batchItemFailures).toEqual([]);
  const answered = await takeMessage('dvpn-document-replies', (candidate) =>
    JSON.stringify(candidate.data).includes(request.data.requestId),
  );
  const reply = DocumentReply.parse(answered.envelope);
  if (reply.type !== 'document-ready') throw new Error(`Expected document-ready, got ${reply.type}`);
  expect(
    (await deliver('dvpn-document-replies', answered.message, attachDocument)).batchItemFailures,
  ).toEqual([]);
  const object = await s3.send(
    new GetObjectCommand({
      Bucket: environment[bucketEnvName('documents', 'signed')],
      Key: reply.data.documentId,
    }),
  );
  const pdf = Buffer.from((await object.Body?.transformToByteArray()) ?? []);
  return { request, reply, pdf };
};

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

  it('an inspector may give the notice (DAA 2021 s.22(8)); the DAPN template is asked for, signed and issues the case', async () => {
    const constable = await signIn(identityProvider, 'constable');
    const inspector = await signIn(identityProvider, 'inspector');
    const id = caseIdFrom(
      await post(
        handlers.createDraft,
        handlers.showDraftForm,
        '/staff/dvpn/new',
        '/staff/dvpn/new',
        constable,
        draftFormFields({ groundsKind: 'abusive-behaviour' }),
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
    expect(await deps.repository.get(id)).toMatchObject({
      status: 'authorised',
      decision: { outcome: 'authorised', by: { rank: 'inspector' } },
      notice: { status: 'pending' },
    });
    const { request, reply, pdf } = await produceDocument(id, 'dapn-notice');
    const notice = DapnNoticeInput.parse(request.data.templateData);
    expect(notice).toMatchObject({
      authorisedBy: { collarNumber: inspector.collarNumber, rank: 'inspector' },
      sharedPremises: { address: '1 High Street, Anytown, AN1 1AA', noEntry: true, mustLeave: true },
      keepAway: { metres: 100 },
    });
    expect(await deps.repository.get(id)).toMatchObject({
      status: 'notice-issued',
      notice: { status: 'ready', documentId: reply.data.documentId, sha256: reply.data.sha256 },
    });
    const text = pdfText(pdf);
    for (const statement of Object.values(dapnStatutoryStatements(notice))) {
      expect(text).toContain(oneWord(statement));
    }
    expect(text).not.toContain('Crime and Security Act');
    expect(pdfsig(pdf).output).toContain('Signature is Valid.');
    expect(pdfsig(pdf).output).toContain('Total document signed');
  });

  it('after service, the application goes to the DAPO template and may be sought until further order (DAA 2021 s.38(3))', async () => {
    const { dvpnCase, constable } = await servedNotice(deps, {
      servedAt: new Date(Math.floor((Date.now() - 3_600_000) / 60_000) * 60_000),
    });
    expect(dvpnCase.pack.id).toBe('dapn');

    await service.apply(deps, callerAt(constable, new Date()), dvpnCase.id, {
      court: 'Anytown Magistrates Court',
      conditionsSought: ['no-contact', 'not-enter'],
      durationSoughtDays: null,
      summary: 'The recipient remains a risk to the protected person.',
    });

    const { request, pdf } = await produceDocument(dvpnCase.id, 'dapo-application-pack');
    expect(request.data.templateData).toMatchObject({
      durationDays: null,
      requirementsSought: [
        'You must not be abusive towards the person protected by the order.',
        'Not to contact the person protected',
        'Not to enter the premises (1 High Street, Anytown, AN1 1AA)',
      ],
    });
    expect((await deps.repository.get(dvpnCase.id))?.application?.pack.status).toBe('ready');
    const text = pdfText(pdf);
    expect(text).toContain('Application for a Domestic Abuse Protection Order');
    expect(text).toContain('Until further order (section 38(3)(c))');
    expect(pdfsig(pdf).output).toContain('Signature is Valid.');
    expect(pdfsig(pdf).output).toContain('Total document signed');
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
