import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { mayRaiseRightToKnow } from '../domain/workflow.ts';
import { caseHref } from '../web/case-view-model.ts';
import { rightToKnowView } from '../web/opening-forms.ts';
import { deniedAccessRecorder, formErrorView } from '../web/staff-web.ts';

/** Raises a right-to-know case; it waits for an inspector's authorisation (force policy PP/04 §12). */
export const handler = pageHandler({
  policy: mayRaiseRightToKnow,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, form, now, correlationId }) => {
    const fields = form ?? {};
    try {
      const caseId = await claresLawService().raiseRightToKnow(principal, fields, { now, correlationId });
      return redirect(caseHref(caseId));
    } catch (error) {
      const shown = formErrorView(error, fields, (context, status) => rightToKnowView(context, status));
      if (shown) return shown;
      throw error;
    }
  },
});
