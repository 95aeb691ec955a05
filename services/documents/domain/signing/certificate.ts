import { createHash, X509Certificate } from 'node:crypto';
import forge from 'node-forge';

export interface ForceCertificateRequest {
  readonly forceName: string;
  /** The signing key's public half, SubjectPublicKeyInfo PEM (`-----BEGIN PUBLIC KEY-----`). */
  readonly publicKeyPem: string;
  /** Positive serial number as hex; random, chosen by the caller (ids are passed in). */
  readonly serialNumberHex: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** Signs the SHA-256 digest of the certificate body with the key the certificate describes. */
  readonly signDigest: (sha256Digest: Buffer) => Promise<Buffer>;
}

// node-forge builds the body but only signs with keys it holds; this lets the body be signed elsewhere (KMS).
const tbsCertificateOf = (certificate: forge.pki.Certificate): forge.asn1.Asn1 =>
  (
    forge.pki as unknown as { getTBSCertificate(c: forge.pki.Certificate): forge.asn1.Asn1 }
  ).getTBSCertificate(certificate);

/**
 * A self-signed X.509 certificate naming the force as the signer of its documents. The same code serves
 * the local key and the KMS key, because only a digest is ever signed.
 */
export const issueForceCertificate = async (request: ForceCertificateRequest): Promise<Buffer> => {
  const { pki, asn1 } = forge;
  const certificate = pki.createCertificate();
  certificate.publicKey = pki.publicKeyFromPem(request.publicKeyPem);
  certificate.serialNumber = request.serialNumberHex;
  certificate.validity.notBefore = request.notBefore;
  certificate.validity.notAfter = request.notAfter;
  const name = [
    { shortName: 'CN', value: `${request.forceName} document signing` },
    { shortName: 'O', value: request.forceName },
    { shortName: 'C', value: 'GB' },
  ];
  // UTF8String (RFC 5280 §4.1.2.6); node-forge's typings call this field a class, but it is the value's tag.
  const fields = name.map(
    (field) => ({ ...field, valueTagClass: asn1.Type.UTF8 }) as unknown as forge.pki.CertificateField,
  );
  certificate.setSubject(fields);
  certificate.setIssuer(fields);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.siginfo.algorithmOid = pki.oids.sha256WithRSAEncryption as string;
  certificate.signatureOid = pki.oids.sha256WithRSAEncryption as string;
  const body = Buffer.from(asn1.toDer(tbsCertificateOf(certificate)).getBytes(), 'binary');
  const signature = await request.signDigest(createHash('sha256').update(body).digest());
  certificate.signature = signature.toString('binary');
  const der = Buffer.from(asn1.toDer(pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  if (!new X509Certificate(der).verify(new X509Certificate(der).publicKey)) {
    throw new Error('The signing key does not match the public key given for the certificate.');
  }
  return der;
};

/** SHA-256 fingerprint of a DER certificate, lower-case hex: how documents record who signed them. */
export const certificateFingerprint = (certificateDer: Buffer): string =>
  createHash('sha256').update(certificateDer).digest('hex');
