import { clearCookie, cookieNames, pageHandler, redirect } from '../../../shared/http/index.ts';

/** Public so that a member of staff whose token has already expired can still sign out cleanly. */
export const handler = pageHandler({
  policy: 'public',
  handle: () => redirect('/', { cookies: [clearCookie(cookieNames.session)] }),
});
