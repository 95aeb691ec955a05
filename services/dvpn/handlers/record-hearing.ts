import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { formAgain } from '../case-pages.ts';
import { hearing } from '../case-service.ts';
import { HearingForm } from '../forms/case-forms.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';

const deps = dependencies();

/** Records the hearing: a duration outside the pack's range, or a hearing before service, is refused. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/hearing'),
  deniedAccess: deniedAccessFor('record-hearing'),
  schema: HearingForm,
  onInvalid: (request) => formAgain('hearing', callerOf(request), request.params.id ?? ''),
  handle: async (request, command) => {
    const id = request.params.id ?? '';
    const caller = callerOf(request);
    const heard = await orFormAgain(
      () => hearing(deps, caller, id, command),
      () => formAgain('hearing', caller, id),
      request.form,
      { heardAt: 'heardAt-day', adjournedTo: 'adjournedTo-day' },
    );
    return 'kind' in heard ? heard : redirect(`/staff/dvpn/${id}`);
  },
});
