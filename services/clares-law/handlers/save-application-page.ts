import { clientAddressOf } from '../../../shared/abuse/rate-limit.ts';
import { londonDateOf } from '../../../shared/calendar/index.ts';
import { notFound, publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { newJourneyId } from '../../../shared/http/journey-session.ts';
import { InvalidInputError } from '../domain/errors.ts';
import type { RawFields } from '../domain/form-reader.ts';
import {
  checkAnswersPageId,
  emergencyPage,
  firstIncompletePageId,
  mergePageAnswers,
  nextPageId,
  pageById,
  readPage,
} from '../domain/journey.ts';
import { rateRules } from '../domain/rate-limit.ts';
import { journeyStore, rateLimiter } from '../journey-composition.ts';
import { applicationCookie } from '../web/application-journey.ts';
import { valuesForView } from '../web/form-view.ts';
import { applyPath, openJourney, questionView, restart, tooManyRequests } from '../web/journey-web.ts';

const limiter = rateLimiter();

/**
 * Saves one page. The emergency answer is never stored: "yes" goes to the stop page (forgetting any
 * answers already given, or the reference of an application just sent), "no" starts the journey (a new one
 * once an application was sent, so nothing is ever added to it). Other pages are read on their own and saved
 * only when they read cleanly; what was typed is shown again with GOV.UK messages otherwise. Every answer
 * counts against the client's limit except "yes, I am in danger", which always reaches the emergency advice.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const pageId = request.params.page ?? '';
    const posted: RawFields = request.form ?? {};
    const today = londonDateOf(request.now);
    if (pageId !== emergencyPage.id && !pageById(pageId)) return notFound();
    const inDanger = pageId === emergencyPage.id && posted.inDanger === 'yes';
    if (!inDanger && !(await limiter.allow(clientAddressOf(request.event), rateRules.answers, request.now)))
      return tooManyRequests();
    const journey = await openJourney(request);

    if (pageId === emergencyPage.id) {
      try {
        readPage(emergencyPage, posted, today);
      } catch (error) {
        if (error instanceof InvalidInputError) return questionView(emergencyPage, {}, posted, error.issues);
        throw error;
      }
      if (posted.inDanger === 'yes') {
        if (journey.status !== 'none') await journeyStore().forget(journey.id);
        return redirect('/clares-law/in-danger', { cookies: [applicationCookie.forget()] });
      }
      if (journey.status === 'in-progress') return redirect(applyPath(nextPageId(emergencyPage.id, {})));
      const id = newJourneyId();
      await journeyStore().save(id, { answers: {}, reachedCheckAnswers: false }, request.now);
      return redirect(applyPath(nextPageId(emergencyPage.id, {})), {
        cookies: [applicationCookie.inProgress(id)],
      });
    }

    const page = pageById(pageId);
    if (!page) return notFound();
    if (journey.status !== 'in-progress') return restart();
    const answers = mergePageAnswers(journey.state.answers, page, posted);
    try {
      readPage(page, answers, today);
    } catch (error) {
      if (error instanceof InvalidInputError)
        return questionView(page, journey.state.answers, answers, error.issues);
      throw error;
    }
    const reachedCheckAnswers = journey.state.reachedCheckAnswers;
    await journeyStore().save(journey.id, { ...journey.state, answers: valuesForView(answers) }, request.now);
    const incomplete = firstIncompletePageId(answers, today);
    const next = reachedCheckAnswers ? (incomplete ?? checkAnswersPageId) : nextPageId(page.id, answers);
    return redirect(applyPath(next));
  },
});
