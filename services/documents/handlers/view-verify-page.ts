import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';

/** "Verify a document": upload a PDF or type its reference. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: () => view('documents/verify.njk', { values: {}, errors: {} }),
});
