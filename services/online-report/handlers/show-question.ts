import { notFound, publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { journeySessions } from '../composition-root.ts';
import { canVisit, findPage, firstPageId, walk } from '../domain/journey/engine.ts';
import { answersOf, openJourney, pathOfStep, validationContext } from '../web/journey-web.ts';
import { publicView } from '../web/public-views.ts';
import { backHrefOf, questionView } from '../web/question-view.ts';

const sessions = journeySessions();

/** One question of the journey, with what the person answered before; no skipping ahead. */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const page = findPage(request.params.page ?? '');
    if (!page) return notFound();
    const open = await openJourney(request, sessions);
    const answers = answersOf(open);
    const context = validationContext(request.now);
    if (page.id !== firstPageId && !canVisit(page.id, answers, context)) {
      return redirect(
        pathOfStep(open.status === 'in-progress' ? walk(answers, context).stoppedAt : firstPageId),
      );
    }
    const question = questionView(page, answers[page.id] ?? {}, [], backHrefOf(page.id, answers, context));
    return publicView('question.njk', {
      question,
      backHref: question.backHref,
      emergency: page.emergency === true,
    });
  },
});
