import { notFound, pageHandler } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { actionForms } from '../domain/action-forms.ts';
import { isCaseAction } from '../domain/stage-machine.ts';
import { caseReaders } from '../manifest.ts';
import { actionView } from '../web/action-page.ts';
import { caseHref } from '../web/case-view-model.ts';
import { valuesForView } from '../web/form-view.ts';
import { deniedAccessRecorder, isRefusal, refusedView } from '../web/staff-web.ts';

/**
 * The form of one step. A step out of order or beyond the person's role is refused with the rule that
 * refuses it; a refusal by role is recorded in the case's audit chain.
 */
export const handler = pageHandler({
  policy: caseReaders,
  deniedAccess: deniedAccessRecorder(),
  handle: async ({ principal, params, now, correlationId }) => {
    const action = params.action ?? '';
    const caseId = params.id ?? '';
    if (!isCaseAction(action)) return notFound();
    const service = claresLawService();
    try {
      const dvdsCase = await service.openAction(principal, caseId, action, { now, correlationId });
      if (!dvdsCase) return notFound();
      return actionView(
        dvdsCase,
        action,
        { values: valuesForView(actionForms[action].defaults?.(now) ?? {}) },
        200,
        service.policeSystemsMode === 'manual',
      );
    } catch (error) {
      if (isRefusal(error)) return refusedView(error, caseHref(caseId));
      throw error;
    }
  },
});
