import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The header CloudFront adds to every request it sends to the API (an origin custom header), carrying the
 * shared secret ORIGIN_VERIFY_SECRET. The API's own `execute-api` address stays reachable, so this header is
 * what tells a request that passed the WAF from one that went round it.
 */
export const originVerifyHeader = 'x-origin-verify';

/**
 * The secrets a request may carry: ORIGIN_VERIFY_SECRET is one value, or two separated by a comma while the
 * secret is being rotated (the old and the new are both accepted until every edge sends the new one).
 */
export const originSecretsOf = (configured: string): string[] =>
  configured
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '');

/** A header may hold at most this many comma-separated values; more are not read. */
const valuesRead = 2;

/** Fixed-length digests, so the comparison takes as long whatever the lengths and wherever they differ. */
const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

const sameSecret = (given: string, secret: string): boolean => timingSafeEqual(digest(given), digest(secret));

/**
 * A request came through the edge when its origin header holds one of the accepted secrets. The header may be
 * the edge's whole configured value during a rotation (`old,new`), so each of its first two values counts.
 * Every pair is compared, in constant time, with no early exit.
 */
export const cameThroughEdge = (header: string | undefined, accepted: readonly string[]): boolean => {
  if (header === undefined || accepted.length === 0) return false;
  const given = header
    .split(',')
    .map((value) => value.trim())
    .filter((value) => value !== '')
    .slice(0, valuesRead);
  let matched = false;
  for (const value of given) {
    for (const secret of accepted) matched = sameSecret(value, secret) || matched;
  }
  return matched;
};
