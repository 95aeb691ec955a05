import { createHash } from 'node:crypto';

/**
 * A UUID (version 8, name-based) derived from a name, so a step retried from the queue produces the same
 * message id and the receiver's idempotency absorbs the repeat.
 */
export const derivedUuid = (name: string): string => {
  const bytes = createHash('sha256').update(`online-report:${name}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x80;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};
