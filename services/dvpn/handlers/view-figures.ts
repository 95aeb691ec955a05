import { pageHandler, view } from '../../../shared/http/index.ts';
import { figures } from '../case-service.ts';
import { activeRulesPack } from '../config.ts';
import { monthRange } from '../figures-range.ts';
import { deniedAccessFor, dependencies, policyOf } from '../http.ts';
import { figuresView, packView } from '../view-models.ts';

const deps = dependencies();

const label = (month: string) =>
  new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );

/** Step 7: notices drafted, authorised, refused; orders applied for and granted; medians; per month. */
export const handler = pageHandler({
  policy: policyOf('GET /staff/dvpn/figures'),
  deniedAccess: deniedAccessFor('view-figures'),
  handle: async (request) => {
    const range = monthRange(request.query, request.now);
    const rows = await figures(deps, range.from, range.to);
    const errorList = Object.entries(range.errors).map(([field, error]) => ({
      text: error.text,
      href: `#${field}`,
    }));
    return view(
      'dvpn/figures.njk',
      {
        pack: packView(activeRulesPack()),
        figures: figuresView(rows),
        from: range.from,
        to: range.to,
        fromLabel: label(range.from),
        toLabel: label(range.to),
        errors: range.errors,
        errorList,
      },
      { status: errorList.length > 0 ? 400 : 200 },
    );
  },
});
