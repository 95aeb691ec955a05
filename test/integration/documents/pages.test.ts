import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Department, Rank } from '../../../shared/auth/principal.ts';
import type { DocumentRequestHeader } from '../../../shared/contracts/documents.ts';
import { csrfPair, getEvent, header, httpEvent } from '../../support/http-events.ts';
import { startTestIdentityProvider } from '../../support/staff-tokens.ts';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';
import { withBytesAppended, withOneByteChanged } from '../../unit/documents/support.ts';

const identityProvider = await startTestIdentityProvider();
const keyDirectory = mkdtempSync(join(tmpdir(), 'documents-pages-keys-'));
useLocalEnvironment({
  ...identityProvider.environment,
  CSRF_SECRET: 'documents-integration-csrf-secret-0123456789',
  FORCE_NAME: 'Northshire Police',
  SIGNER: 'local',
  SIGNING_KEY_DIR: keyDirectory,
});
const { handler: viewVerifyPage } = await import('../../../services/documents/handlers/view-verify-page.ts');
const { handler: verifyDocument } = await import('../../../services/documents/handlers/verify-document.ts');
const { handler: downloadDocument } = await import(
  '../../../services/documents/handlers/download-document.ts'
);
const { issueDependencies, documentRegister } = await import(
  '../../../services/documents/adapters/composition.ts'
);
const { issueDocument } = await import('../../../services/documents/domain/issue-document.ts');
const { sampleTemplateData } = await import('../../../services/documents/sample-data.ts');
const { auditLogFromEnvironment } = await import('../../../shared/audit/dynamo-audit-log.ts');

afterAll(async () => {
  await identityProvider.stop();
  rmSync(keyDirectory, { recursive: true, force: true });
});

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

const session = (rank: Rank | 'police-staff', department: Department) => {
  const collarNumber = `T${randomUUID().slice(0, 6)}`;
  return identityProvider.sign({ sub: `sub-${collarNumber}`, collarNumber, rank, department });
};

/** A document issued through the real consumer workflow, answered to a reply sender that keeps it. */
const issue = async (
  requestingService: string,
  documentType: DocumentRequestHeader['data']['documentType'],
) => {
  const dependencies = await issueDependencies();
  const outcome = await issueDocument(
    {
      type: 'document-requested',
      version: 1,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: 'corr-pages',
      data: {
        requestId: randomUUID(),
        requestingService,
        caseId: `case-${randomUUID().slice(0, 8)}`,
        replyTo: 'unused',
        documentType,
        templateData: sampleTemplateData(documentType as never),
      },
    },
    { ...dependencies, replies: { send: async () => undefined } },
  );
  if (outcome.kind !== 'issued') throw new Error('not issued');
  const pdf = await dependencies.store.get(outcome.reply.data.documentId);
  if (!pdf) throw new Error('not stored');
  return { ...outcome.reply.data, pdf };
};

const multipart = (fields: Record<string, string>, file?: { name: string; content: Buffer }) => {
  const boundary = `----documents${randomUUID().replace(/-/g, '')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="document"; filename="${file?.name ?? ''}"\r\nContent-Type: ${file ? 'application/pdf' : 'application/octet-stream'}\r\n\r\n`,
    ),
    file?.content ?? Buffer.alloc(0),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
};

const post = async (fields: Record<string, string>, file?: { name: string; content: Buffer }) => {
  const cookie = await session('constable', 'FORCE_RESPONSE');
  const csrf = await csrfPair(viewVerifyPage as Handler, '/documents/verify', {
    cookies: { '__Host-session': cookie },
  });
  const { body, contentType } = multipart({ _csrf: csrf.token, ...fields }, file);
  const response = await (verifyDocument as Handler)(
    httpEvent({
      method: 'POST',
      path: '/documents/verify',
      headers: { 'content-type': contentType },
      cookies: { '__Host-session': cookie, '__Host-csrf': csrf.cookie },
      body: body.toString('base64'),
      isBase64Encoded: true,
    }),
  );
  return { status: response.statusCode, html: response.body ?? '' };
};

const textOf = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;|&rsquo;/g, '’')
    .replace(/\s+/g, ' ');

let notice: Awaited<ReturnType<typeof issue>>;

beforeAll(async () => {
  notice = await issue('dvpn', 'dvpn-notice');
});

