import { createHash } from 'node:crypto';
import { Signer as SignPdfSigner } from '@signpdf/utils';
import {
  child,
  children,
  type DerNode,
  derNull,
  objectIdentifier,
  octetString,
  readElement,
  sequence,
  setOf,
  smallInteger,
  Tag,
  time,
  tlv,
} from './der.ts';
import { Oid } from './oids.ts';
import type { Signer } from './signer.ts';

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

/** The fields of an X.509 certificate a CMS signer identifier needs, as the certificate encodes them. */
export const certificateIdentity = (certificateDer: Buffer): { issuer: DerNode; serialNumber: DerNode } => {
  const tbs = child(readElement(certificateDer), 0, Tag.sequence);
  const fields = children(tbs);
  const offset = fields[0]?.tag === Tag.contextConstructed0 ? 1 : 0;
  const serialNumber = fields[offset];
  const issuer = fields[offset + 2];
  if (!serialNumber || !issuer) throw new Error('Certificate lacks a serial number or issuer.');
  return { issuer, serialNumber };
};

const attribute = (type: string, value: Buffer): Buffer => sequence(objectIdentifier(type), setOf(value));

const algorithm = (oid: string): Buffer => sequence(objectIdentifier(oid), derNull());

/**
 * Builds a detached CMS SignedData (RFC 5652) over `content`: SHA-256 digest, signed attributes
 * (content type, signing time, message digest, and the ESS signing-certificate-v2 binding the
 * certificate to the signature, RFC 5035), one RSA signature made by the `Signer` port.
 */
export const buildDetachedSignedData = async (
  content: Uint8Array,
  signer: Signer,
  signingTime: Date,
): Promise<Buffer> => {
  const certificateDer = await signer.certificate();
  const { issuer, serialNumber } = certificateIdentity(certificateDer);
  const attributes = [
    attribute(Oid.contentType, objectIdentifier(Oid.data)),
    attribute(Oid.signingTime, time(signingTime)),
    attribute(Oid.messageDigest, octetString(sha256(content))),
    attribute(Oid.signingCertificateV2, sequence(sequence(sequence(octetString(sha256(certificateDer)))))),
  ];
  const signedAttributes = setOf(...attributes);
  const signature = await signer.signDigest(sha256(signedAttributes));
  const signerInfo = sequence(
    smallInteger(1),
    sequence(issuer.raw, serialNumber.raw),
    algorithm(Oid.sha256),
    // The signed attributes travel as [0] IMPLICIT; the signature was made over their SET encoding.
    Buffer.concat([Buffer.from([Tag.contextConstructed0]), signedAttributes.subarray(1)]),
    algorithm(Oid.rsaEncryption),
    octetString(signature),
  );
  const signedData = sequence(
    smallInteger(1),
    setOf(algorithm(Oid.sha256)),
    sequence(objectIdentifier(Oid.data)),
    tlv(Tag.contextConstructed0, certificateDer),
    setOf(signerInfo),
  );
  return sequence(objectIdentifier(Oid.signedData), tlv(Tag.contextConstructed0, signedData));
};

/**
 * Adapts the `Signer` port to @signpdf's signer interface. One instance per document: it carries the
 * signing time that is also written into the signature dictionary.
 */
export class CmsSigner extends SignPdfSigner {
  constructor(
    private readonly signer: Signer,
    private readonly signingTime: Date,
  ) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    return buildDetachedSignedData(pdfBuffer, this.signer, this.signingTime);
  }
}
