import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { mayRecord } from '../case-service.ts';
import { dependencies } from '../web.ts';

/** PP/04 §7.2: the inspector or police staff manager who received an allegation against staff records it. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async ({ principal }) =>
    view('restricted-cases/allegation-form.njk', {
      mayRecordAllegation: await mayRecord(dependencies(), principal),
    }),
});
