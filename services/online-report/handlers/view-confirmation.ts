import { publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { journeySessions } from '../composition-root.ts';
import { openJourney } from '../web/journey-web.ts';
import { publicView } from '../web/public-views.ts';

const sessions = journeySessions();

/**
 * The reference of the report this browser sent. Reading it changes nothing, so a reload, or a page lost on
 * the way and asked for again, shows the same reference. The session holds the reference alone (the answers
 * left it when the report was sent) and it, and the cookie, expire 15 minutes after sending; "Exit this page"
 * forgets it at once. The title and address say nothing about the report.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const open = await openJourney(request, sessions);
    if (open.status !== 'sent') return redirect('/report');
    return publicView('confirmation.njk', { reference: open.reference });
  },
});
