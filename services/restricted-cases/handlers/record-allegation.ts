import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { recordNewAllegation } from '../case-service.ts';
import { AllegationForm, referenceList } from '../forms.ts';
import { callerOf, dependencies, orFormAgain } from '../web.ts';

const formAgain = async () => view('restricted-cases/allegation-form.njk', { mayRecordAllegation: true });

/** Records the allegation, flags it, and tells PSD, the commander and the supervisor at once (PP/04 §7.2). */
export const handler = pageHandler({
  policy: anyStaff,
  schema: AllegationForm,
  onInvalid: formAgain,
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const recorded = await recordNewAllegation(dependencies(), callerOf(request), {
          suspectCollarNumber: form.suspectCollarNumber,
          victimDescription: form.victimDescription,
          victimCollarNumber: form.victimCollarNumber,
          summary: form.summary,
          receivedAs: form.receivedAs,
          criminal: form.criminal === 'yes',
          crimeNumber: form.crimeNumber,
          callLogRefs: referenceList(form.callLogRefs),
          urgentSafeguarding: form.urgentSafeguarding === 'yes',
          safeguardingDetails: form.safeguardingDetails,
        });
        return redirect(`/staff/restricted-cases/allegations/${recorded.caseId}/recorded`);
      },
      formAgain,
      request.form,
    ),
});
