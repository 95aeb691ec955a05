import { clientAddressOf } from '../../../shared/abuse/rate-limit.ts';
import { londonDateOf } from '../../../shared/calendar/london-time.ts';
import { clearCookie, setCookie } from '../../../shared/http/cookies.ts';
import type { PageRequest } from '../../../shared/http/page-handler.ts';
import {
  emptyJourney,
  isJourneyId,
  type JourneySessionStore,
  type JourneyState,
  journeyCookieName,
  newJourneyId,
  submittedLifetimeSeconds,
} from '../adapters/journey-session-store.ts';
import { checkAnswersStep, type ExitId, type Step } from '../domain/journey/definition.ts';
import type { ValidationContext } from '../domain/journey/fields.ts';

/** What a public page knows of the journey: the id from the cookie (if any) and the state it points at. */
export interface OpenJourney {
  readonly id: string | undefined;
  readonly state: JourneyState | undefined;
}

/** The journey id the browser's cookie names, if it is one. */
export const openJourneyId = (request: PageRequest<'public'>): string | undefined => {
  const id = request.cookies[journeyCookieName];
  return isJourneyId(id) ? id : undefined;
};

export const openJourney = async (
  request: PageRequest<'public'>,
  sessions: JourneySessionStore,
): Promise<OpenJourney> => {
  const id = openJourneyId(request);
  if (!id) return { id: undefined, state: undefined };
  return { id, state: await sessions.load(id, request.now) };
};

/**
 * The journey to write to: the open one, or a new one with a new id (the cookie must then be set). A sent
 * report's journey is never written to again: answering a question after sending starts another report.
 */
export const journeyToWrite = (open: OpenJourney): { id: string; state: JourneyState; isNew: boolean } =>
  open.id && open.state && !open.state.submitted
    ? { id: open.id, state: open.state, isNew: false }
    : { id: newJourneyId(), state: emptyJourney(), isNew: true };

/** A session cookie (no expiry date), sent only by this site's own pages. */
export const journeyCookie = (id: string): string => setCookie(journeyCookieName, id, { sameSite: 'Strict' });

/** The same cookie once the report is sent: the browser drops it when the reference is forgotten. */
export const submittedJourneyCookie = (id: string): string =>
  setCookie(journeyCookieName, id, { sameSite: 'Strict', maxAgeSeconds: submittedLifetimeSeconds });

export const forgetJourneyCookie = (): string => clearCookie(journeyCookieName);

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
