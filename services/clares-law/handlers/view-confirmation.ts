import { pageHandler, view } from '../../../shared/http/index.ts';
import { journeyStore } from '../composition-root.ts';
import { forgetJourneyCookie, helplineContext, loadJourney, restart } from '../web/journey-web.ts';

/**
 * The reference and the safety advice, shown once: the journey is then forgotten, so nobody who picks up
 * the device later can find that an application was made. The page says nothing about the subject.
 */
export const handler = pageHandler({
  policy: 'public',
  handle: async (request) => {
    const journey = await loadJourney(request);
    const reference = journey?.state.submittedReference;
    if (!journey || !reference) return restart();
    await journeyStore().forget(journey.id);
    return view(
      'clares-law/confirmation.njk',
      { reference, ...helplineContext },
      { cookies: [forgetJourneyCookie()] },
    );
  },
});
