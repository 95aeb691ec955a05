import { createHmac } from 'node:crypto';
import type { IdentityHasher } from '../domain/identity.ts';

/**
 * HMAC-SHA-256 under the force's identity key (IDENTITY_HMAC_KEY). Without the key nobody can recompute a
 * stored hash from a name and date of birth, so the table alone says nothing about who anyone is.
 */
export const hmacIdentityHasher = (key: string): IdentityHasher => ({
  hash: (material) => createHmac('sha256', key).update(`clares-law-identity\u0000${material}`).digest('hex'),
});
