import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { myCases } from '../case-service.ts';
import { summaryRow } from '../view-models.ts';
import { callerOf, dependencies } from '../web.ts';

/** The cases this person is on the list of, their own confidential reports among them; each listing audited. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async (request) => {
    const cases = await myCases(dependencies(), callerOf(request));
    return view('restricted-cases/my-cases.njk', { cases: cases.map(summaryRow) });
  },
});
