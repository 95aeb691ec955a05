import { apiHandler, BadRequestError, json } from '../../../shared/http/index.ts';
import { figures } from '../case-service.ts';
import { monthRange } from '../figures-range.ts';
import { deniedAccessFor, dependencies, policyOf } from '../http.ts';

const deps = dependencies();

/** The monthly figures as JSON. */
export const handler = apiHandler({
  policy: policyOf('GET /api/dvpn/figures'),
  deniedAccess: deniedAccessFor('get-figures'),
  handle: async (request) => {
    const range = monthRange(request.query, request.now);
    const [problem] = Object.values(range.errors);
    if (problem) throw new BadRequestError(problem.text);
    return json({ from: range.from, to: range.to, months: await figures(deps, range.from, range.to) });
  },
});
