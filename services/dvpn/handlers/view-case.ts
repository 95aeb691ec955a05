import { pageHandler, view } from '../../../shared/http/index.ts';
import { viewCase } from '../case-service.ts';
import { callerOf, deniedAccessFor, dependencies, orHttpError, policyOf } from '../http.ts';
import { caseView } from '../view-models.ts';

const deps = dependencies();

/** One notice: its details, stage, court countdown and the actions open to this officer. The view is audited. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/{id}'),
  deniedAccess: deniedAccessFor('view-case'),
  handle: async (request) => {
    const found = await orHttpError(() => viewCase(deps, callerOf(request), request.params.id ?? ''));
    return view('dvpn/case.njk', {
      c: caseView(found, request.principal, request.now),
      backHref: '/staff/dvpn',
    });
  },
});
