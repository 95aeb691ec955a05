import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { breakGlassHours } from '../view-models.ts';

/** APP "Access to records": an officer protecting the victim or a child asks for access, or takes it in an emergency. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: ({ query }) =>
    view('restricted-cases/safeguarding-form.njk', {
      breakGlassHours,
      values: { reference: (query.reference ?? '').slice(0, 60) },
    }),
});
