import { randomBytes } from 'node:crypto';
import { publicPageHandler, redirect } from '../../../shared/http/index.ts';
import { journeySessions } from '../composition-root.ts';
import { checkAnswers } from '../domain/journey/engine.ts';
import { summarySections } from '../web/check-answers-view.ts';
import { openJourney, pathOfStep, validationContext } from '../web/journey-web.ts';
import { publicView } from '../web/public-views.ts';

const sessions = journeySessions();

/**
 * Check your answers: every answer re-validated (DEFRA forms-engine style), each with a change link. The
 * form carries a one-off submission token, so a double click or a resent form makes one report.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const open = await openJourney(request, sessions);
    if (open.status === 'sent') return redirect('/report/confirmation');
    if (open.status !== 'in-progress') return redirect('/report');
    const { id, state } = open;
    const result = checkAnswers(state.answers, validationContext(request.now));
    if (result.kind === 'incomplete') return redirect(pathOfStep(result.resumeAt));
    const submissionToken = state.submissionToken ?? randomBytes(24).toString('base64url');
    if (!state.reachedCheckAnswers || !state.submissionToken) {
      await sessions.save(id, { ...state, reachedCheckAnswers: true, submissionToken }, request.now);
    }
    const lastPage = result.rows.at(-1)?.changeHref ?? '/report';
    return publicView(
      'check-answers.njk',
      {
        sections: summarySections(result.rows),
        submissionToken,
        backHref: lastPage,
        ...(result.kind === 'invalid'
          ? { errorList: result.errors.map((error) => ({ text: error.text, href: error.href })) }
          : {}),
      },
      { status: result.kind === 'invalid' ? 400 : 200 },
    );
  },
});
