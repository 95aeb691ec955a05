import type { Principal } from '../../shared/auth/principal.ts';
import { ConflictError, type ViewResult, view } from '../../shared/http/index.ts';
import type { Caller } from './case-service.ts';
import { viewCase } from './case-service.ts';
import { considerationLabels, requiredConsiderations } from './domain/considerations.ts';
import { availableConditions } from './domain/draft-rules.ts';
import type { CaseStatus, DvpnCase } from './domain/model.ts';
import { packOf } from './domain/workflow.ts';
import { dependencies, orHttpError } from './http.ts';
import { caseView, conditionItems } from './view-models.ts';

/** The form pages of one case, each shown only at the stage it belongs to. */
export type CaseForm = 'decision' | 'service' | 'application' | 'hearing' | 'breach';

const stages: Readonly<Record<CaseForm, readonly CaseStatus[]>> = {
  decision: ['awaiting-authorisation'],
  service: ['notice-issued'],
  application: ['served'],
  hearing: ['served', 'adjourned'],
  breach: ['served', 'adjourned', 'order-granted', 'order-refused'],
};

const extras = (form: CaseForm, dvpnCase: DvpnCase): Record<string, unknown> => {
  const pack = packOf(dvpnCase);
  const conditions = conditionItems(pack, dvpnCase.details.sharesPremises).filter((item) =>
    availableConditions(pack, dvpnCase.details.sharesPremises).includes(item.value),
  );
  switch (form) {
    case 'decision':
      return {
        considerationsSource: pack.considerationsSource,
        considerations: requiredConsiderations(dvpnCase.details).map((key) => ({
          value: key,
          text: considerationLabels[key],
        })),
      };
    case 'application':
    case 'hearing':
      return { conditions };
    default:
      return {};
  }
};

/** The page for a case form, from a case already read (and its view audited). */
export const formView = (form: CaseForm, dvpnCase: DvpnCase, principal: Principal, now: Date): ViewResult =>
  view(`dvpn/${form}.njk`, {
    c: caseView(dvpnCase, principal, now),
    backHref: `/staff/dvpn/${dvpnCase.id}`,
    ...extras(form, dvpnCase),
  });

/** The form values a page starts with, from what the case already holds. */
const startingValues = (form: CaseForm, dvpnCase: DvpnCase): Record<string, unknown> => {
  if (form === 'application') {
    return {
      court: dvpnCase.details.court,
      conditions: [...dvpnCase.details.conditions],
      stayAwayDistance: dvpnCase.details.stayAwayDistanceMetres?.toString() ?? '',
      durationSoughtDays: packOf(dvpnCase).orderDuration.maximumDays?.toString() ?? '',
    };
  }
  if (form === 'hearing') {
    return {
      conditions: [...(dvpnCase.application?.conditionsSought ?? [])],
      stayAwayDistance: dvpnCase.application?.stayAwayDistanceMetres?.toString() ?? '',
      durationDays: dvpnCase.application?.durationSoughtDays?.toString() ?? '',
    };
  }
  return {};
};

/** GET of a case form: reads the case (audited), refuses if the case is not at that stage. */
export const showCaseForm = async (form: CaseForm, caller: Caller, id: string): Promise<ViewResult> => {
  const found = await orHttpError(() => viewCase(dependencies(), caller, id));
  if (!stages[form].includes(found.status)) {
    throw new ConflictError(
      'This notice is not at the stage for that. Go back to the notice to see where it stands.',
    );
  }
  const page = formView(form, found, caller.principal, caller.now);
  return view(page.template, { ...page.context, values: startingValues(form, found) });
};

/** The form again after a refusal, without a second audited view: the refusal itself is audited. */
export const formAgain = async (form: CaseForm, caller: Caller, id: string): Promise<ViewResult> => {
  const found = await dependencies().repository.get(id);
  if (!found) throw new ConflictError('This notice no longer exists.');
  return formView(form, found, caller.principal, caller.now);
};
