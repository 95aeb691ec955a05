import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { journeySessions } from '../composition-root.ts';
import { forgetJourneyCookie, openJourney } from '../web/journey-web.ts';
import { publicView } from '../web/public-views.ts';

const sessions = journeySessions();

/**
 * The reference, shown once: the journey is forgotten and its cookie cleared as the page is sent, so a
 * shared phone keeps nothing. The title and address say nothing about the report.
 */
export const handler = pageHandler({
  policy: 'public',
  handle: async (request) => {
    const { id, state } = await openJourney(request, sessions);
    if (!id || !state?.submitted) return redirect('/report');
    await sessions.forget(id);
    return publicView(
      'confirmation.njk',
      { reference: state.submitted.reference },
      { cookies: [forgetJourneyCookie()] },
    );
  },
});
