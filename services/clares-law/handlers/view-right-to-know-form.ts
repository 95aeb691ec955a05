import { pageHandler } from '../../../shared/http/index.ts';
import { mayRaiseRightToKnow } from '../domain/workflow.ts';
import { rightToKnowView } from '../web/opening-forms.ts';
import { deniedAccessRecorder } from '../web/staff-web.ts';

/** The form for information received that may call for a disclosure without an application. */
export const handler = pageHandler({
  policy: mayRaiseRightToKnow,
  deniedAccess: deniedAccessRecorder(),
  handle: () => rightToKnowView(),
});
