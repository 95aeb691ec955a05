import { pageHandler } from '../../../shared/http/index.ts';
import { showCaseForm } from '../case-pages.ts';
import { callerOf, deniedAccessFor, policyOf } from '../http.ts';

/** The hearing form: granted, refused or adjourned. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/hearing'),
  deniedAccess: deniedAccessFor('show-hearing-form'),
  handle: (request) => showCaseForm('hearing', callerOf(request), request.params.id ?? ''),
});
