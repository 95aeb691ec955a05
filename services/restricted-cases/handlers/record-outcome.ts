import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref, showCase } from '../case-pages.ts';
import { closeRestrictedCase, recordCaseOutcome } from '../case-service.ts';
import { RuleRefusedError } from '../domain/errors.ts';
import { OutcomeForm } from '../forms.ts';
import { psdOnly } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/** PSD records how the case ended (criminal, misconduct, management action, no case to answer) and closes it. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  schema: OutcomeForm,
  onInvalid: (request) => showCase(request),
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const id = request.params.id ?? '';
        const caller = callerOf(request);
        if (form.operation === 'close') {
          await closeRestrictedCase(dependencies(), caller, id, { reason: form.closeReason ?? '' });
        } else {
          if (!form.outcomeKind) throw new RuleRefusedError('Select the outcome.', 'outcomeKind');
          await recordCaseOutcome(dependencies(), caller, id, {
            kind: form.outcomeKind,
            note: form.outcomeNote ?? '',
          });
        }
        return redirect(`${caseHref(id)}#outcome`);
      },
      () => showCase(request),
      request.form,
      { note: 'outcomeNote' },
    ),
});
