import type { Request, RequestContext, RequestParams } from 'autocannon';
import { describe, expect, it } from 'vitest';
import type { Journey, JourneyStep } from '../../../bench/load/journey.ts';
import { personOf } from '../../../bench/load/journey.ts';
import {
  answeredAsExpected,
  type JourneyRecorder,
  journeyRequests,
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

interface Recorded {
  readonly outcomes: LoadOutcome[];
  readonly abandoned: string[];
  completed: number;
}

/** The requests with a recorder and a clock that moves 7 ms between sending and answering. */
const harness = () => {
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
  const requests = journeyRequests(
    journey,
    recorder,
    () => personOf(serial++),
    () => now,
  );
  const context: RequestContext = {};
  const send = (index: number): RequestParams | undefined => {
    const request = requests[index] as Request;
    return request.setupRequest?.(
      { method: request.method ?? 'GET', path: request.path ?? '/', headers: {} },
      context,
    );
  };
  const answer = (
    index: number,
    status: number,
    body: string,
    headers: Record<string, string | string[]>,
  ) => {
    now += 7;
    (requests[index] as Request).onResponse?.(status, body, context, headers);
  };
  return { recorded, send, answer };
};

describe('Load journey requests: each connection walks the journey as a browser, a new person each pass', () => {
  it('an answer is posted with the page’s hidden fields and the cookies the site set', () => {
    const { send, answer } = harness();
    send(0);
    answer(0, 200, '<input type="hidden" name="_csrf" value="t1">', {
      'set-cookie': '__Host-csrf=c1; Path=/',
    });

    const posted = send(1);

    expect(posted?.headers).toMatchObject({
      cookie: '__Host-csrf=c1',
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(posted?.body).toBe('_csrf=t1&name=Aaaa');
  });

  it('each response is recorded with its latency, from sending to the answer read', () => {
    const { recorded, send, answer } = harness();
    send(0);
    answer(0, 200, '', {});

    expect(recorded.outcomes).toEqual([{ kind: 'page', status: 200, latencyMs: 7, expected: true }]);
  });

  it('an answer other than the journey expects breaks it off: the next step is not sent', () => {
    const { recorded, send, answer } = harness();
    send(0);
    answer(0, 200, '', {});
    send(1);
    answer(1, 429, 'Too many requests', {});

    expect(send(2)).toBeUndefined();
    expect(recorded.abandoned).toEqual(['/start 429']);
    expect(recorded.outcomes.at(-1)).toMatchObject({ status: 429, expected: false });
  });

  it('the last step answered as expected is one whole journey; the next pass is a new person with no cookies', () => {
    const { recorded, send, answer } = harness();
    send(0);
    answer(0, 200, '', { 'set-cookie': 'a=1' });
    send(1);
    answer(1, 303, '', { location: '/done' });
    send(2);
    answer(2, 200, '', {});

    const again = send(0);
    answer(0, 200, '', {});
    const secondAnswer = send(1);

    expect(recorded.completed).toBe(1);
    expect(again?.headers?.cookie).toBeUndefined();
    expect(secondAnswer?.body).toBe('name=Aaab');
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
});
