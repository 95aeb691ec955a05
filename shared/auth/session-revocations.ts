import { createHash } from 'node:crypto';

/**
 * Ended staff sessions (ASVS 7.4.1). The session is the ID token itself, so signing out records the token as
 * revoked until it would have expired anyway; every staff request asks whether its token is revoked, and a
 * revoked one is treated as no session. Only the SHA-256 of the token is kept, so the store holds nothing
 * that could be presented as a session.
 */
export interface SessionRevocations {
  /** Records that `token` may no longer be used; the record may go once the token has expired (`expiresAt`). */
  revoke(token: string, expiresAt: Date): Promise<void>;
  isRevoked(token: string): Promise<boolean>;
}

/** What a revoked token is kept under: its SHA-256, never the token. */
export const revokedSessionKey = (token: string): string =>
  createHash('sha256').update(token).digest('base64url');

/** Revocations in a set, for tests of pages and of sign-out; nothing expires. */
export const inMemorySessionRevocations = (): SessionRevocations & {
  readonly revoked: ReadonlyMap<string, Date>;
} => {
  const revoked = new Map<string, Date>();
  return {
    revoked,
    revoke: async (token, expiresAt) => {
      revoked.set(revokedSessionKey(token), expiresAt);
    },
    isRevoked: async (token) => revoked.has(revokedSessionKey(token)),
  };
};
