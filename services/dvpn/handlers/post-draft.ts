import { apiHandler, json } from '../../../shared/http/index.ts';
import { apiBodies } from '../api-schemas.ts';
import { createDraft } from '../case-service.ts';
import { summaryOf } from '../domain/summary.ts';
import { apiRefusal, callerOf, deniedAccessFor, dependencies, policyOf } from '../http.ts';

const deps = dependencies();

/** Drafts a notice from JSON; 201 with the case, or 422 naming the rule the draft breaks. */
export const handler = apiHandler({
  policy: policyOf('POST /api/dvpn'),
  deniedAccess: deniedAccessFor('post-draft'),
  schema: apiBodies.draft,
  handle: (request, details) =>
    apiRefusal(async () => {
      const created = await createDraft(deps, callerOf(request), details);
      return json({ summary: summaryOf(created), case: created }, 201);
    }),
});
