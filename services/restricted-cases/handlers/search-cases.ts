import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { searchCases } from '../case-service.ts';
import { summaryRow } from '../view-models.ts';
import { callerOf, dependencies } from '../web.ts';

/**
 * Find a case by reference, crime number or suspect's collar number. Every case the search touches is an
 * audited, alerted attempt; one this person may not see is simply absent, from the list and from the count.
 */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async (request) => {
    const term = (request.query.q ?? '').trim().slice(0, 60);
    const results = term ? await searchCases(dependencies(), callerOf(request), term) : [];
    return view('restricted-cases/search.njk', {
      term,
      searched: term !== '',
      results: results.map(summaryRow),
    });
  },
});
