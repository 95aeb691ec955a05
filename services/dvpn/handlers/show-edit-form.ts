import { ConflictError, pageHandler, view } from '../../../shared/http/index.ts';
import { viewCase } from '../case-service.ts';
import { caseReference } from '../domain/documents.ts';
import { packOf } from '../domain/workflow.ts';
import { draftFormValues } from '../forms/draft-form.ts';
import { callerOf, deniedAccessFor, dependencies, orHttpError, policyOf } from '../http.ts';
import { packView } from '../view-models.ts';

const deps = dependencies();

/** The draft form filled with the stored draft, under the pack the case was drafted with. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}/edit'),
  deniedAccess: deniedAccessFor('show-edit-form'),
  handle: async (request) => {
    const found = await orHttpError(() => viewCase(deps, callerOf(request), request.params.id ?? ''));
    if (found.status !== 'draft') throw new ConflictError('Only a draft can be changed.');
    return view('dvpn/draft-form.njk', {
      pack: packView(packOf(found)),
      editing: true,
      reference: caseReference(found),
      action: `/staff/dvpn/${found.id}/edit`,
      backHref: `/staff/dvpn/${found.id}`,
      values: draftFormValues(found.details),
    });
  },
});
