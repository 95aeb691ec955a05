import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { createDraft } from '../case-service.ts';
import { activeRulesPack } from '../config.ts';
import { DraftForm, draftFieldIds } from '../forms/draft-form.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';
import { packView } from '../view-models.ts';

const deps = dependencies();

const formPage = () =>
  view('dvpn/draft-form.njk', {
    pack: packView(activeRulesPack()),
    action: '/staff/dvpn/new',
    backHref: '/staff/dvpn',
  });

/** Saves a new draft; the pack's rules (associations, grounds, conditions) are checked by the domain. */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/new'),
  deniedAccess: deniedAccessFor('create-draft'),
  schema: DraftForm,
  onInvalid: formPage,
  handle: async (request, details) => {
    const saved = await orFormAgain(
      () => createDraft(deps, callerOf(request), details),
      formPage,
      request.form,
      draftFieldIds,
    );
    return 'kind' in saved ? saved : redirect(`/staff/dvpn/${saved.id}`);
  },
});
