import {
  clearCookie,
  type PageRequest,
  redirect,
  setCookie,
  type ViewResult,
  view,
} from '../../../shared/http/index.ts';
import { isJourneyId, type JourneyState, journeyCookieName } from '../adapters/journey-store.ts';
import { journeyStore } from '../composition-root.ts';
import type { FieldIssue } from '../domain/errors.ts';
import type { RawFields } from '../domain/form-reader.ts';
import { checkAnswersPageId, emergencyPage, type JourneyPage, previousPageId } from '../domain/journey.ts';
import { nationalHelpline } from '../domain/vocabulary.ts';
import { errorContext, valuesForView } from './form-view.ts';

export const startPath = '/clares-law';
export const applyPath = (pageId: string): string => `/clares-law/apply/${pageId}`;
export const firstQuestionPath = applyPath(emergencyPage.id);

export interface LoadedJourney {
  readonly id: string;
  readonly state: JourneyState;
}

/** The journey the browser's cookie points at, if it is still alive. */
export const loadJourney = async (request: PageRequest<'public'>): Promise<LoadedJourney | undefined> => {
  const id = request.cookies[journeyCookieName];
  if (!isJourneyId(id)) return undefined;
  const state = await journeyStore().load(id, request.now);
  return state ? { id, state } : undefined;
};

export const journeyCookie = (id: string): string => setCookie(journeyCookieName, id, { sameSite: 'Strict' });
export const forgetJourneyCookie = (): string => clearCookie(journeyCookieName);

/** Back to the start when there is no journey: the answers expired, or the page was opened directly. */
export const restart = () => redirect(startPath);

export const questionView = (
  page: JourneyPage,
  answers: RawFields,
  shown: RawFields,
  issues: readonly FieldIssue[] = [],
): ViewResult =>
  view(
    'clares-law/question.njk',
    {
      page,
      formAction: applyPath(page.id),
      backLink: page.id === emergencyPage.id ? startPath : applyPath(previousPageId(page.id, answers)),
      values: valuesForView(shown),
      ...errorContext(issues),
    },
    { status: issues.length > 0 ? 400 : 200 },
  );

export const checkAnswersPath = applyPath(checkAnswersPageId);
export const helplineContext = { helpline: nationalHelpline };

/** 429: one client has answered or applied too often; the emergency numbers are on the page. */
export const tooManyRequests = (): ViewResult =>
  view('clares-law/too-many-requests.njk', helplineContext, { status: 429 });
