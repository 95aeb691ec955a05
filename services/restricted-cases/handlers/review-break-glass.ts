import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { reviewEmergencyAccess } from '../case-service.ts';
import { ReviewForm } from '../forms.ts';
import { showGrant } from '../grant-pages.ts';
import { psdOnly } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/** PSD reviews emergency access afterwards: the reason accepted, or referred (which ends the access). */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  schema: ReviewForm,
  onInvalid: (request) => showGrant(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        await reviewEmergencyAccess(
          dependencies(),
          callerOf(request),
          request.params.id ?? '',
          request.params.grantId ?? '',
          {
            decision: form.decision,
            note: form.note ?? '',
          },
        );
        return redirect('/staff/restricted-cases/psd/safeguarding');
      },
      () => showGrant(request),
      request.form,
    ),
});
