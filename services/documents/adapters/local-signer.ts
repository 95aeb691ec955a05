import {
  constants,
  createPrivateKey,
  generateKeyPairSync,
  type KeyObject,
  privateEncrypt,
  randomBytes,
  X509Certificate,
} from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { issueForceCertificate } from '../domain/signing/certificate.ts';
import { type Signer, SigningUnavailableError, sha256DigestInfo } from '../domain/signing/signer.ts';

/** RSASSA-PKCS1-v1_5 over a SHA-256 digest with a key held in this process. */
export const signDigestWithKey = (key: KeyObject, sha256Digest: Buffer): Buffer =>
  privateEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, sha256DigestInfo(sha256Digest));

/** The force's key and certificate from files: `npm start`, tests, and the sample and verify commands. */
export class LocalKeySigner implements Signer {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly certificateDer: Buffer,
  ) {}

  async certificate(): Promise<Buffer> {
    return this.certificateDer;
  }

  async signDigest(sha256Digest: Buffer): Promise<Buffer> {
    return signDigestWithKey(this.privateKey, sha256Digest);
  }
}

export const identityFileName = 'force-signing-identity.pem';
export const certificateFileName = 'force-certificate.pem';

const certificateValidityYears = 10;

/** A positive, non-zero 128-bit serial number (RFC 5280 §4.1.2.2). */
const randomSerialNumber = (): string => {
  const bytes = randomBytes(16);
  bytes[0] = ((bytes[0] ?? 0) & 0x7f) | 0x01;
  return bytes.toString('hex');
};

/** Makes a 2048-bit RSA key and a self-signed certificate naming the force, as one PEM file. */
export const createSigningIdentity = async (forceName: string, now: Date): Promise<string> => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const notAfter = new Date(now);
  notAfter.setUTCFullYear(notAfter.getUTCFullYear() + certificateValidityYears);
  const certificate = await issueForceCertificate({
    forceName,
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    serialNumberHex: randomSerialNumber(),
    notBefore: new Date(now.getTime() - 5 * 60_000),
    notAfter,
    signDigest: async (digest) => signDigestWithKey(privateKey, digest),
  });
  return `${privateKey.export({ type: 'pkcs8', format: 'pem' }).toString()}${new X509Certificate(certificate).toString()}`;
};

/** A signer from one PEM text holding the private key and the certificate (as `createSigningIdentity` makes). */
export const signerFromIdentity = (pem: string): LocalKeySigner => {
  const certificatePem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certificatePem) throw new SigningUnavailableError('The signing identity holds no certificate.');
  return new LocalKeySigner(createPrivateKey(pem), new X509Certificate(certificatePem).raw);
};

const readIdentity = (path: string): LocalKeySigner => signerFromIdentity(readFileSync(path, 'utf8'));

/**
 * The local signing identity in `directory`, created on first use. Creation publishes the file with a
 * hard link, which fails if another process got there first, so two processes starting together still
 * end up signing with one key.
 */
export const localSigner = async (
  directory: string,
  forceName: string,
  now = new Date(),
): Promise<LocalKeySigner> => {
  const path = join(directory, identityFileName);
  try {
    return readIdentity(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const temporary = join(directory, `.${identityFileName}.${process.pid}.${randomBytes(4).toString('hex')}`);
  writeFileSync(temporary, await createSigningIdentity(forceName, now), { mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(temporary);
  }
  const signer = readIdentity(path);
  writeFileSync(
    join(directory, certificateFileName),
    new X509Certificate(await signer.certificate()).toString(),
  );
  return signer;
};
