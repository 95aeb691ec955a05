import { clientAddressOf } from '../../../shared/abuse/rate-limit.ts';
import { londonDateOf } from '../../../shared/calendar/index.ts';
import { publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { claresLawService } from '../composition-root.ts';
import { firstIncompletePageId } from '../domain/journey.ts';
import { rateRules } from '../domain/rate-limit.ts';
import { journeyStore, rateLimiter } from '../journey-composition.ts';
import { applicationCookie, submissionKeyOf } from '../web/application-journey.ts';
import { applyPath, confirmationPath, openJourney, restart, tooManyRequests } from '../web/journey-web.ts';

const limiter = rateLimiter();

/**
 * Sends the application. Check your answers re-reads every page first; the submission key makes a second
 * press of the button (or a retried request) find the case already made instead of making another. The
 * answers then leave the journey at once: only the reference stays, for the confirmation page to show to
 * this browser for 15 minutes. One client may apply ten times an hour (domain/rate-limit.ts).
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const journey = await openJourney(request);
    if (journey.status === 'sent') return redirect(confirmationPath);
    if (journey.status !== 'in-progress') return restart();
    if (!(await limiter.allow(clientAddressOf(request.event), rateRules.applications, request.now)))
      return tooManyRequests();
    const incomplete = firstIncompletePageId(journey.state.answers, londonDateOf(request.now));
    if (incomplete) return redirect(applyPath(incomplete));
    const { caseId } = await claresLawService().submitOnline(
      journey.state.answers,
      submissionKeyOf(journey.id),
      { now: request.now, correlationId: request.correlationId },
    );
    await journeyStore().markSent(journey.id, caseId, request.now);
    return redirect(confirmationPath, { cookies: [applicationCookie.sent(journey.id)] });
  },
});
