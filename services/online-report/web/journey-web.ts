import * as z from 'zod';
import { clientAddressOf } from '../../../shared/abuse/rate-limit.ts';
import { londonDateOf } from '../../../shared/calendar/london-time.ts';
import {
  type JourneySessionStore,
  journeyCookie,
  newJourneyId,
  type OpenJourney,
  openJourney as openJourneyOf,
} from '../../../shared/http/journey-session.ts';
import type { PageRequest } from '../../../shared/http/page-handler.ts';
import { checkAnswersStep, type ExitId, type Step } from '../domain/journey/definition.ts';
import { type JourneyAnswers, JourneyAnswersSchema } from '../domain/journey/engine.ts';
import type { ValidationContext } from '../domain/journey/fields.ts';

/** What the report's journey keeps while it is answered (shared/http/journey-session.ts keeps it server-side). */
export const ReportJourneySchema = z.object({
  answers: JourneyAnswersSchema,
  reachedCheckAnswers: z.boolean(),
  /** The idempotency token of the check-your-answers form: one report per token. */
  submissionToken: z.string().optional(),
});
export interface ReportJourney {
  readonly answers: JourneyAnswers;
  readonly reachedCheckAnswers: boolean;
  readonly submissionToken?: string | undefined;
}

export const emptyJourney = (): ReportJourney => ({ answers: {}, reachedCheckAnswers: false });

/** Where the sessions table keeps the report's journeys, apart from every other service's. */
export const reportJourneyScope = 'report-journey';

/** The browser's journey cookie: SameSite=Strict; a session cookie while answering, 15 minutes once sent. */
export const reportJourneyCookie = journeyCookie('__Host-report-journey');

export type ReportJourneySessions = JourneySessionStore<ReportJourney>;

/** The journey the browser's cookie points at: none, the answers so far, or the reference of the sent report. */
export const openJourney = (
  request: PageRequest<'public'>,
  sessions: ReportJourneySessions,
): Promise<OpenJourney<ReportJourney>> =>
  openJourneyOf(request.cookies, reportJourneyCookie, sessions, request.now);

/** The answers so far of an open journey; none when there is no journey or its report was sent. */
export const answersOf = (open: OpenJourney<ReportJourney>): JourneyAnswers =>
  open.status === 'in-progress' ? open.state.answers : {};

/**
 * The journey to write to: the open one, or a new one with a new id (the cookie must then be set). A sent
 * report's journey is never written to again: answering a question after sending starts another report.
 */
export const journeyToWrite = (
  open: OpenJourney<ReportJourney>,
): { id: string; state: ReportJourney; isNew: boolean } =>
  open.status === 'in-progress'
    ? { id: open.id, state: open.state, isNew: false }
    : { id: newJourneyId(), state: emptyJourney(), isNew: true };

/** Answers are checked against today's date in London. */
export const validationContext = (now: Date): ValidationContext => ({ today: londonDateOf(now) });

const exitPaths: Readonly<Record<ExitId, string>> = {
  'stop-emergency': '/report/emergency',
  'call-999': '/report/call-999',
  'call-101': '/report/call-101',
};

export const pathOfStep = (step: Step): string => {
  if (step === checkAnswersStep) return '/report/check-your-answers';
  return exitPaths[step as ExitId] ?? `/report/${step}`;
};

/** The hidden field bots fill and people never see. */
export const honeypotField = 'website';

export const honeypotFilled = (form: Readonly<Record<string, string | string[]>> | undefined): boolean => {
  const value = form?.[honeypotField];
  return typeof value === 'string' ? value.trim() !== '' : Array.isArray(value) && value.length > 0;
};

export const sourceAddress = (request: PageRequest<'public'>): string | undefined =>
  clientAddressOf(request.event);
