import * as z from 'zod';
import { Department } from '../../../shared/auth/principal.ts';
import { apiHandler, json } from '../../../shared/http/index.ts';
import { dashboard, dashboardStatuses } from '../case-service.ts';
import { deniedAccessFor, dependencies, policyOf } from '../http.ts';

const deps = dependencies();

/** The unit dashboard as JSON: summaries by stage, each in deadline order. */
export const handler = apiHandler({
  policy: policyOf('GET /api/dvpn'),
  deniedAccess: deniedAccessFor('get-dashboard'),
  handle: async (request) => {
    const unit = Department.safeParse(request.query.unit);
    const expand = z.enum(dashboardStatuses).safeParse(request.query.show);
    return json(
      await dashboard(deps, request.now, {
        ...(unit.success ? { unit: unit.data } : {}),
        ...(expand.success ? { expand: expand.data } : {}),
      }),
    );
  },
});
