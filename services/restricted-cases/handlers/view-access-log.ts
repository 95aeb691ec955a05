import { pageHandler, view } from '../../../shared/http/index.ts';
import { caseHref } from '../case-pages.ts';
import { accessLog } from '../case-service.ts';
import { psdOnly } from '../manifest.ts';
import { accessLogView, flagsOf } from '../view-models.ts';
import { callerOf, deniedAccessRecorder, dependencies, orRefusal } from '../web.ts';

/** Every attempt on the case, newest first, with the result of walking its hash chain (DPA 2018 s.62). */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  handle: (request) =>
    orRefusal(async () => {
      const log = await accessLog(dependencies(), callerOf(request), request.params.id ?? '');
      return view('restricted-cases/access-log.njk', {
        caseId: log.file.case.id,
        caseHref: caseHref(log.file.case.id),
        flags: flagsOf(log.file.case),
        ...accessLogView(log.entries, log.verification),
      });
    }),
});
