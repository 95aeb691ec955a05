import { pageHandler, redirect, view } from '../../../shared/http/index.ts';
import { changeDraft } from '../case-service.ts';
import { rulesPacks } from '../domain/rules-packs.ts';
import { DraftForm, draftFieldIds } from '../forms/draft-form.ts';
import { callerOf, deniedAccessFor, dependencies, orFormAgain, policyOf } from '../http.ts';
import { packView } from '../view-models.ts';

const deps = dependencies();

const formPage = async (id: string) => {
  const found = await deps.repository.get(id);
  return view('dvpn/draft-form.njk', {
    pack: packView(rulesPacks[found?.pack.id ?? 'dvpn']),
    editing: true,
    action: `/staff/dvpn/${id}/edit`,
    backHref: `/staff/dvpn/${id}`,
  });
};

/** Saves changes to a draft; only its author may (the domain checks). */
export const handler = pageHandler({
  policy: policyOf('POST /staff/dvpn/{id}/edit'),
  deniedAccess: deniedAccessFor('save-draft'),
  schema: DraftForm,
  onInvalid: (request) => formPage(request.params.id ?? ''),
  handle: async (request, details) => {
    const id = request.params.id ?? '';
    const saved = await orFormAgain(
      () => changeDraft(deps, callerOf(request), id, details),
      () => formPage(id),
      request.form,
      draftFieldIds,
    );
    return 'kind' in saved ? saved : redirect(`/staff/dvpn/${id}`);
  },
});
