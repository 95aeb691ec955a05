import { createHash, verify, X509Certificate } from 'node:crypto';
import { certificateIdentity } from '../signing/cms.ts';
import {
  child,
  children,
  type DerNode,
  readElement,
  readObjectIdentifier,
  readTime,
  Tag,
} from '../signing/der.ts';
import { digestNames, Oid } from '../signing/oids.ts';

export interface SignerDetails {
  /** SHA-256 of the signer's certificate, lower-case hex. */
  readonly fingerprint: string;
  readonly subject: string;
}

export type CoverageProblem =
  | 'bytes-outside-signature'
  | 'signature-not-in-gap'
  | 'range-outside-file'
  | 'bytes-after-signature';

/** What the bytes of a file say about its signature, before anything is looked up. */
export type SignatureInspection =
  | { readonly kind: 'not-pdf' }
  | { readonly kind: 'unsigned'; readonly documentReference?: string; readonly sha256: string }
  | {
      readonly kind: 'unreadable-signature';
      readonly detail: string;
      readonly documentReference?: string;
      readonly sha256: string;
    }
  | {
      readonly kind: 'signed';
      readonly signatureCount: number;
      readonly coversWholeDocument: boolean;
      readonly coverageProblem?: CoverageProblem;
      /** The digest inside the signature equals the digest of the bytes it claims to cover. */
      readonly digestMatches: boolean;
      /** The signature verifies with the public key of the certificate it names. */
      readonly signatureVerifies: boolean;
      readonly unsupportedAlgorithm?: string;
      readonly signer?: SignerDetails;
      readonly signingTime?: Date;
      readonly documentReference?: string;
      /** SHA-256 of the whole file, lower-case hex. */
      readonly sha256: string;
    };

class UnreadableSignatureError extends Error {}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
const referencePattern = /\/DocumentReference\s*\((DOC-[0-9A-Z]{4}(?:-[0-9A-Z]{4}){3})\)/;

const isPdf = (bytes: Buffer): boolean => {
  const header = bytes.subarray(0, 1024).indexOf('%PDF-');
  return header !== -1 && bytes.lastIndexOf('%%EOF') > header;
};

interface SignerInfo {
  readonly sid: DerNode;
  readonly digestOid: string;
  readonly signedAttributes?: DerNode;
  readonly signatureOid: string;
  readonly signature: Buffer;
}

const readSignerInfo = (node: DerNode): SignerInfo => {
  const parts = children(node);
  const [, sid, digestAlgorithm, maybeAttributes] = parts;
  if (!sid || !digestAlgorithm || !maybeAttributes)
    throw new UnreadableSignatureError('signer info is incomplete');
  const hasAttributes = maybeAttributes.tag === Tag.contextConstructed0;
  const rest = parts.slice(hasAttributes ? 4 : 3);
  const [signatureAlgorithm, signature] = rest;
  if (!signatureAlgorithm || signature?.tag !== Tag.octetString) {
    throw new UnreadableSignatureError('signer info has no signature');
  }
  return {
    sid,
    digestOid: readObjectIdentifier(child(digestAlgorithm, 0)),
    ...(hasAttributes ? { signedAttributes: maybeAttributes } : {}),
    signatureOid: readObjectIdentifier(child(signatureAlgorithm, 0)),
    signature: signature.contents,
  };
};

const attributeValue = (attributes: DerNode, oid: string): DerNode | undefined => {
  for (const attribute of children(attributes)) {
    if (readObjectIdentifier(child(attribute, 0)) === oid) return child(child(attribute, 1), 0);
  }
  return undefined;
};

const signerCertificate = (certificates: DerNode[], sid: DerNode): X509Certificate | undefined => {
  if (sid.tag === Tag.sequence) {
    const issuer = child(sid, 0).raw;
    const serial = child(sid, 1).raw;
    const match = certificates.find((certificate) => {
      const identity = certificateIdentity(certificate.raw);
      return identity.issuer.raw.equals(issuer) && identity.serialNumber.raw.equals(serial);
    });
    return match ? new X509Certificate(match.raw) : undefined;
  }
  const only = certificates.length === 1 ? certificates[0] : undefined;
  return only ? new X509Certificate(only.raw) : undefined;
};

const rsaSignatureOids = new Set<string>([
  Oid.rsaEncryption,
  Oid.sha1WithRsa,
  Oid.sha256WithRsa,
  Oid.sha384WithRsa,
  Oid.sha512WithRsa,
]);
const ecdsaSignatureOids = new Set<string>([Oid.ecdsaWithSha256, Oid.ecdsaWithSha384, Oid.ecdsaWithSha512]);

const verifiesWith = (
  digestName: string,
  data: Buffer,
  certificate: X509Certificate,
  signature: Buffer,
): boolean => {
  try {
    return verify(digestName, data, certificate.publicKey, signature);
  } catch {
    // A key the algorithm cannot use (say, an EC key with an RSA signature) is simply not a match.
    return false;
  }
};

