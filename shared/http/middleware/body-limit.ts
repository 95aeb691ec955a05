import { PayloadTooLargeError } from '../errors.ts';
import type { HttpMiddleware } from '../request-state.ts';

export const defaultBodyLimitBytes = 64 * 1024;

/** Refuses a body over the limit before anything parses it. Both the declared and the actual size count. */
export const bodyLimit = (limitBytes = defaultBodyLimitBytes): HttpMiddleware => ({
  before: ({ event }) => {
    const declared = Number(event.headers?.['content-length']);
    const actual =
      event.body === undefined || event.body === null
        ? 0
        : Buffer.byteLength(event.body, event.isBase64Encoded ? 'base64' : 'utf8');
    if (actual > limitBytes || (Number.isFinite(declared) && declared > limitBytes)) {
      throw new PayloadTooLargeError(limitBytes);
    }
  },
});
