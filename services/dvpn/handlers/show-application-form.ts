import { pageHandler } from '../../../shared/http/index.ts';
import { showCaseForm } from '../case-pages.ts';
import { callerOf, deniedAccessFor, policyOf } from '../http.ts';

/** Step 6: the order application form, starting from the notice's conditions. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/application'),
  deniedAccess: deniedAccessFor('show-application-form'),
  handle: (request) => showCaseForm('application', callerOf(request), request.params.id ?? ''),
});
