import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref, showCase } from '../case-pages.ts';
import { changeCaseRestriction, decide } from '../case-service.ts';
import { RestrictionForm, referenceList } from '../forms.ts';
import { chiefInspectorOrAbove } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/**
 * PP/04 §7.2: a chief inspector or above restricts the case, its crime report and call log, with a reason;
 * changing or lifting it needs the same rank and a reason. Anyone below is refused, audited and alerted.
 */
export const handler = pageHandler({
  policy: chiefInspectorOrAbove,
  deniedAccess: deniedAccessRecorder(),
  schema: RestrictionForm,
  onInvalid: (request) => showCase(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const id = request.params.id ?? '';
        const next = await changeCaseRestriction(
          dependencies(),
          callerOf(request),
          id,
          form.restrictionOperation,
          {
            reason: form.restrictionReason ?? '',
            crimeNumber: form.restrictionCrimeNumber,
            callLogRefs: referenceList(form.restrictionCallLogRefs),
          },
        );
        // Authority to restrict is not a need to know: a chief inspector not on the list loses sight of it.
        return decide(request.principal, next, 'open', request.now).allowed
          ? redirect(`${caseHref(id)}#restriction`)
          : redirect(`/staff/restricted-cases?restricted=${next.case.id}`);
      },
      () => showCase(request),
      request.form,
      { reason: 'restrictionReason', crimeNumber: 'restrictionCrimeNumber' },
    ),
});
