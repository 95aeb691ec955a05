import { pageHandler, view } from '../../../shared/http/index.ts';
import { allCases } from '../case-service.ts';
import { psdOnly } from '../manifest.ts';
import { summaryRow } from '../view-models.ts';
import { callerOf, deniedAccessRecorder, dependencies } from '../web.ts';

/** PSD's console: every restricted case with its flags and stage; each listing is audited. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  handle: async (request) => {
    const cases = await allCases(dependencies(), callerOf(request));
    return view('restricted-cases/psd-console.njk', { cases: cases.map(summaryRow) });
  },
});
