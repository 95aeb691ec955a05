import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { caseHref } from '../case-pages.ts';
import { requestAccessReport } from '../case-service.ts';
import { psdOnly } from '../manifest.ts';
import { callerOf, deniedAccessRecorder, dependencies, orRefusal } from '../web.ts';

/** Asks the documents service for the case's access report as a signed PDF; the export itself is audited. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  handle: (request) =>
    orRefusal(async () => {
      const id = request.params.id ?? '';
      await requestAccessReport(dependencies(), callerOf(request), id);
      return redirect(`${caseHref(id)}#access-reports`);
    }),
});
