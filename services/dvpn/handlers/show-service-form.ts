import { pageHandler } from '../../../shared/http/index.ts';
import { showCaseForm } from '../case-pages.ts';
import { callerOf, deniedAccessFor, policyOf } from '../http.ts';

/** Step 5: the service record form. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/service'),
  deniedAccess: deniedAccessFor('show-service-form'),
  handle: (request) => showCaseForm('service', callerOf(request), request.params.id ?? ''),
});
