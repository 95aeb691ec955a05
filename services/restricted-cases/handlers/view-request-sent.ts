import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';

/** The same answer whatever the reference named: asking reveals nothing about which records exist. */
export const handler = pageHandler({
  policy: anyStaff,
  handle: () => view('restricted-cases/request-sent.njk', {}),
});
