import { apiHandler, json } from '../../../shared/http/index.ts';
import { viewCase } from '../case-service.ts';
import { summaryOf } from '../domain/summary.ts';
import { callerOf, deniedAccessFor, dependencies, orHttpError, policyOf } from '../http.ts';

const deps = dependencies();

/** A notice as JSON, with its summary (reference, stage, court deadline). The view is audited. */
export const handler = apiHandler({
  policy: policyOf('GET /api/dvpn/{id}'),
  deniedAccess: deniedAccessFor('get-case'),
  handle: async (request) => {
    const found = await orHttpError(() => viewCase(deps, callerOf(request), request.params.id ?? ''));
    return json({ summary: summaryOf(found), case: found });
  },
});
