import { X509Certificate } from 'node:crypto';
import {
  GetPublicKeyCommand,
  type GetPublicKeyCommandOutput,
  SignCommand,
  type SignCommandOutput,
} from '@aws-sdk/client-kms';
import { GetParameterCommand, type GetParameterCommandOutput } from '@aws-sdk/client-ssm';
import { issueForceCertificate } from '../domain/signing/certificate.ts';
import { type Signer, SigningUnavailableError } from '../domain/signing/signer.ts';

/** What this adapter asks of a KMS client; `KMSClient` fits, and so does a test stub. */
export interface KmsSigningClient {
  send(command: SignCommand): Promise<SignCommandOutput>;
}

export interface KmsKeyClient {
  send(command: GetPublicKeyCommand): Promise<GetPublicKeyCommandOutput>;
}

export interface ParameterClient {
  send(command: GetParameterCommand): Promise<GetParameterCommandOutput>;
}

/**
 * Signs with an AWS KMS asymmetric key (RSA, `RSASSA_PKCS1_V1_5_SHA_256`): only the digest travels to
 * KMS and the private key never leaves it. The key policy lets only the documents function call Sign.
 */
export class KmsSigner implements Signer {
  constructor(
    private readonly kms: KmsSigningClient,
    private readonly keyId: string,
    private readonly certificateDer: Buffer,
  ) {}

  async certificate(): Promise<Buffer> {
    return this.certificateDer;
  }

  async signDigest(sha256Digest: Buffer): Promise<Buffer> {
    let result: SignCommandOutput;
    try {
      result = await this.kms.send(
        new SignCommand({
          KeyId: this.keyId,
          Message: sha256Digest,
          MessageType: 'DIGEST',
          SigningAlgorithm: 'RSASSA_PKCS1_V1_5_SHA_256',
        }),
      );
    } catch (error) {
      throw new SigningUnavailableError('The KMS signing key could not sign.', { cause: error });
    }
    if (!result.Signature) throw new SigningUnavailableError('KMS returned no signature.');
    return Buffer.from(result.Signature);
  }
}

/** The force certificate kept in SSM Parameter Store as PEM. */
export const certificateFromParameter = async (ssm: ParameterClient, name: string): Promise<Buffer> => {
  const result = await ssm.send(new GetParameterCommand({ Name: name }));
  const pem = result.Parameter?.Value;
  if (!pem) throw new SigningUnavailableError(`Parameter ${name} holds no certificate.`);
  return new X509Certificate(pem).raw;
};

/**
 * Makes the force certificate for a KMS key, self-signed by that key (run once when the key is created,
 * and the PEM stored in Parameter Store): the same certificate code as the local key, signing through KMS.
 */
export const issueKmsCertificate = async (options: {
  readonly kms: KmsSigningClient & KmsKeyClient;
  readonly keyId: string;
  readonly forceName: string;
  readonly serialNumberHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
}): Promise<string> => {
  const key = await options.kms.send(new GetPublicKeyCommand({ KeyId: options.keyId }));
  if (!key.PublicKey || key.KeySpec?.startsWith('RSA_') !== true) {
    throw new SigningUnavailableError('The KMS key is not an RSA signing key.');
  }
  const publicKeyPem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(key.PublicKey)
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .trimEnd()}\n-----END PUBLIC KEY-----\n`;
  const signer = new KmsSigner(options.kms, options.keyId, Buffer.alloc(0));
  const der = await issueForceCertificate({
    forceName: options.forceName,
    publicKeyPem,
    serialNumberHex: options.serialNumberHex,
    notBefore: options.notBefore,
    notAfter: options.notAfter,
    signDigest: (digest) => signer.signDigest(digest),
  });
  return new X509Certificate(der).toString();
};
