import * as z from 'zod';
import { Department, departments } from '../../../shared/auth/principal.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { dashboard, dashboardStatuses } from '../case-service.ts';
import { activeRulesPack } from '../config.ts';
import { deniedAccessFor, dependencies, policyOf } from '../http.ts';
import { dashboardView, packView } from '../view-models.ts';

const deps = dependencies();

/** The unit dashboard: every active notice by stage with the court countdown. Lists carry no personal details. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn'),
  deniedAccess: deniedAccessFor('view-dashboard'),
  handle: async (request) => {
    const unit = Department.safeParse(request.query.unit);
    const expand = z.enum(dashboardStatuses).safeParse(request.query.show);
    const board = await dashboard(deps, request.now, {
      ...(unit.success ? { unit: unit.data } : {}),
      ...(expand.success ? { expand: expand.data } : {}),
    });
    return view('dvpn/dashboard.njk', {
      unitQuery: unit.success ? `&unit=${unit.data}` : '',
      board: dashboardView(board, request.now),
      pack: packView(activeRulesPack()),
      unitItems: [
        { value: '', text: 'Every unit' },
        ...departments.map((department) => ({
          value: department,
          text: department
            .replace('_', ' ')
            .toLowerCase()
            .replace(/^./, (first) => first.toUpperCase()),
          selected: unit.success && unit.data === department,
        })),
      ],
    });
  },
});
