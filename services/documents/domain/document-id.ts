const crockford = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A document reference from 10 random bytes: `DOC-` and 16 Crockford base-32 characters in groups of
 * four, easy to read aloud and type, with no letters that look like digits. Randomness is passed in.
 */
export const documentIdFrom = (randomBytes: Uint8Array): string => {
  if (randomBytes.length !== 10) throw new Error('A document id takes exactly 10 random bytes.');
  let bits = 0n;
  for (const byte of randomBytes) bits = (bits << 8n) | BigInt(byte);
  let characters = '';
  for (let index = 15; index >= 0; index--) {
    characters += crockford[Number((bits >> BigInt(index * 5)) & 31n)];
  }
  return `DOC-${characters.match(/.{4}/g)?.join('-')}`;
};

/** What someone typed as a reference, tidied: case, spaces, and the letters Crockford reads as digits. */
export const normaliseDocumentId = (typed: string): string => {
  const characters = typed
    .toUpperCase()
    .replace(/^\s*DOC/, '')
    .replace(/[\s-]/g, '')
    .replace(/[OIL]/g, (c) => (c === 'O' ? '0' : '1'));
  return characters.length === 16
    ? `DOC-${characters.match(/.{4}/g)?.join('-')}`
    : typed.trim().toUpperCase();
};
