import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { decideRequest } from '../case-service.ts';
import type { GrantPeriodHours } from '../domain/safeguarding.ts';
import { GrantDecisionForm } from '../forms.ts';
import { showGrant } from '../grant-pages.ts';
import { psdOrChiefInspector } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/** PSD or a chief inspector grants safeguarding access for a limited time, or refuses it, with a note. */
export const handler = pageHandler({
  policy: psdOrChiefInspector,
  deniedAccess: deniedAccessRecorder(),
  schema: GrantDecisionForm,
  onInvalid: (request) => showGrant(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        await decideRequest(
          dependencies(),
          callerOf(request),
          request.params.id ?? '',
          request.params.grantId ?? '',
          {
            decision: form.decision,
            hours: form.hours === undefined ? undefined : (Number(form.hours) as GrantPeriodHours),
            note: form.note ?? '',
          },
        );
        return redirect(
          request.principal.department === 'PSD'
            ? '/staff/restricted-cases/psd/safeguarding'
            : '/staff/restricted-cases',
        );
      },
      () => showGrant(request),
      request.form,
    ),
});
