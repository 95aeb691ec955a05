import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref, showCase } from '../case-pages.ts';
import { logIncident } from '../case-service.ts';
import { IncidentForm } from '../forms.ts';
import { callerOf, dependencies, orFormAgain } from '../web.ts';

/** PP/04 §7.1: a staff victim logs a call, email or visit by the abuser at work, with witnesses and evidence. */
export const handler = pageHandler({
  policy: anyStaff,
  schema: IncidentForm,
  onInvalid: (request) => showCase(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const id = request.params.id ?? '';
        await logIncident(dependencies(), callerOf(request), id, form);
        return redirect(`${caseHref(id)}#incidents`);
      },
      () => showCase(request),
      request.form,
      { occurredAt: 'occurredAt-day' },
    ),
});
