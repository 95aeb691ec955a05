import { publicPageHandler, view } from '../../../shared/http/index.ts';
import { helplineContext } from '../web/journey-web.ts';

/** The stop page for someone in danger now: 999, the Silent Solution and text relay. Nothing is stored. */
export const handler = publicPageHandler({
  policy: 'public',
  handle: () => view('clares-law/emergency.njk', helplineContext),
});