/**
 * Reads a PDF's first signature and checks it cryptographically: which bytes it covers, whether the
 * digest it carries matches those bytes, and whether the signature verifies with the certificate it
 * names. Pure: no look-ups, no trust decisions (see `judgeDocument`).
 */
export const inspectSignature = (file: Uint8Array): SignatureInspection => {
  const bytes = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  if (!isPdf(bytes)) return { kind: 'not-pdf' };
  const text = bytes.toString('latin1');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const documentReference = referencePattern.exec(text)?.[1];
  const reference = documentReference ? { documentReference } : {};
  const ranges = [...text.matchAll(byteRangePattern)];
  const first = ranges[0];
  if (!first) return { kind: 'unsigned', ...reference, sha256 };

  try {
    const [start, firstLength, secondStart, secondLength] = first.slice(1, 5).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    const firstEnd = start + firstLength;
    const end = secondStart + secondLength;
    if (firstEnd > secondStart || end > bytes.length) {
      return {
        kind: 'signed',
        signatureCount: ranges.length,
        coversWholeDocument: false,
        coverageProblem: 'range-outside-file',
        digestMatches: false,
        signatureVerifies: false,
        ...reference,
        sha256,
      };
    }
    const gap = text.slice(firstEnd, secondStart);
    const gapIsSignature =
      /^<[0-9a-fA-F]*>$/.test(gap) && /\/Contents\s*$/.test(text.slice(Math.max(0, firstEnd - 40), firstEnd));
    const coverageProblem: CoverageProblem | undefined = !gapIsSignature
      ? 'signature-not-in-gap'
      : start !== 0
        ? 'bytes-outside-signature'
        : end < bytes.length
          ? 'bytes-after-signature'
          : undefined;
    const contents = Buffer.from(text.slice(firstEnd + 1, secondStart - 1), 'hex');
    if (!gapIsSignature || contents.length === 0) throw new UnreadableSignatureError('no signature value');

    const contentInfo = readElement(contents);
    if (readObjectIdentifier(child(contentInfo, 0)) !== Oid.signedData) {
      throw new UnreadableSignatureError('not a CMS SignedData');
    }
    const signedData = child(child(contentInfo, 1, Tag.contextConstructed0), 0, Tag.sequence);
    const parts = children(signedData);
    const certificateSet = parts.find((part) => part.tag === Tag.contextConstructed0);
    const certificates = certificateSet
      ? children(certificateSet).filter((node) => node.tag === Tag.sequence)
      : [];
    const signerInfos = parts.at(-1);
    if (signerInfos?.tag !== Tag.set) throw new UnreadableSignatureError('no signer infos');
    const signerInfo = readSignerInfo(child(signerInfos, 0));

    const digestName = digestNames[signerInfo.digestOid];
    const certificate = signerCertificate(certificates, signerInfo.sid);
    const signer = certificate
      ? {
          signer: {
            fingerprint: createHash('sha256').update(certificate.raw).digest('hex'),
            subject: certificate.subject.replace(/\n/g, ', '),
          },
        }
      : {};
    const base = {
      kind: 'signed' as const,
      signatureCount: ranges.length,
      coversWholeDocument: coverageProblem === undefined,
      ...(coverageProblem ? { coverageProblem } : {}),
      ...signer,
      ...reference,
      sha256,
    };
    if (!digestName) {
      return {
        ...base,
        digestMatches: false,
        signatureVerifies: false,
        unsupportedAlgorithm: signerInfo.digestOid,
      };
    }

    const signedContent = Buffer.concat([bytes.subarray(start, firstEnd), bytes.subarray(secondStart, end)]);
    const contentDigest = createHash(digestName).update(signedContent).digest();
    let digestMatches = true;
    let signedBytes: Buffer = signedContent;
    let signingTime: Date | undefined;
    if (signerInfo.signedAttributes) {
      const messageDigest = attributeValue(signerInfo.signedAttributes, Oid.messageDigest);
      digestMatches = messageDigest?.tag === Tag.octetString && messageDigest.contents.equals(contentDigest);
      const time = attributeValue(signerInfo.signedAttributes, Oid.signingTime);
      signingTime = time ? readTime(time) : undefined;
      // The signature covers the attributes' DER as a SET, not as the [0] they are stored under.
      signedBytes = Buffer.concat([Buffer.from([Tag.set]), signerInfo.signedAttributes.raw.subarray(1)]);
    }

    const supported =
      rsaSignatureOids.has(signerInfo.signatureOid) || ecdsaSignatureOids.has(signerInfo.signatureOid);
    const signatureVerifies =
      supported && certificate !== undefined
        ? verifiesWith(digestName, signedBytes, certificate, signerInfo.signature)
        : false;
    return {
      ...base,
      digestMatches,
      signatureVerifies,
      ...(supported ? {} : { unsupportedAlgorithm: signerInfo.signatureOid }),
      ...(signingTime ? { signingTime } : {}),
    };
  } catch (error) {
    return {
      kind: 'unreadable-signature',
      detail: error instanceof Error ? error.message : 'unknown problem',
      ...reference,
      sha256,
    };
  }
};
