import type { Request, RequestContext, RequestParams } from 'autocannon';
import { describe, expect, it } from 'vitest';
import type { Journey, JourneyStep } from '../../../bench/load/journey.ts';
import { personOf } from '../../../bench/load/journey.ts';
import {
  answered,
  answeredAsExpected,
  freshWalk,
  type JourneyRecorder,
  journeyRequests,
  requestOf,
  type Walk,
} from '../../../bench/load/journey-requests.ts';
import type { LoadOutcome } from '../../../bench/load/tally.ts';

const journey: Journey = {
  name: 'test',
  label: 'test journey',
  steps: [
    { kind: 'page', method: 'GET', path: '/start', expect: { status: 200 } },
    {
      kind: 'answer',
      method: 'POST',
      path: '/start',
      fields: (person) => ({ name: person.tag }),
      expect: { status: 303, location: '/done' },
    },
    { kind: 'page', method: 'GET', path: '/done', expect: { status: 200 } },
  ],
};

const page = '<form><input type="hidden" name="_csrf" value="t1"></form>';

interface Recorded {
  readonly outcomes: LoadOutcome[];
  readonly abandoned: string[];
  completed: number;
}

/** One connection's requests, with a recorder and a clock that moves 7 ms between sending and answering. */
const connection = (firstWalk?: () => Walk) => {
  const recorded: Recorded = { outcomes: [], abandoned: [], completed: 0 };
  const recorder: JourneyRecorder = {
    record: (outcome) => recorded.outcomes.push(outcome),
    completed: () => {
      recorded.completed += 1;
    },
    abandoned: (step: JourneyStep, status) => recorded.abandoned.push(`${step.path} ${status}`),
  };
  let now = 0;
  let serial = 0;
  const requests = journeyRequests(journey, recorder, {
    nextPerson: () => personOf(serial++),
    length: 10,
    clock: () => now,
    ...(firstWalk ? { firstWalk } : {}),
  });
  const context: RequestContext = {};
  let index = 0;
  const send = (): RequestParams | undefined => {
    const request = requests[index] as Request;
    return request.setupRequest?.({ headers: {} }, context);
  };
  const answer = (status: number, body: string, headers: Record<string, string | string[]>) => {
    now += 7;
    (requests[index] as Request).onResponse?.(status, body, context, headers);
    index += 1;
  };
  return { recorded, send, answer };
};

describe('Load journey requests: each connection walks the journey as a browser, a new person each time', () => {
  it('an answer is posted with the page’s hidden fields and the cookies the site set', () => {
    const { send, answer } = connection();
    send();
    answer(200, page, { 'set-cookie': '__Host-csrf=c1; Path=/' });

    const posted = send();

    expect(posted).toMatchObject({
      method: 'POST',
      path: '/start',
      headers: { cookie: '__Host-csrf=c1', 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=t1&name=Aaaa',
    });
  });

  it('each response is recorded with its latency, from sending to the answer read', () => {
    const { recorded, send, answer } = connection();
    send();
    answer(200, page, {});

    expect(recorded.outcomes).toEqual([{ kind: 'page', status: 200, latencyMs: 7, expected: true }]);
  });

  it('an answer other than the journey expects breaks it off: a new person starts from the first step', () => {
    const { recorded, send, answer } = connection();
    send();
    answer(200, page, {});
    send();
    answer(429, 'Too many requests', {});

    const next = send();

    expect(recorded.abandoned).toEqual(['/start 429']);
    expect(recorded.outcomes.at(-1)).toMatchObject({ status: 429, expected: false });
    expect(next).toMatchObject({ method: 'GET', path: '/start' });
    expect(next?.headers?.cookie).toBeUndefined();
  });

  it('the last step answered as expected is one whole journey; then a new person with no cookies', () => {
    const { recorded, send, answer } = connection();
    send();
    answer(200, page, { 'set-cookie': 'a=1' });
    send();
    answer(303, '', { location: '/done' });
    send();
    answer(200, '', {});
    send();
    answer(200, page, {});

    const secondPersonsAnswer = send();

    expect(recorded.completed).toBe(1);
    expect(secondPersonsAnswer?.body).toBe('_csrf=t1&name=Aaab');
    expect(secondPersonsAnswer?.headers?.cookie).toBeUndefined();
  });

  it("a connection can start part-way through a journey, with that person's cookies", () => {
    const midway: Walk = { person: personOf(7), step: 1, jar: { j: '9' }, hidden: { _csrf: 't9' } };
    const { send } = connection(() => midway);

    expect(send()).toMatchObject({ method: 'POST', path: '/start', body: '_csrf=t9&name=Aaah' });
  });

  it('a redirect is as expected only to the place the journey goes next, absolute or not', () => {
    const step = journey.steps[1] as JourneyStep;

    expect([
      answeredAsExpected(step, 303, { Location: '/done' }),
      answeredAsExpected(step, 303, { location: 'http://localhost:3000/done' }),
      answeredAsExpected(step, 303, { location: '/start' }),
      answeredAsExpected(step, 200, {}),
    ]).toEqual([true, true, false, false]);
  });

  it('walking ahead step by step keeps cookies and hidden fields, as the load does', () => {
    const shown = answered(journey, freshWalk(personOf(0)), 200, page, { 'set-cookie': 'a=1' });
    const walk = shown.walk as Walk;

    expect([shown.result, walk.step]).toEqual(['next', 1]);
    expect(requestOf(journey, walk)).toEqual({
      method: 'POST',
      path: '/start',
      headers: { cookie: 'a=1', 'content-type': 'application/x-www-form-urlencoded' },
      body: '_csrf=t1&name=Aaaa',
    });
  });
});
