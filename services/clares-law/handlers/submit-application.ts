import { clientAddressOf } from '../../../shared/abuse/rate-limit.ts';
import { londonDateOf } from '../../../shared/calendar/index.ts';
import { pageHandler, redirect } from '../../../shared/http/index.ts';
import { submissionKeyOf } from '../adapters/journey-store.ts';
import { claresLawService, journeyStore, rateLimiter } from '../composition-root.ts';
import { firstIncompletePageId } from '../domain/journey.ts';
import { rateRules } from '../domain/rate-limit.ts';
import { applyPath, loadJourney, restart, tooManyRequests } from '../web/journey-web.ts';

const limiter = rateLimiter();

/**
 * Sends the application. Check your answers re-reads every page first; the submission key makes a second
 * press of the button (or a retried request) find the case already made instead of making another.
 * Afterwards the journey keeps only the reference, for the confirmation page. One client may apply ten times
 * an hour (domain/rate-limit.ts).
 */
export const handler = pageHandler({
  policy: 'public',
  handle: async (request) => {
    const journey = await loadJourney(request);
    if (!journey) return restart();
    if (journey.state.submittedReference) return redirect('/clares-law/confirmation');
    if (!(await limiter.allow(clientAddressOf(request.event), rateRules.applications, request.now)))
      return tooManyRequests();
    const incomplete = firstIncompletePageId(journey.state.answers, londonDateOf(request.now));
    if (incomplete) return redirect(applyPath(incomplete));
    const { caseId } = await claresLawService().submitOnline(
      journey.state.answers,
      submissionKeyOf(journey.id),
      {
        now: request.now,
        correlationId: request.correlationId,
      },
    );
    await journeyStore().save(
      journey.id,
      { answers: {}, reachedCheckAnswers: true, submittedReference: caseId },
      request.now,
    );
    return redirect('/clares-law/confirmation');
  },
});
