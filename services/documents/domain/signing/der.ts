/**
 * Just enough DER to write and read CMS SignedData and X.509 fields. Hand-rolled rather than borrowed so
 * the verifier works on the exact bytes that were signed (signature checks fail on any re-encoding).
 */

export const Tag = {
  integer: 0x02,
  bitString: 0x03,
  octetString: 0x04,
  null: 0x05,
  oid: 0x06,
  utf8String: 0x0c,
  printableString: 0x13,
  utcTime: 0x17,
  generalizedTime: 0x18,
  sequence: 0x30,
  set: 0x31,
  contextConstructed0: 0xa0,
  contextConstructed1: 0xa1,
} as const;

/** Raised when bytes are not the DER they claim to be. */
export class MalformedDerError extends Error {
  constructor(detail: string) {
    super(`Malformed DER: ${detail}`);
    this.name = 'MalformedDerError';
  }
}

const encodeLength = (length: number): Buffer => {
  if (length < 0x80) return Buffer.from([length]);
  const bytes: number[] = [];
  for (let rest = length; rest > 0; rest = Math.floor(rest / 256)) bytes.unshift(rest & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
};

export const tlv = (tag: number, ...contents: Uint8Array[]): Buffer => {
  const body = Buffer.concat(contents);
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
};

export const sequence = (...items: Uint8Array[]): Buffer => tlv(Tag.sequence, ...items);

/** A SET OF in DER order (elements sorted by their encodings), which verifiers re-create before checking. */
export const setOf = (...items: Buffer[]): Buffer =>
  tlv(Tag.set, ...[...items].sort((a, b) => Buffer.compare(a, b)));

export const octetString = (bytes: Uint8Array): Buffer => tlv(Tag.octetString, bytes);

export const derNull = (): Buffer => Buffer.from([Tag.null, 0]);

export const smallInteger = (value: number): Buffer => tlv(Tag.integer, Buffer.from([value]));

export const objectIdentifier = (dotted: string): Buffer => {
  const parts = dotted.split('.').map(Number);
  const [first = 0, second = 0, ...rest] = parts;
  const bytes: number[] = [first * 40 + second];
  for (const part of rest) {
    const chunk: number[] = [part & 0x7f];
    for (let value = Math.floor(part / 128); value > 0; value = Math.floor(value / 128)) {
      chunk.unshift((value & 0x7f) | 0x80);
    }
    bytes.push(...chunk);
  }
  return tlv(Tag.oid, Buffer.from(bytes));
};

const two = (n: number): string => String(n).padStart(2, '0');

/** UTCTime for 1950–2049 and GeneralizedTime otherwise (RFC 5280 §4.1.2.5). */
export const time = (instant: Date): Buffer => {
  const year = instant.getUTCFullYear();
  const rest = `${two(instant.getUTCMonth() + 1)}${two(instant.getUTCDate())}${two(instant.getUTCHours())}${two(instant.getUTCMinutes())}${two(instant.getUTCSeconds())}Z`;
  return year >= 1950 && year < 2050
    ? tlv(Tag.utcTime, Buffer.from(`${two(year % 100)}${rest}`, 'ascii'))
    : tlv(Tag.generalizedTime, Buffer.from(`${year}${rest}`, 'ascii'));
};

export interface DerNode {
  readonly tag: number;
  /** The whole element: tag, length and contents. */
  readonly raw: Buffer;
  readonly contents: Buffer;
}

const readLength = (bytes: Buffer, offset: number): { length: number | null; size: number } => {
  const first = bytes[offset];
  if (first === undefined) throw new MalformedDerError('length missing');
  if (first < 0x80) return { length: first, size: 1 };
  const count = first & 0x7f;
  if (count === 0) return { length: null, size: 1 };
  if (count > 4) throw new MalformedDerError('length too large');
  let length = 0;
  for (let i = 1; i <= count; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) throw new MalformedDerError('length truncated');
    length = length * 256 + byte;
  }
  return { length, size: 1 + count };
};

const endOfIndefinite = (bytes: Buffer, start: number): number => {
  let offset = start;
  for (;;) {
    if (bytes[offset] === 0 && bytes[offset + 1] === 0) return offset;
    offset = readElementEnd(bytes, offset);
  }
};

const readElementEnd = (bytes: Buffer, offset: number): number => {
  const tag = bytes[offset];
  if (tag === undefined) throw new MalformedDerError('element missing');
  if ((tag & 0x1f) === 0x1f) throw new MalformedDerError('multi-byte tags are not supported');
  const { length, size } = readLength(bytes, offset + 1);
  const contentStart = offset + 1 + size;
  if (length === null) return endOfIndefinite(bytes, contentStart) + 2;
  const end = contentStart + length;
  if (end > bytes.length) throw new MalformedDerError('element runs past the end');
  return end;
};

/** Reads the element at `offset`; indefinite lengths (BER, as some signing tools write) are accepted. */
export const readElement = (bytes: Buffer, offset = 0): DerNode => {
  const tag = bytes[offset];
  if (tag === undefined) throw new MalformedDerError('element missing');
  const { length, size } = readLength(bytes, offset + 1);
  const contentStart = offset + 1 + size;
  const end = readElementEnd(bytes, offset);
  const contentEnd = length === null ? end - 2 : end;
  return { tag, raw: bytes.subarray(offset, end), contents: bytes.subarray(contentStart, contentEnd) };
};

export const children = (node: DerNode): DerNode[] => {
  const found: DerNode[] = [];
  let offset = 0;
  while (offset < node.contents.length) {
    const child = readElement(node.contents, offset);
    found.push(child);
    offset += child.raw.length;
  }
  return found;
};

export const child = (node: DerNode, index: number, expectedTag?: number): DerNode => {
  const found = children(node)[index];
  if (!found) throw new MalformedDerError(`element ${index} missing`);
  if (expectedTag !== undefined && found.tag !== expectedTag) {
    throw new MalformedDerError(`element ${index} has tag ${found.tag}, expected ${expectedTag}`);
  }
  return found;
};

export const readObjectIdentifier = (node: DerNode): string => {
  if (node.tag !== Tag.oid) throw new MalformedDerError('expected an object identifier');
  const bytes = node.contents;
  const first = bytes[0] ?? 0;
  const parts = [Math.floor(first / 40), first % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if ((byte & 0x80) === 0) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
};

export const readTime = (node: DerNode): Date => {
  const text = node.contents.toString('ascii');
  const match =
    node.tag === Tag.utcTime
      ? /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?Z$/.exec(text)
      : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})?(?:\.\d+)?Z$/.exec(text);
  if (!match) throw new MalformedDerError('unreadable time');
  const [, y = '', mo = '', d = '', h = '', mi = '', s = '00'] = match;
  const year = node.tag === Tag.utcTime ? (Number(y) < 50 ? 2000 + Number(y) : 1900 + Number(y)) : Number(y);
  return new Date(Date.UTC(year, Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
};
