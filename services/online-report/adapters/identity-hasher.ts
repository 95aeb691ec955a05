import { createHmac } from 'node:crypto';
import type { IdentityMaterial } from '../domain/identity.ts';

/**
 * Keyed HMAC-SHA256 of normalised identity material. The key lives only in configuration, so the stored
 * keys cannot be reversed or recomputed by anyone who reads the table.
 */
export interface IdentityHasher {
  keyOf(material: IdentityMaterial): string;
}

export const hmacIdentityHasher = (key: string): IdentityHasher => {
  const hmac = (purpose: string, value: string): string =>
    createHmac('sha256', key).update(`${purpose}\u0000${value}`).digest('base64url');
  return {
    keyOf: (material) => hmac(`identity:${material.kind}`, material.value),
  };
};

/** The keys a report is stored under: each piece of identity material's role and kind, and its keyed hash. */
export const storedKeysOf = (hasher: IdentityHasher, materials: readonly IdentityMaterial[]) =>
  materials.map((material) => ({ role: material.role, kind: material.kind, key: hasher.keyOf(material) }));
