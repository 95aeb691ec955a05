import { publicPageHandler, view } from '../../../shared/http/index.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { journeySessions } from '../composition-root.ts';
import { reportJourneyCookie } from '../web/journey-web.ts';

const sessions = journeySessions();

/** Where "Exit this page" sends people: a neutral site (GOV.UK's own default). */
export const exitDestination = 'https://www.bbc.co.uk/weather';

/**
 * "Exit this page" (button or Shift three times): forgets the journey, tells the browser to clear this
 * site's cookies and storage, and leaves at once. It goes through the shared page stack like every other
 * page, so it carries the same security headers. A failure to forget must never keep the person here.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const id = reportJourneyCookie.idIn(request.cookies);
    if (id) {
      try {
        await sessions.forget(id);
      } catch (error) {
        logger().warn('Journey not forgotten on exit; it expires on its own', { error });
      }
    }
    return view(
      'online-report/leaving.njk',
      { destination: exitDestination },
      { cookies: [reportJourneyCookie.forget()], clearSiteData: true },
    );
  },
});
