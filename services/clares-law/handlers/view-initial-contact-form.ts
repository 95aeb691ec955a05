import { pageHandler } from '../../../shared/http/index.ts';
import { isCaseReference } from '../domain/reference.ts';
import { mayRecordInitialContact } from '../domain/workflow.ts';
import { initialContactView } from '../web/opening-forms.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

/** The staff form for a right-to-ask application that did not come online. */
export const handler = pageHandler({
  policy: mayRecordInitialContact,
  deniedAccess: deniedAccessRecorder(),
  handle: ({ query }) =>
    initialContactView(query.recorded && isCaseReference(query.recorded) ? { recorded: query.recorded } : {}),
});
