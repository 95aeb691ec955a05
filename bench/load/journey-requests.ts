import type { Request, RequestContext } from 'autocannon';
import {
  type CookieJar,
  cookieHeader,
  formBody,
  hiddenInputs,
  type ResponseHeaders,
  withSetCookies,
} from './browser-state.ts';
import type { Journey, JourneyStep, Person } from './journey.ts';
import type { LoadOutcome } from './tally.ts';

/** What one connection (one person at a time) carries from request to request of a journey. */
interface JourneyState {
  jar: CookieJar;
  hidden: Readonly<Record<string, string>>;
  person: Person;
  sentAt: number;
  /** An answer came back other than the journey expects: the person starts again. */
  broken: boolean;
}

export interface JourneyRecorder {
  record(outcome: LoadOutcome): void;
  /** The last step answered as expected: one whole journey, its form sent. */
  completed(): void;
  /** A step answered otherwise than expected (`status`), so the person started again. */
  abandoned(step: JourneyStep, status: number): void;
}

const stateOf = (context: RequestContext): JourneyState => context as unknown as JourneyState;

const headerValue = (headers: ResponseHeaders, name: string): string | undefined => {
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === name) return typeof value === 'string' ? value : value?.[0];
  }
  return undefined;
};

/** Whether a response is what the step expects: its status, and for a redirect the path it leads to. */
export const answeredAsExpected = (
  step: Pick<JourneyStep, 'expect'>,
  status: number,
  headers: ResponseHeaders,
): boolean => {
  if (status !== step.expect.status) return false;
  if (step.expect.location === undefined) return true;
  const location = headerValue(headers, 'location');
  return location !== undefined && new URL(location, 'http://site.invalid').pathname === step.expect.location;
};

/**
 * The journey as load-client requests: each connection walks it again and again, a new person each time,
 * keeping the site's cookies and each page's hidden fields as a browser does. Every answer is recorded with
 * its latency, from the request being written to its response read whole.
 */
export const journeyRequests = (
  journey: Journey,
  recorder: JourneyRecorder,
  nextPerson: () => Person,
  clock: () => number = () => performance.now(),
): Request[] =>
  journey.steps.map(
    (step, index): Request => ({
      method: step.method,
      path: step.path,
      setupRequest: (request, context) => {
        const state = stateOf(context);
        if (index === 0) {
          state.jar = {};
          state.hidden = {};
          state.broken = false;
          state.person = nextPerson();
        } else if (state.broken) {
          return undefined;
        }
        const cookie = cookieHeader(state.jar);
        const headers: Record<string, string> = { ...request.headers, ...(cookie ? { cookie } : {}) };
        let body: string | undefined;
        if (step.method === 'POST') {
          headers['content-type'] = 'application/x-www-form-urlencoded';
          body = formBody({ ...state.hidden, ...(step.fields?.(state.person) ?? {}) });
        }
        state.sentAt = clock();
        return { ...request, headers, ...(body === undefined ? {} : { body }) };
      },
      onResponse: (status, body, context, headers) => {
        const state = stateOf(context);
        const latencyMs = clock() - state.sentAt;
        state.jar = withSetCookies(state.jar, headers);
        if (step.method === 'GET' && status === 200) state.hidden = hiddenInputs(body);
        const expected = answeredAsExpected(step, status, headers);
        recorder.record({ kind: step.kind, status, latencyMs, expected });
        if (!expected) {
          state.broken = true;
          recorder.abandoned(step, status);
        } else if (index === journey.steps.length - 1) {
          recorder.completed();
        }
      },
    }),
  );
