import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler } from '../../../shared/http/index.ts';
import { showCase } from '../case-pages.ts';

/**
 * One case, as this person may see it. Opening it is audited and PSD alerted, allowed or denied; a case
 * they may not see is the same "not found" as one that does not exist.
 */
export const handler = pageHandler({
  policy: anyStaff,
  handle: (request) => showCase(request),
});
