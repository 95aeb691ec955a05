import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { mayRecordInitialContact } from '../domain/workflow.ts';
import { caseHref } from '../web/case-view-model.ts';
import { initialContactView, mayReadCases } from '../web/opening-forms.ts';
import { deniedAccessRecorder, formErrorView } from '../web/staff-web.ts';

/**
 * Records an application made by phone, at a station or through a partner agency: the same questions and
 * checks as the online form, and the clocks start at the initial contact the officer enters.
 */
export const handler = pageHandler({
  policy: mayRecordInitialContact,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, form, now, correlationId }) => {
    const fields = form ?? {};
    try {
      const caseId = await claresLawService().recordInitialContact(principal, fields, { now, correlationId });
      return redirect(
        mayReadCases(principal) ? caseHref(caseId) : `/staff/clares-law/new?recorded=${caseId}`,
      );
    } catch (error) {
      const shown = formErrorView(error, fields, (context, status) => initialContactView(context, status));
      if (shown) return shown;
      throw error;
    }
  },
});
