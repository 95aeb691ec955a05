import { BadRequestError } from '../../../shared/http/index.ts';
import { pageErrors } from '../../../shared/http/middleware/page-errors.ts';
import {
  accessMiddlewares,
  outerMiddlewares,
  requestBasics,
  toHttpHandler,
} from '../../../shared/http/stack.ts';
import { figures } from '../case-service.ts';
import { activeRulesPack } from '../config.ts';
import { figuresCsv } from '../domain/figures.ts';
import { monthRange } from '../figures-range.ts';
import { deniedAccessFor, dependencies, policyOf } from '../http.ts';

const deps = dependencies();
const options = {
  policy: policyOf('GET /staff/dvpn/figures.csv'),
  deniedAccess: deniedAccessFor('download-figures'),
};
const clock = () => new Date();

/** The monthly figures as CSV for the performance returns (seed 002 "Performance management"). */
export const handler = toHttpHandler(
  'page',
  async (event, context) => {
    const request = requestBasics(event, context.http, clock);
    const range = monthRange(request.query, request.now);
    const [problem] = Object.values(range.errors);
    if (problem) throw new BadRequestError(problem.text);
    const pack = activeRulesPack();
    const csv = figuresCsv(
      await figures(deps, range.from, range.to),
      pack.noticeAbbreviation,
      pack.orderAbbreviation,
    );
    return {
      statusCode: 200,
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${pack.id}-figures-${range.from}-to-${range.to}.csv"`,
      },
      body: csv,
    };
  },
  [...outerMiddlewares(pageErrors()), ...accessMiddlewares(options, false, clock)],
);
