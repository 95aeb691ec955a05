import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref, showCase } from '../case-pages.ts';
import { manageAccessList } from '../case-service.ts';
import { AccessListForm } from '../forms.ts';
import { psdOnly } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orFormAgain } from '../web.ts';

/** Where a refusal by the rules is shown, for each form of the access list. */
const fieldIds = {
  'add-member': { collarNumber: 'memberCollarNumber', reason: 'memberReason', until: 'until-day' },
  'add-conflict': { collarNumber: 'conflictCollarNumber', reason: 'conflictReason' },
  'remove-member': { collarNumber: 'access-list', reason: 'access-list' },
  'remove-conflict': { collarNumber: 'access-list', reason: 'access-list' },
} as const;

/** PSD keeps the need-to-know list: the investigating team, named people until an end date, and conflicts. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  schema: AccessListForm,
  onInvalid: (request) => showCase(request),
  handle: (request, command) =>
    orFormAgain(
      async () => {
        const id = request.params.id ?? '';
        await manageAccessList(dependencies(), callerOf(request), id, command);
        return redirect(`${caseHref(id)}#access-list`);
      },
      () => showCase(request),
      request.form,
      fieldIds[command.operation],
    ),
});
