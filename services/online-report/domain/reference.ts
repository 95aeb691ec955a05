/**
 * The reference a person is given for their report: `OR-XXXX-XXXX` in Crockford base 32 (no I, L, O or U,
 * so it reads aloud without confusion). It says nothing about the case; the random bytes are passed in.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const referenceLength = 8;
export const referencePattern = /^OR-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export const referenceFrom = (randomBytes: Uint8Array): string => {
  if (randomBytes.length < referenceLength)
    throw new RangeError(`A reference needs ${referenceLength} random bytes`);
  const characters = Array.from(randomBytes.slice(0, referenceLength), (byte) => alphabet[byte % 32]);
  return `OR-${characters.slice(0, 4).join('')}-${characters.slice(4).join('')}`;
};

/** What a person types back (lower case, spaces, O for 0) read as a reference, or undefined. */
export const parseReference = (typed: string): string | undefined => {
  const compact = typed
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/^OR/, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  const candidate = `OR-${compact.slice(0, 4)}-${compact.slice(4)}`;
  return referencePattern.test(candidate) ? candidate : undefined;
};
