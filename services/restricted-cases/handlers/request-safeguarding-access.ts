import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { caseHref } from '../case-pages.ts';
import { askForSafeguardingAccess, breakGlassAccess } from '../case-service.ts';
import { CaseNotFoundError } from '../domain/errors.ts';
import { SafeguardingForm } from '../forms.ts';
import { breakGlassHours } from '../view-models.ts';
import { callerOf, dependencies, orFormAgain } from '../web.ts';

const formAgain = async () => view('restricted-cases/safeguarding-form.njk', { breakGlassHours });

/**
 * A request goes to PSD and the same page follows whether or not the reference names a case. Break glass
 * opens the case at once; with no matching case it says so, after the attempt is audited and alerted.
 */
export const handler = pageHandler({
  policy: anyStaff,
  schema: SafeguardingForm,
  onInvalid: formAgain,
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const caller = callerOf(request);
        const reason = form.reason ?? '';
        if (form.kind === 'request') {
          await askForSafeguardingAccess(dependencies(), caller, form.reference, reason);
          return redirect('/staff/restricted-cases/safeguarding/sent');
        }
        try {
          const id = await breakGlassAccess(dependencies(), caller, form.reference, reason);
          return redirect(caseHref(id));
        } catch (error) {
          if (!(error instanceof CaseNotFoundError)) throw error;
          const page = await formAgain();
          const text = 'No record matches that reference. Check the case reference or crime number.';
          return view(
            page.template,
            {
              ...page.context,
              values: request.form ?? {},
              errors: { reference: { text } },
              errorList: [{ text, href: '#reference' }],
            },
            { status: 404 },
          );
        }
      },
      formAgain,
      request.form,
    ),
});
