import { pageHandler } from '../../../shared/http/index.ts';
import { showCaseForm } from '../case-pages.ts';
import { callerOf, deniedAccessFor, policyOf } from '../http.ts';

/** Step 3: the authorisation page (the rank the pack requires; never the drafting officer, checked on submit). */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/decision'),
  deniedAccess: deniedAccessFor('show-decision-form'),
  handle: (request) => showCaseForm('decision', callerOf(request), request.params.id ?? ''),
});
