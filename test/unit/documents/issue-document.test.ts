import { describe, expect, it } from 'vitest';
import { type IssueDependencies, issueDocument } from '../../../services/documents/domain/issue-document.ts';
import { SigningUnavailableError } from '../../../services/documents/domain/signing/signer.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import type { DocumentRequestHeader } from '../../../shared/contracts/documents.ts';
import { InMemoryRegister, InMemoryStore, RecordingReplies } from './in-memory.ts';
import { fonts, forceName, pdfsig, signerFor } from './support.ts';

const request = (
  overrides: Partial<DocumentRequestHeader['data']> = {},
  id = '7d0f3f38-1c51-4a5e-9b0e-2f3b8f1c2a01',
): DocumentRequestHeader => ({
  type: 'document-requested',
  version: 1,
  id,
  occurredAt: '2026-03-14T10:29:00.000Z',
  correlationId: 'correlation-1',
  data: {
    requestId: 'dvpn-request-1',
    requestingService: 'dvpn',
    caseId: 'case-1',
    replyTo: 'dvpn-document-replies',
    documentType: 'dvpn-notice',
    templateData: sampleTemplateData('dvpn-notice'),
    ...overrides,
  },
});

const world = async () => {
  const register = new InMemoryRegister();
  const store = new InMemoryStore();
  const replies = new RecordingReplies();
  let ids = 0;
  const dependencies: IssueDependencies = {
    register,
    store,
    replies,
    signer: await signerFor(),
    fonts,
    forceName,
    newDocumentId: () => `DOC-0000-0000-0000-000${++ids}`,
    now: () => new Date('2026-03-14T10:30:00Z'),
  };
  return { register, store, replies, dependencies };
};