describe('The verify page /documents/verify (issue §5)', () => {
  it('shows the upload form with its CSRF token to any member of staff', async () => {
    const response = await (viewVerifyPage as Handler)(
      getEvent('/documents/verify', {
        cookies: { '__Host-session': await session('police-staff', 'CONTACT_CENTRE') },
      }),
    );

    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('enctype="multipart/form-data"');
    expect(response.body).toContain('name="_csrf"');
  });

  it('accepts a document the force issued, as stored in the bucket', async () => {
    const { status, html } = await post({ reference: '' }, { name: 'notice.pdf', content: notice.pdf });

    expect(status).toBe(200);
    expect(textOf(html)).toContain(
      `This is a genuine document issued by Northshire Police (reference ${notice.documentId})`,
    );
  });

  it('rejects the same document after one byte is changed', async () => {
    const { html } = await post({}, { name: 'notice.pdf', content: withOneByteChanged(notice.pdf) });

    const text = textOf(html);
    expect(text).toContain('Not genuine');
    expect(text).toContain('The signed contents have changed since they were signed');
  });

  it('rejects the document with bytes appended after signing', async () => {
    const { html } = await post({}, { name: 'notice.pdf', content: withBytesAppended(notice.pdf) });

    expect(textOf(html)).toContain('Something was added to the file after it was signed');
  });

  it('says clearly when the file is not a PDF', async () => {
    const { html } = await post({}, { name: 'photo.pdf', content: Buffer.from('\x89PNG not a pdf') });

    expect(textOf(html)).toContain('The file is not a PDF');
  });

  it('checks a typed reference: issued, in force, and the stored copy verifies', async () => {
    const { html } = await post({ reference: notice.documentId.toLowerCase() });

    const text = textOf(html);
    expect(text).toContain('Issued by the force');
    expect(text).toContain('In force (not revoked)');
    expect(text).toContain('This is a genuine document issued by Northshire Police');
  });

  it('a revoked document is shown as revoked with its reason', async () => {
    const revoked = await issue('dvpn', 'dvpn-notice');
    await documentRegister().revoke(revoked.documentId, {
      at: new Date().toISOString(),
      reason: 'Replaced by a corrected notice.',
      byCollarNumber: '4412',
    });

    const { html } = await post({}, { name: 'notice.pdf', content: revoked.pdf });

    expect(textOf(html)).toContain('Replaced by a corrected notice.');
    expect(textOf(html)).toContain('Not genuine');
  });

  it('a reference in the wrong shape is an error on that field, with what was typed kept', async () => {
    const { status, html } = await post({ reference: 'DVPN-42' });

    expect(status).toBe(400);
    expect(html).toContain('href="#reference"');
    expect(html).toContain('value="DVPN-42"');
  });

  it('neither a file nor a reference is an error asking for one', async () => {
    const { status, html } = await post({ reference: '' });

    expect(status).toBe(400);
    expect(textOf(html)).toContain('Choose a PDF to check, or enter its reference');
  });

  it('a POST without the form token is refused', async () => {
    const { body, contentType } = multipart({ reference: notice.documentId });

    const response = await (verifyDocument as Handler)(
      httpEvent({
        method: 'POST',
        path: '/documents/verify',
        headers: { 'content-type': contentType },
        cookies: { '__Host-session': await session('constable', 'FORCE_RESPONSE') },
        body: body.toString('base64'),
        isBase64Encoded: true,
      }),
    );

    expect(response.statusCode).toBe(403);
  });
});

describe('Downloading a document /staff/documents/{id} (issue §5: the owning service’s policy, audited)', () => {
  const download = async (documentId: string, rank: Rank | 'police-staff', department: Department) =>
    (downloadDocument as Handler)(
      getEvent(`/staff/documents/${documentId}`, {
        pathParameters: { id: documentId },
        cookies: { '__Host-session': await session(rank, department) },
      }),
    );

  it('a constable downloads a DVPN notice: the exact signed bytes, as an attachment, recorded in the case audit chain', async () => {
    const response = await download(notice.documentId, 'constable', 'FORCE_RESPONSE');

    expect(response.statusCode).toBe(200);
    expect(header(response, 'content-type')).toBe('application/pdf');
    expect(header(response, 'content-disposition')).toBe(`attachment; filename="${notice.documentId}.pdf"`);
    const bytes = Buffer.from(response.body ?? '', 'base64');
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(notice.sha256);
    const entries = await auditLogFromEnvironment().entries({ service: 'dvpn', caseId: notice.caseId });
    expect(entries.at(-1)).toMatchObject({ action: 'download-dvpn-notice', outcome: 'allowed' });
  });

  it('a Clare’s Law disclosure record is refused to an officer outside the PPU, and the refusal recorded', async () => {
    const record = await issue('clares-law', 'clares-law-disclosure-record');

    const response = await download(record.documentId, 'superintendent', 'FORCE_RESPONSE');

    expect(response.statusCode).toBe(403);
    const entries = await auditLogFromEnvironment().entries({ service: 'clares-law', caseId: record.caseId });
    expect(entries.at(-1)).toMatchObject({
      action: 'download-clares-law-disclosure-record',
      outcome: 'denied',
    });
  });

  it('a PPU officer may download the disclosure record', async () => {
    const record = await issue('clares-law', 'clares-law-disclosure-record');

    const response = await download(record.documentId, 'constable', 'PPU');

    expect(response.statusCode).toBe(200);
  });

  it('an unknown reference is not found', async () => {
    const response = await download('DOC-0000-0000-0000-0000', 'chief-constable', 'COMMAND');

    expect(response.statusCode).toBe(404);
  });
});
