import { type PageRequest, redirect, type ViewResult, view } from '../../../shared/http/index.ts';
import { type OpenJourney, openJourney as openJourneyOf } from '../../../shared/http/journey-session.ts';
import type { FieldIssue } from '../domain/errors.ts';
import type { RawFields } from '../domain/form-reader.ts';
import { checkAnswersPageId, emergencyPage, type JourneyPage, previousPageId } from '../domain/journey.ts';
import { nationalHelpline } from '../domain/vocabulary.ts';
import { journeyStore } from '../journey-composition.ts';
import { type ApplicationJourney, applicationCookie } from './application-journey.ts';
import { errorContext, valuesForView } from './form-view.ts';

export const startPath = '/clares-law';
export const applyPath = (pageId: string): string => `/clares-law/apply/${pageId}`;
export const firstQuestionPath = applyPath(emergencyPage.id);
export const confirmationPath = '/clares-law/confirmation';

/** The journey the browser's cookie points at: none, the answers so far, or the reference of what was sent. */
export const openJourney = (request: PageRequest<'public'>): Promise<OpenJourney<ApplicationJourney>> =>
  openJourneyOf(request.cookies, applicationCookie, journeyStore(), request.now);

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
