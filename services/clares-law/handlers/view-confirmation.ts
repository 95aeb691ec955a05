import { publicPageHandler, view } from '../../../shared/http/index.ts';
import { helplineContext, openJourney, restart } from '../web/journey-web.ts';

/**
 * The reference and the safety advice. Reading it changes nothing, so a reload, or a page lost on the way and
 * asked for again, shows the same reference. The journey holds the reference alone (the answers left it when
 * the application was sent), and it and the cookie expire 15 minutes after sending; "Exit this page" forgets
 * it at once. The page says nothing about the subject.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const journey = await openJourney(request);
    if (journey.status !== 'sent') return restart();
    return view('clares-law/confirmation.njk', { reference: journey.reference, ...helplineContext });
  },
});
