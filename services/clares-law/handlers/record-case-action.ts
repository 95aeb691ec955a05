import { notFound, pageHandler, redirect } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { isCaseAction } from '../domain/stage-machine.ts';
import { caseReaders } from '../manifest.ts';
import { actionView } from '../web/action-page.ts';
import { caseHref } from '../web/case-view-model.ts';
import { deniedAccessRecorder, formErrorView, isRefusal, refusedView } from '../web/staff-web.ts';

/**
 * Records one step: the domain reads the form, checks the stage machine and the scheme's rules, and the
 * change is audited and written with its messages in one transaction. Then 303 back to the case.
 */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, params, form, now, correlationId }) => {
    const action = params.action ?? '';
    const caseId = params.id ?? '';
    if (!isCaseAction(action)) return notFound();
    const service = claresLawService();
    const fields = form ?? {};
    try {
      const change = await service.performAction(principal, caseId, action, fields, { now, correlationId });
      if (!change) return notFound();
      return redirect(caseHref(caseId));
    } catch (error) {
      if (isRefusal(error)) return refusedView(error, caseHref(caseId));
      const dvdsCase = await service
        .openAction(principal, caseId, action, { now, correlationId })
        .catch(() => undefined);
      const shown = dvdsCase
        ? formErrorView(error, fields, (context, status) => actionView(dvdsCase, action, context, status))
        : undefined;
      if (shown) return shown;
      throw error;
    }
  },
});
