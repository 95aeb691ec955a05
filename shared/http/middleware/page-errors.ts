import { logger } from '../../observability/logger.ts';
import { clearCookie, cookieNames } from '../cookies.ts';
import { CsrfTokenError, OriginNotVerifiedError, UnauthenticatedError } from '../errors.ts';
import { htmlResponse, renderPage } from '../render-page.ts';
import { type HttpMiddleware, type HttpRequest, methodOf, pathAndQuery } from '../request-state.ts';
import { errorStatus } from './error-status.ts';

interface ErrorPage {
  readonly heading: string;
  readonly paragraphs: readonly string[];
  /** Whether the error's own public message says something the person can act on. */
  readonly showMessage: boolean;
}

const pages: Readonly<Record<number, ErrorPage>> = {
  400: { heading: 'There is a problem with what was sent', paragraphs: [], showMessage: true },
  401: { heading: 'You need to sign in', paragraphs: ['Sign in to continue.'], showMessage: false },
  403: {
    heading: 'You do not have permission to see this page',
    paragraphs: ['If you think you should have access, ask your supervisor.'],
    showMessage: false,
  },
  404: {
    heading: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
    showMessage: false,
  },
  409: { heading: 'This record has changed', paragraphs: [], showMessage: true },
  413: { heading: 'What you sent is too large', paragraphs: [], showMessage: true },
  415: { heading: 'What you sent could not be read', paragraphs: [], showMessage: true },
  500: {
    heading: 'Sorry, there is a problem with the service',
    paragraphs: ['Try again later.'],
    showMessage: false,
  },
};

const formNotSent: ErrorPage = {
  heading: 'Your form could not be sent',
  paragraphs: ['Go back, reload the page and try again.'],
  showMessage: false,
};

/** Someone at the API's own address: nothing to act on, nothing about why. */
const notThroughEdge: ErrorPage = { heading: 'Forbidden', paragraphs: [], showMessage: false };

const pageFor = (error: unknown, statusCode: number): ErrorPage => {
  if (error instanceof CsrfTokenError) return formNotSent;
  if (error instanceof OriginNotVerifiedError) return notThroughEdge;
  return pages[statusCode] ?? (pages[statusCode >= 500 ? 500 : 400] as ErrorPage);
};

const fallbackHtml = (heading: string, reference: string): string =>
  `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>${heading}</title></head>` +
  `<body><h1>${heading}</h1><p>Reference ${reference}</p></body></html>`;

/**
 * Turns anything thrown into a page. A signed-out person asking for a staff page is sent to sign in and
 * brought back; faults on our side are logged with the correlation id and shown only as a reference.
 */
export const pageErrors = (): HttpMiddleware => ({
  onError: (request: HttpRequest) => {
    if (request.response !== undefined) return;
    const error = request.error;
    const state = request.context.http;
    const method = methodOf(request.event);

    if (error instanceof UnauthenticatedError && state.cookies[cookieNames.session]) {
      state.cookiesToSet.push(clearCookie(cookieNames.session));
    }
    if (error instanceof UnauthenticatedError && method === 'GET') {
      const returnTo = encodeURIComponent(pathAndQuery(request.event));
      request.response = {
        statusCode: 303,
        headers: { Location: `/sign-in?returnTo=${returnTo}` },
        body: '',
      };
      return;
    }

    const { statusCode, publicMessage } = errorStatus(error);
    if (statusCode >= 500) {
      logger().error('Request failed', { error, statusCode, method, route: request.event.routeKey });
    } else {
      logger().info('Request refused', {
        statusCode,
        reason: error?.name,
        method,
        route: request.event.routeKey,
      });
    }

    const page = pageFor(error, statusCode);
    try {
      request.response = renderPage(request.event, state, {
        template: 'errors/error.njk',
        context: {
          heading: page.heading,
          paragraphs:
            page.showMessage && publicMessage ? [publicMessage, ...page.paragraphs] : page.paragraphs,
          reference: statusCode >= 500 ? state.correlationId : undefined,
          signInUrl: statusCode === 401 ? '/sign-in' : undefined,
        },
        status: statusCode,
      });
    } catch (renderError) {
      logger().error('Error page could not be rendered', { error: renderError });
      request.response = htmlResponse(statusCode, fallbackHtml(page.heading, state.correlationId));
    }
  },
});
