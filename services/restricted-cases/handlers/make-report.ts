import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { caseHref } from '../case-pages.ts';
import { makeVictimReport } from '../case-service.ts';
import { ReportForm } from '../forms.ts';
import { callerOf, dependencies, orFormAgain } from '../web.ts';

const formAgain = async () => view('restricted-cases/report-form.njk', {});

/** Records the confidential report; the person who made it lands on their own report. */
export const handler = pageHandler({
  policy: anyStaff,
  schema: ReportForm,
  onInvalid: formAgain,
  handle: (request, form) =>
    orFormAgain(
      async () => {
        const id = await makeVictimReport(dependencies(), callerOf(request), {
          whatHappened: form.whatHappened,
          abuserIsStaff: form.abuserIsStaff,
          abuserCollarNumber: form.abuserCollarNumber,
          supportWanted: form.supportWanted,
          consentToShareWith: form.consentToShareWith,
          acknowledged: form.acknowledged.includes('yes'),
        });
        return redirect(caseHref(id));
      },
      formAgain,
      request.form,
    ),
});
