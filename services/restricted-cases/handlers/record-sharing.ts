import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref, showCase } from '../case-pages.ts';
import { recordSharingWithoutConsent } from '../case-service.ts';
import { SharingForm } from '../forms.ts';
import { psdOnly } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/** PP/04 §7.1: sharing a staff victim's information without consent, with the reason; they are told at once. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  schema: SharingForm,
  onInvalid: (request) => showCase(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const id = request.params.id ?? '';
        await recordSharingWithoutConsent(dependencies(), callerOf(request), id, {
          basis: form.sharingBasis,
          reason: form.sharingReason ?? '',
          sharedWith: form.sharedWith,
        });
        return redirect(`${caseHref(id)}#sharing`);
      },
      () => showCase(request),
      request.form,
      { reason: 'sharingReason' },
    ),
});
