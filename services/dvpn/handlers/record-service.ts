import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { formAgain } from '../case-pages.ts';
import { serve } from '../case-service.ts';
import { ServiceForm } from '../forms/case-forms.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';

const deps = dependencies();

/** Step 5: records personal service and starts the court clock; a time before authorisation is refused. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/service'),
  deniedAccess: deniedAccessFor('record-service'),
  schema: ServiceForm,
  onInvalid: (request) => formAgain('service', callerOf(request), request.params.id ?? ''),
  handle: async (request, command) => {
    const id = request.params.id ?? '';
    const caller = callerOf(request);
    const served = await orFormAgain(
      () => serve(deps, caller, id, command),
      () => formAgain('service', caller, id),
      request.form,
      { servedAt: 'servedAt-day' },
    );
    return 'kind' in served ? served : redirect(`/staff/dvpn/${id}`);
  },
});
