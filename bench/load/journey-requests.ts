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

/** One person part-way through a journey, with what their browser keeps. */
export interface Walk {
  readonly person: Person;
  /** The index of the next step to send. */
  readonly step: number;
  readonly jar: CookieJar;
  /** The hidden fields of the last page shown, sent back with the next POST. */
  readonly hidden: Readonly<Record<string, string>>;
}

export const freshWalk = (person: Person): Walk => ({ person, step: 0, jar: {}, hidden: {} });

export interface OutgoingRequest {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

const stepOf = (journey: Journey, walk: Walk): JourneyStep => {
  const step = journey.steps[walk.step];
  if (!step) throw new RangeError(`The ${journey.name} journey has no step ${walk.step}.`);
  return step;
};

/** The request a browser sends for the walk's next step: its cookies, and for a POST the form. */
export const requestOf = (journey: Journey, walk: Walk): OutgoingRequest => {
  const step = stepOf(journey, walk);
  const cookie = cookieHeader(walk.jar);
  const headers: Record<string, string> = cookie ? { cookie } : {};
  if (step.method === 'GET') return { method: 'GET', path: step.path, headers };
  return {
    method: 'POST',
    path: step.path,
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
    body: formBody({ ...walk.hidden, ...(step.fields?.(walk.person) ?? {}) }),
  };
};

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

export interface Answered {
  readonly step: JourneyStep;
  readonly expected: boolean;
  /** `next`: the walk goes on; `completed`: its last step answered as expected; `broken`: it gives up. */
  readonly result: 'next' | 'completed' | 'broken';
  /** The walk after the response, when it goes on. */
  readonly walk?: Walk;
}

/** What a response does to the walk: the cookies it sets, the page's hidden fields, the next step. */
export const answered = (
  journey: Journey,
  walk: Walk,
  status: number,
  body: string,
  headers: ResponseHeaders,
): Answered => {
  const step = stepOf(journey, walk);
  const expected = answeredAsExpected(step, status, headers);
  if (!expected) return { step, expected, result: 'broken' };
  if (walk.step === journey.steps.length - 1) return { step, expected, result: 'completed' };
  return {
    step,
    expected,
    result: 'next',
    walk: {
      person: walk.person,
      step: walk.step + 1,
      jar: withSetCookies(walk.jar, headers),
      hidden: step.method === 'GET' ? hiddenInputs(body) : walk.hidden,
    },
  };
};

export interface JourneyRecorder {
  record(outcome: LoadOutcome): void;
  /** The last step answered as expected: one whole journey, its form sent. */
  completed(): void;
  /** A step answered otherwise than expected (`status`), so the person started again. */
  abandoned(step: JourneyStep, status: number): void;
}

export interface JourneyRequestOptions {
  /** Whoever comes next once a person has finished or given up: a new person from the first step. */
  readonly nextPerson: () => Person;
  /** Where a connection's first person is: from the first step unless told (a walk begun beforehand). */
  readonly firstWalk?: () => Walk;
  /** Requests a connection may send: the load client starts every connection afresh after this many. */
  readonly length: number;
  readonly clock?: () => number;
}

interface ConnectionState {
  walk?: Walk;
  sentAt?: number;
}

/**
 * The journey as load-client requests: each connection walks it again and again, a new person each time,
 * keeping the site's cookies and each page's hidden fields as a browser does. The load client's own list
 * of requests is only where each connection is up to (`length` entries, each sending the walk's next
 * step), so a connection can start part-way through a journey. Every answer is recorded with its latency,
 * from the request being written to its response read whole.
 */
export const journeyRequests = (
  journey: Journey,
  recorder: JourneyRecorder,
  options: JourneyRequestOptions,
): Request[] => {
  const clock = options.clock ?? (() => performance.now());
  const firstWalk = options.firstWalk ?? (() => freshWalk(options.nextPerson()));
  const entry: Request = {
    setupRequest: (request, context) => {
      const state = context as ConnectionState;
      state.walk ??= firstWalk();
      const outgoing = requestOf(journey, state.walk);
      state.sentAt = clock();
      return {
        ...request,
        method: outgoing.method,
        path: outgoing.path,
        headers: { ...request.headers, ...outgoing.headers },
        ...(outgoing.body === undefined ? {} : { body: outgoing.body }),
      };
    },
    onResponse: (status, body, context: RequestContext, headers) => {
      const state = context as ConnectionState;
      if (!state.walk || state.sentAt === undefined) return;
      const latencyMs = clock() - state.sentAt;
      const result = answered(journey, state.walk, status, body, headers);
      recorder.record({ kind: result.step.kind, status, latencyMs, expected: result.expected });
      if (result.result === 'broken') recorder.abandoned(result.step, status);
      if (result.result === 'completed') recorder.completed();
      state.walk = result.walk ?? freshWalk(options.nextPerson());
    },
  };
  return Array.from({ length: options.length }, () => ({ ...entry }));
};
