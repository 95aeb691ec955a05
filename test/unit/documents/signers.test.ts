import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type GetPublicKeyCommand,
  type GetPublicKeyCommandOutput,
  SignCommand,
  type SignCommandOutput,
} from '@aws-sdk/client-kms';
import type { GetParameterCommand, GetParameterCommandOutput } from '@aws-sdk/client-ssm';
import { afterEach, describe, expect, it } from 'vitest';
import {
  certificateFromParameter,
  issueKmsCertificate,
  KmsSigner,
} from '../../../services/documents/adapters/kms-signer.ts';
import {
  certificateFileName,
  identityFileName,
  localSigner,
  signDigestWithKey,
} from '../../../services/documents/adapters/local-signer.ts';
import { produceSignedDocument } from '../../../services/documents/domain/produce.ts';
import { certificateFingerprint } from '../../../services/documents/domain/signing/certificate.ts';
import { verifyPdf } from '../../../services/documents/domain/verification/verify-document.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { context, fonts, forceName, pdfsig } from './support.ts';

/**
 * A stand-in for AWS KMS that holds a real RSA key: it answers Sign (RSASSA_PKCS1_V1_5_SHA_256 over a
 * digest) and GetPublicKey the way KMS does, and records what it was asked.
 */
const stubKms = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const requests: unknown[] = [];
  return {
    requests,
    client: {
      send: async (
        command: SignCommand | GetPublicKeyCommand,
      ): Promise<SignCommandOutput & GetPublicKeyCommandOutput> => {
        requests.push(command.input);
        if (command instanceof SignCommand) {
          const { Message, MessageType, SigningAlgorithm } = command.input;
          if (MessageType !== 'DIGEST' || SigningAlgorithm !== 'RSASSA_PKCS1_V1_5_SHA_256' || !Message) {
            throw new Error('The stub only signs SHA-256 digests with RSASSA_PKCS1_V1_5_SHA_256.');
          }
          return { $metadata: {}, Signature: signDigestWithKey(privateKey, Buffer.from(Message)) };
        }
        return {
          $metadata: {},
          KeySpec: 'RSA_2048',
          PublicKey: publicKey.export({ type: 'spki', format: 'der' }),
        };
      },
    },
  };
};

const temporaryDirectories: string[] = [];
const temporaryDirectory = (): string => {
  const directory = mkdtempSync(join(tmpdir(), 'documents-keys-'));
  temporaryDirectories.push(directory);
  return directory;
};

afterEach(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

describe('KMS signer (issue §2), against a stub KMS holding a real key', () => {
  it('a certificate issued through KMS names the force and verifies with the KMS key', async () => {
    const kms = stubKms();

    const pem = await issueKmsCertificate({
      kms: kms.client,
      keyId: 'alias/documents-signing',
      forceName,
      serialNumberHex: '0a1b2c3d4e5f',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
    });

    const certificate = new X509Certificate(pem);
    expect(certificate.subject).toContain(`O=${forceName}`);
    expect(certificate.verify(certificate.publicKey)).toBe(true);
  });

  it('a document signed through KMS is valid and totally signed by pdfsig, and genuine to our verifier', async () => {
    const kms = stubKms();
    const pem = await issueKmsCertificate({
      kms: kms.client,
      keyId: 'alias/documents-signing',
      forceName,
      serialNumberHex: '01',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
    });
    const signer = new KmsSigner(kms.client, 'alias/documents-signing', new X509Certificate(pem).raw);

    const result = await produceSignedDocument(
      { documentType: 'dvpn-notice', templateData: sampleTemplateData('dvpn-notice'), context: context() },
      fonts,
      signer,
    );

    if (!result.ok) throw new Error('refused');
    const { output } = pdfsig(result.pdf);
    expect(output).toContain('Signature is Valid.');
    expect(output).toContain('Total document signed');
    const report = await verifyPdf(result.pdf, {
      forceName,
      currentFingerprint: certificateFingerprint(await signer.certificate()),
    });
    expect(report.checks.filter((check) => check.status === 'passed').map((check) => check.name)).toEqual([
      'is-pdf',
      'has-signature',
      'signature-valid',
      'covers-whole-document',
      'signed-by-force',
    ]);
    expect(kms.requests.at(-1)).toMatchObject({ KeyId: 'alias/documents-signing', MessageType: 'DIGEST' });
  });

  it('reads the force certificate from Parameter Store', async () => {
    const kms = stubKms();
    const pem = await issueKmsCertificate({
      kms: kms.client,
      keyId: 'k',
      forceName,
      serialNumberHex: '02',
      notBefore: new Date('2026-01-01T00:00:00Z'),
      notAfter: new Date('2036-01-01T00:00:00Z'),
    });
    const asked: string[] = [];
    const ssm = {
      send: async (command: GetParameterCommand): Promise<GetParameterCommandOutput> => {
        asked.push(command.input.Name ?? '');
        return { $metadata: {}, Parameter: { Value: pem } };
      },
    };

    const der = await certificateFromParameter(ssm, '/documents/signing-certificate');

    expect(asked).toEqual(['/documents/signing-certificate']);
    expect(der.equals(new X509Certificate(pem).raw)).toBe(true);
  });
});

describe('Local signer (issue §2)', () => {
  it('creates the force key and certificate on first use, private to the owner', async () => {
    const directory = temporaryDirectory();

    await localSigner(directory, forceName, new Date('2026-01-01T00:00:00Z'));

    expect(statSync(join(directory, identityFileName)).mode & 0o077).toBe(0);
    const certificate = new X509Certificate(readFileSync(join(directory, certificateFileName)));
    expect(certificate.subject).toContain(`CN=${forceName} document signing`);
    expect(certificate.validTo).toContain('2036');
  });

  it('uses the same key on every later start', async () => {
    const directory = temporaryDirectory();
    const first = await localSigner(directory, forceName);

    const second = await localSigner(directory, forceName);

    expect((await second.certificate()).equals(await first.certificate())).toBe(true);
  });

  it('two processes starting together end up with one key', async () => {
    const directory = temporaryDirectory();

    const [a, b] = await Promise.all([localSigner(directory, forceName), localSigner(directory, forceName)]);

    expect((await a.certificate()).equals(await b.certificate())).toBe(true);
    expect(existsSync(join(directory, identityFileName))).toBe(true);
  });
});
