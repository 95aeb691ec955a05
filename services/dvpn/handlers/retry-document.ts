import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { retryDocument } from '../case-service.ts';
import { callerOf, deniedAccessFor, dependencies, orHttpError, policyOf } from '../http.ts';

const deps = dependencies();

/** Asks the documents service again for the signed notice (or the court pack) after a failure or a long wait. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/retry-document'),
  deniedAccess: deniedAccessFor('retry-document'),
  handle: async (request) => {
    const id = request.params.id ?? '';
    await orHttpError(() => retryDocument(deps, callerOf(request), id));
    return redirect(`/staff/dvpn/${id}`);
  },
});
