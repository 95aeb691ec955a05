import { notFound, publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { journeySessions, rateLimiter } from '../composition-root.ts';
import {
  canVisit,
  findPage,
  firstPageId,
  isExit,
  readPage,
  stepAfterSave,
  validatePage,
  walk,
} from '../domain/journey/engine.ts';
import { honeypotWeight, rateRules } from '../domain/rate-limit.ts';
import {
  answersOf,
  honeypotFilled,
  journeyToWrite,
  openJourney,
  pathOfStep,
  reportJourneyCookie,
  sourceAddress,
  validationContext,
} from '../web/journey-web.ts';
import { publicView, tooManyRequests } from '../web/public-views.ts';
import { backHrefOf, questionView } from '../web/question-view.ts';

const sessions = journeySessions();
const limiter = rateLimiter();

/**
 * Saves one answer and moves on. An answer that ends the journey (an emergency, a category not taken
 * online) stores nothing and forgets what was kept; it is never rate limited, so the advice always shows.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const page = findPage(request.params.page ?? '');
    if (!page) return notFound();
    const form = request.form ?? {};
    const input = readPage(page, form);
    const context = validationContext(request.now);
    const check = validatePage(page, input, context);
    const open = await openJourney(request, sessions);
    const answers = answersOf(open);

    if (check.errors.length === 0) {
      const next = stepAfterSave(page, check.values, answers, {
        ...context,
        reachedCheckAnswers: false,
      });
      if (isExit(next)) {
        const id = reportJourneyCookie.idIn(request.cookies);
        if (id) await sessions.forget(id);
        return redirect(pathOfStep(next), { cookies: [reportJourneyCookie.forget()] });
      }
    }

    const weight = honeypotFilled(form) ? honeypotWeight : 1;
    if (!(await limiter.allow(sourceAddress(request), rateRules.answers, request.now, weight))) {
      return tooManyRequests();
    }

    if (page.id !== firstPageId && !canVisit(page.id, answers, context)) {
      return redirect(
        pathOfStep(open.status === 'in-progress' ? walk(answers, context).stoppedAt : firstPageId),
      );
    }
    if (check.errors.length > 0) {
      const question = questionView(page, input, check.errors, backHrefOf(page.id, answers, context));
      return publicView(
        'question.njk',
        {
          question,
          backHref: question.backHref,
          emergency: page.emergency === true,
          errorList: check.errors.map((error) => ({ text: error.text, href: error.href })),
        },
        { status: 400 },
      );
    }

    const journey = journeyToWrite(open);
    const state = { ...journey.state, answers: { ...journey.state.answers, [page.id]: input } };
    await sessions.save(journey.id, state, request.now);
    const next = stepAfterSave(page, check.values, state.answers, {
      ...context,
      reachedCheckAnswers: state.reachedCheckAnswers,
    });
    return redirect(
      pathOfStep(next),
      journey.isNew ? { cookies: [reportJourneyCookie.inProgress(journey.id)] } : {},
    );
  },
});
