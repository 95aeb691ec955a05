import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { formAgain } from '../case-pages.ts';
import { authorise, refuse } from '../case-service.ts';
import { DecisionForm } from '../forms/case-forms.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';

const deps = dependencies();

/**
 * Step 3: authorise or refuse. The route admits the pack's rank; the domain checks it again with the case's
 * own pack, refuses the drafting officer, a recipient under 18 on the day, and any consideration not affirmed.
 */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/decision'),
  deniedAccess: deniedAccessFor('decide-notice'),
  schema: DecisionForm,
  onInvalid: (request) => formAgain('decision', callerOf(request), request.params.id ?? ''),
  handle: async (request, form) => {
    const id = request.params.id ?? '';
    const caller = callerOf(request);
    const decided = await orFormAgain(
      () =>
        form.decision === 'refuse'
          ? refuse(deps, caller, id, form.reason)
          : authorise(deps, caller, id, {
              affirmed: form.affirmed,
              reasonableGrounds: form.reasonableGrounds,
            }),
      () => formAgain('decision', caller, id),
      request.form,
      {},
      'decision',
    );
    return 'kind' in decided ? decided : redirect(`/staff/dvpn/${id}`);
  },
});
