import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { requestCookies } from '../../../shared/http/cookies.ts';
import { inCorrelationScope } from '../../../shared/observability/correlation.ts';
import { logger } from '../../../shared/observability/logger.ts';
import { journeyCookieName } from '../adapters/journey-session-store.ts';
import { journeySessions } from '../composition-root.ts';
import { forgetJourneyCookie } from '../web/journey-web.ts';

const sessions = journeySessions();

/** Where "Exit this page" sends people: a neutral site (GOV.UK's own default). */
export const exitDestination = 'https://www.bbc.co.uk/weather';

/**
 * A bare page that moves straight on (a refresh of 0 seconds, so no script is needed and the page works
 * with JavaScript off), with a plain link for browsers that do not follow it. Nothing on it says where the
 * person has been.
 */
const leavingPage = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="0; url=${exitDestination}">
<title>Loading</title>
</head>
<body>
<p><a href="${exitDestination}">Continue</a></p>
</body>
</html>`;

/**
 * "Exit this page" (button or Shift three times): forgets the journey, tells the browser to clear this
 * site's cookies and storage, and leaves at once. A failure to forget must never keep the person here.
 */
export const handler = async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> =>
  inCorrelationScope(async () => {
    const id = requestCookies(event)[journeyCookieName];
    if (id) {
      try {
        await sessions.forget(id);
      } catch (error) {
        logger().warn('Journey not forgotten on exit; it expires on its own', { error });
      }
    }
    return {
      statusCode: 200,
      headers: {
        'Content-Type': 'text/html; charset=utf-8',
        'Cache-Control': 'no-store',
        'Clear-Site-Data': '"cookies", "storage"',
        'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'",
        'Referrer-Policy': 'no-referrer',
        'X-Content-Type-Options': 'nosniff',
      },
      cookies: [forgetJourneyCookie()],
      body: leavingPage,
    };
  });