describe('Issuing a requested document (issue §4)', () => {
  it('renders, signs, stores under the document id, records the hash and replies document-ready', async () => {
    const { register, store, replies, dependencies } = await world();

    const outcome = await issueDocument(request(), dependencies);

    expect(outcome.kind).toBe('issued');
    const stored = await store.get('DOC-0000-0000-0000-0001');
    expect(stored && pdfsig(stored).output).toContain('Signature is Valid.');
    const record = await register.findById('DOC-0000-0000-0000-0001');
    expect(record).toMatchObject({
      documentType: 'dvpn-notice',
      requestingService: 'dvpn',
      caseId: 'case-1',
    });
    expect(replies.sent).toHaveLength(1);
    expect(replies.sent[0]?.queue).toBe('dvpn-document-replies');
    expect(replies.sent[0]?.reply).toMatchObject({
      type: 'document-ready',
      correlationId: 'correlation-1',
      data: {
        requestId: 'dvpn-request-1',
        documentId: 'DOC-0000-0000-0000-0001',
        sha256: record?.sha256,
        downloadPath: '/staff/documents/DOC-0000-0000-0000-0001',
      },
    });
  });

  it('a redelivered request makes no second document and sends the same reply again', async () => {
    const { store, replies, dependencies } = await world();
    await issueDocument(request(), dependencies);

    const again = await issueDocument(request({}, 'e3b0c442-98fc-4c14-9afb-f4c8996fb924'), dependencies);

    expect(again.repeated).toBe(true);
    expect([...store.objects.keys()]).toEqual(['DOC-0000-0000-0000-0001']);
    expect(store.objects.get('DOC-0000-0000-0000-0001')).toHaveLength(1);
    expect(replies.sent).toHaveLength(2);
    expect(replies.sent[1]?.reply).toEqual(replies.sent[0]?.reply);
  });

  it('a retry after a crash between storing and recording re-creates the same bytes under the same id', async () => {
    const { register, store, dependencies } = await world();
    const recordIssued = register.recordIssued.bind(register);
    register.recordIssued = () => Promise.reject(new Error('table unreachable'));
    await expect(issueDocument(request(), dependencies)).rejects.toThrow('table unreachable');
    register.recordIssued = recordIssued;

    await issueDocument(request(), { ...dependencies, now: () => new Date('2026-03-14T11:00:00Z') });

    const versions = store.objects.get('DOC-0000-0000-0000-0001') ?? [];
    expect(versions).toHaveLength(2);
    expect(versions[1]?.equals(versions[0] ?? Buffer.alloc(0))).toBe(true);
    expect((await register.findById('DOC-0000-0000-0000-0001'))?.createdAt).toBe('2026-03-14T10:30:00.000Z');
  });

  it('template data that fails its schema is answered document-failed with field paths, never values', async () => {
    const { store, replies, dependencies } = await world();
    const templateData = {
      ...(sampleTemplateData('dvpn-notice') as object),
      recipient: { fullName: 'Zoë Łukasiewicz-Nowak', dateOfBirth: '14/07/1988', address: 'Flat 3' },
      authorisedBy: { name: 'Ivy Inspector', rank: 'inspector', collarNumber: '1' },
    };

    const outcome = await issueDocument(request({ templateData }), dependencies);

    expect(outcome.kind).toBe('refused');
    const reply = replies.sent[0]?.reply;
    expect(reply).toMatchObject({ type: 'document-failed', data: { reason: 'invalid-template-data' } });
    expect(reply?.type === 'document-failed' && reply.data.fieldErrors.map((error) => error.path)).toEqual([
      'recipient.dateOfBirth',
      'authorisedBy.rank',
    ]);
    expect(JSON.stringify(reply)).not.toContain('14/07/1988');
    expect(JSON.stringify(reply)).not.toContain('Łukasiewicz');
    expect(store.objects.size).toBe(0);
  });

  it('DVPN authorised below superintendent is refused (CSA 2010 s.24(2))', async () => {
    const { dependencies } = await world();
    const templateData = {
      ...(sampleTemplateData('dvpn-notice') as object),
      authorisedBy: { name: 'Ivy Inspector', rank: 'chief-inspector', collarNumber: '1' },
    };

    const outcome = await issueDocument(request({ templateData }), dependencies);

    expect(outcome.kind).toBe('refused');
  });

  it('an unknown document type is answered document-failed', async () => {
    const { replies, dependencies } = await world();

    await issueDocument(request({ documentType: 'parking-ticket' }), dependencies);

    expect(replies.sent[0]?.reply).toMatchObject({ data: { reason: 'unknown-document-type' } });
  });

  it('a character the font lacks is answered document-failed naming the field', async () => {
    const { replies, dependencies } = await world();
    const templateData = {
      ...(sampleTemplateData('dvpn-notice') as object),
      protectedPerson: { fullName: '李 Ó Briain' },
    };

    await issueDocument(request({ templateData }), dependencies);

    expect(replies.sent[0]?.reply).toMatchObject({
      data: {
        reason: 'unsupported-character',
        fieldErrors: [
          { path: 'protectedPerson.fullName', message: 'The document font has no glyph for U+674E.' },
        ],
      },
    });
  });

  it('a refused request asked again gets the same refusal', async () => {
    const { replies, dependencies } = await world();
    const refused = request({ documentType: 'parking-ticket' });
    await issueDocument(refused, dependencies);

    const again = await issueDocument(refused, dependencies);

    expect(again).toMatchObject({ kind: 'refused', repeated: true });
    expect(replies.sent[1]?.reply).toEqual(replies.sent[0]?.reply);
  });

  it('a signing key that does not match its certificate stores nothing', async () => {
    const { store, replies, dependencies } = await world();
    const other = await signerFor('Elsewhere Constabulary');
    const mismatched = {
      certificate: () => dependencies.signer.certificate(),
      signDigest: (digest: Buffer) => other.signDigest(digest),
    };

    await expect(issueDocument(request(), { ...dependencies, signer: mismatched })).rejects.toBeInstanceOf(
      SigningUnavailableError,
    );
    expect(store.objects.size).toBe(0);
    expect(replies.sent).toHaveLength(0);
  });
});
