import { londonDateOf } from '../../../shared/calendar/index.ts';
import { notFound, publicPageHandler, redirect, view } from '../../../shared/http/index.ts';
import {
  checkAnswersPageId,
  emergencyPage,
  firstIncompletePageId,
  pageById,
  previousPageId,
} from '../domain/journey.ts';
import { journeyStore } from '../journey-composition.ts';
import { answerCards } from '../web/form-view.ts';
import { applyPath, openJourney, questionView, restart } from '../web/journey-web.ts';

/**
 * One page of the online application, or check your answers. The emergency question needs no journey
 * (nothing is stored before it is answered); every other page needs the journey it belongs to.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const pageId = request.params.page ?? '';
    if (pageId === emergencyPage.id) return questionView(emergencyPage, {}, {});
    const journey = await openJourney(request);
    if (journey.status !== 'in-progress') return restart();
    const answers = journey.state.answers;
    const today = londonDateOf(request.now);

    if (pageId === checkAnswersPageId) {
      const incomplete = firstIncompletePageId(answers, today);
      if (incomplete) return redirect(applyPath(incomplete));
      if (!journey.state.reachedCheckAnswers) {
        await journeyStore().save(journey.id, { ...journey.state, reachedCheckAnswers: true }, request.now);
      }
      return view('clares-law/check-answers.njk', {
        cards: answerCards(answers, (page) => applyPath(page.id)),
        backLink: applyPath(previousPageId(checkAnswersPageId, answers)),
      });
    }

    const page = pageById(pageId);
    if (!page) return notFound();
    if (!page.applies(answers))
      return redirect(applyPath(firstIncompletePageId(answers, today) ?? checkAnswersPageId));
    return questionView(page, answers, answers);
  },
});
