import { type ViewResult, view } from '../../../shared/http/index.ts';
import { actionForms } from '../domain/action-forms.ts';
import { type DvdsCase, safeContactOf } from '../domain/model.ts';
import { type CaseAction, transitions } from '../domain/stage-machine.ts';
import { actionHref, caseHref, safeContactRows } from './case-view-model.ts';
import { staffWording } from './form-view.ts';

/** The form of one step on a case, fresh or shown again with its problems. */
export const actionView = (
  dvdsCase: DvdsCase,
  action: CaseAction,
  context: Record<string, unknown>,
  status = 200,
  manualChecks = true,
): ViewResult => {
  const form = actionForms[action];
  return view(
    'clares-law/action-form.njk',
    {
      action,
      form: { title: form.title, submitLabel: form.submitLabel },
      fields: staffWording(form.fields(dvdsCase)),
      source: `Rule: ${transitions[action].source}.`,
      reference: dvdsCase.id,
      caseHref: caseHref(dvdsCase.id),
      backHref: caseHref(dvdsCase.id),
      formAction: actionHref(dvdsCase.id, action),
      safeContact: safeContactRows(safeContactOf(dvdsCase)),
      manualChecks,
      values: {},
      ...context,
    },
    { status },
  );
};
