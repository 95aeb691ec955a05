import { publicPageHandler, view } from '../../../shared/http/index.ts';
import { helplineContext } from '../web/journey-web.ts';

/** The start page: what the scheme is, who can apply, what happens next, and the emergency numbers. */
export const handler = publicPageHandler({
  policy: 'public',
  handle: () => view('clares-law/start.njk', helplineContext),
});
