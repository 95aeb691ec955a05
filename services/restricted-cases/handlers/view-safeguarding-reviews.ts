import { pageHandler, view } from '../../../shared/http/index.ts';
import { grantsAwaitingAction } from '../case-service.ts';
import { psdOnly } from '../manifest.ts';
import { grantView } from '../view-models.ts';
import { callerOf, deniedAccessRecorder, dependencies } from '../web.ts';

/** Safeguarding requests waiting for a decision and emergency access waiting for review. */
export const handler = pageHandler({
  policy: psdOnly,
  deniedAccess: deniedAccessRecorder(),
  handle: async (request) => {
    const waiting = await grantsAwaitingAction(dependencies(), callerOf(request));
    const rows = waiting.map((item) => ({
      caseId: item.file.case.id,
      ...grantView(item.file.case.id, item.grant, request.now),
    }));
    return view('restricted-cases/safeguarding-reviews.njk', {
      requests: rows.filter((row) => row.pending),
      reviews: rows.filter((row) => row.awaitingReview),
    });
  },
});
