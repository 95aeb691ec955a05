import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { formAgain } from '../case-pages.ts';
import { breach } from '../case-service.ts';
import { BreachForm } from '../forms/case-forms.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';

const deps = dependencies();

/** Records a breach of the notice or of the order, whichever was in force at the time. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/breach'),
  deniedAccess: deniedAccessFor('record-breach'),
  schema: BreachForm,
  onInvalid: (request) => formAgain('breach', callerOf(request), request.params.id ?? ''),
  handle: async (request, command) => {
    const id = request.params.id ?? '';
    const caller = callerOf(request);
    const recorded = await orFormAgain(
      () => breach(deps, caller, id, command),
      () => formAgain('breach', caller, id),
      request.form,
      { occurredAt: 'occurredAt-day' },
    );
    return 'kind' in recorded ? recorded : redirect(`/staff/dvpn/${id}`);
  },
});
