/**
 * The `Signer` port: whatever holds the force's private key. It is only ever asked to sign a SHA-256
 * digest (RSASSA-PKCS1-v1_5), which is exactly what both a local RSA key and an AWS KMS asymmetric key
 * (`RSASSA_PKCS1_V1_5_SHA_256`, message type DIGEST) offer, so the key never has to leave either.
 */
export interface Signer {
  /** The force's X.509 certificate, DER-encoded, whose public key matches the signing key. */
  certificate(): Promise<Buffer>;
  /** An RSASSA-PKCS1-v1_5 signature over a SHA-256 digest (32 bytes). */
  signDigest(sha256Digest: Buffer): Promise<Buffer>;
}

/** Raised when a signing key cannot sign (unreachable KMS, unreadable key file). */
export class SigningUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SigningUnavailableError';
  }
}

/** ASN.1 DigestInfo prefix for SHA-256 (RFC 8017 §9.2): what RSASSA-PKCS1-v1_5 encrypts with the digest. */
const sha256DigestInfoPrefix = Buffer.from('3031300d060960864801650304020105000420', 'hex');

export const sha256DigestInfo = (sha256Digest: Buffer): Buffer => {
  if (sha256Digest.length !== 32) throw new Error('A SHA-256 digest is 32 bytes.');
  return Buffer.concat([sha256DigestInfoPrefix, sha256Digest]);
};
