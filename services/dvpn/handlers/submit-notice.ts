import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { submit } from '../case-service.ts';
import { callerOf, deniedAccessFor, dependencies, orHttpError, policyOf } from '../http.ts';

const deps = dependencies();

/** Step 2: submit for authorisation; the duty authorisers are notified. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/submit'),
  deniedAccess: deniedAccessFor('submit-notice'),
  handle: async (request) => {
    const id = request.params.id ?? '';
    await orHttpError(() => submit(deps, callerOf(request), id));
    return redirect(`/staff/dvpn/${id}`);
  },
});
