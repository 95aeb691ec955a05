import { publicPageHandler, view } from '../../../shared/http/index.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { journeyStore } from '../journey-composition.ts';
import { applicationCookie } from '../web/application-journey.ts';

/** Where "Exit this page" sends people: a neutral site (GOV.UK's own default). */
export const exitDestination = 'https://www.bbc.co.uk/weather';

/**
 * "Exit this page" (button or Shift three times) on every public page of the application: forgets the journey
 * (the answers so far, or the reference of one sent), tells the browser to clear this site's cookies and
 * storage, and leaves at once. A failure to forget must never keep the person here: the journey then expires
 * on its own.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const id = applicationCookie.idIn(request.cookies);
    if (id) {
      try {
        await journeyStore().forget(id);
      } catch (error) {
        logger().warn('Journey not forgotten on exit; it expires on its own', { error });
      }
    }
    return view(
      'clares-law/leaving.njk',
      { destination: exitDestination },
      { cookies: [applicationCookie.forget()], clearSiteData: true },
    );
  },
});
