import { pageHandler } from '../../../shared/http/index.ts';
import { showGrant } from '../grant-pages.ts';
import { psdOrChiefInspector } from '../manifest.ts';
import { deniedAccessRecorder } from '../web.ts';

/** A safeguarding request to decide, or emergency access to review. */
export const handler = pageHandler({
  policy: psdOrChiefInspector,
  deniedAccess: deniedAccessRecorder(),
  handle: (request) => showGrant(request),
});
