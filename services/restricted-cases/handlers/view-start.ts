import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { mayRecord } from '../case-service.ts';
import { CaseId } from '../domain/model.ts';
import { dependencies } from '../web.ts';

/** Where every member of staff starts: report as a victim, record an allegation, find a case, ask for access. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: async ({ principal, query }) =>
    view('restricted-cases/start.njk', {
      mayRecordAllegation: await mayRecord(dependencies(), principal),
      isPsd: principal.department === 'PSD',
      // After a chief inspector restricts a case they are not on the list of: the reference they already hold.
      restricted: CaseId.safeParse(query.restricted).success ? query.restricted : undefined,
    }),
});
