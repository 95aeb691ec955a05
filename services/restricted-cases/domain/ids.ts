import { type CaseId, CaseId as CaseIdSchema, type GrantId, GrantId as GrantIdSchema } from './model.ts';

/** Crockford base 32: no I, L, O or U, so a reference read aloud or copied by hand is not misread. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Five bits of the given random bytes per character; the bytes come from the caller (crypto in production). */
const encode = (bytes: Uint8Array, characters: number): string => {
  if (bytes.length * 8 < characters * 5)
    throw new RangeError(`Need ${Math.ceil((characters * 5) / 8)} random bytes`);
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < characters) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  return out;
};

const groups = (text: string): string => text.match(/.{4}/g)?.join('-') ?? text;

/** `RC-XXXX-XXXX-XXXX` from at least 8 random bytes. */
export const caseIdFrom = (random: Uint8Array): CaseId =>
  CaseIdSchema.parse(`RC-${groups(encode(random, 12))}`);

/** `G-XXXX-XXXX` from at least 5 random bytes. */
export const grantIdFrom = (random: Uint8Array): GrantId =>
  GrantIdSchema.parse(`G-${groups(encode(random, 8))}`);

/** A reference as someone typed it: upper case, spaces gone, the letters Crockford reads as digits mapped back. */
export const normaliseCaseReference = (typed: string): string =>
  typed
    .trim()
    .toUpperCase()
    .replace(/\s+/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0')
    .replace(/^RC-?/, 'RC-');
