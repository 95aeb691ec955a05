import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { formAgain } from '../case-pages.ts';
import { apply } from '../case-service.ts';
import { ApplicationForm } from '../forms/case-forms.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';

const deps = dependencies();

/** Step 6: the order application; the documents service produces the signed court pack. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/application'),
  deniedAccess: deniedAccessFor('prepare-application'),
  schema: ApplicationForm,
  onInvalid: (request) => formAgain('application', callerOf(request), request.params.id ?? ''),
  handle: async (request, command) => {
    const id = request.params.id ?? '';
    const caller = callerOf(request);
    const applied = await orFormAgain(
      () => apply(deps, caller, id, command),
      () => formAgain('application', caller, id),
      request.form,
    );
    return 'kind' in applied ? applied : redirect(`/staff/dvpn/${id}`);
  },
});
