/** Crockford base 32: no I, L, O or U, so a reference read aloud over the phone is not misheard. */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const caseReferencePattern = /^DVDS-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * A case reference, `DVDS-XXXX-XXXX`, from 5 random bytes (40 bits) the caller supplies: the domain has
 * no randomness of its own. It identifies the case to staff; it grants nothing to whoever holds it.
 */
export const caseReference = (random: Uint8Array): string => {
  if (random.length < 5) throw new RangeError('A case reference needs 5 random bytes');
  let bits = 0n;
  for (const byte of random.subarray(0, 5)) bits = (bits << 8n) | BigInt(byte);
  let text = '';
  for (let i = 0; i < 8; i++) {
    text = (alphabet[Number(bits & 31n)] ?? '0') + text;
    bits >>= 5n;
  }
  return `DVDS-${text.slice(0, 4)}-${text.slice(4)}`;
};

export const isCaseReference = (value: string): boolean => caseReferencePattern.test(value);
