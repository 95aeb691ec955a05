import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';

/** PP/04 §7.1: the confidential report of a member of staff who is a victim. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: () =>
    view('restricted-cases/report-form.njk', { values: { supportWanted: [], consentToShareWith: [] } }),
});
