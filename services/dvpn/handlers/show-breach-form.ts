import { pageHandler } from '../../../shared/http/index.ts';
import { showCaseForm } from '../case-pages.ts';
import { callerOf, deniedAccessFor, policyOf } from '../http.ts';

/** The breach form. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/breach'),
  deniedAccess: deniedAccessFor('show-breach-form'),
  handle: (request) => showCaseForm('breach', callerOf(request), request.params.id ?? ''),
});
