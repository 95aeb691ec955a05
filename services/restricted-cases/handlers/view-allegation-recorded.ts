import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { recordedAllegation } from '../case-service.ts';
import { callerOf, dependencies, orRefusal } from '../web.ts';

/**
 * The confirmation for the person who recorded the allegation: its reference and who was told. They may be
 * barred from the case itself (a line manager of the suspect), so this page shows nothing more.
 */
export const handler = pageHandler({
  policy: anyStaff,
  handle: (request) =>
    orRefusal(async () => {
      const recorded = await recordedAllegation(dependencies(), callerOf(request), request.params.id ?? '');
      return view('restricted-cases/allegation-recorded.njk', { ...recorded });
    }),
});
