import { randomBytes } from 'node:crypto';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { cookieNames } from '../../shared/http/cookies.ts';
import { csrfTokenFor } from '../../shared/http/middleware/csrf.ts';
import { loopbackAddress } from '../load/plan.ts';
import { BenchSetupError, environmentValue } from './local-clients.ts';
import { loopbackRequest } from './loopback-http.ts';

/** The last POST of a public journey, whose answers are already stored at check your answers. */
export interface JourneySubmit {
  /** The form's path, e.g. `/report/check-your-answers`. */
  readonly path: string;
  /** Where a submitted journey is sent on to: the 303's `Location`. */
  readonly confirmation: string;
  /** The name of the journey's cookie, and the id of the journey stored. */
  readonly journeyCookie: string;
  readonly journeyId: string;
  /** What the form posts besides its CSRF token. */
  readonly fields?: Readonly<Record<string, string>>;
  /** The loopback address to post from (bench/load/plan.ts): public submits are limited per address. */
  readonly address: number;
}

/**
 * The POST as a browser sends it, with a CSRF cookie of its own and the token that goes with it; only the
 * request is timed, to the 303 to the confirmation page. Fails on any other answer.
 */
export const submitJourney = async (
  runtime: LocalRuntime,
  submit: JourneySubmit,
): Promise<{ readonly sentAt: number; readonly elapsedMs: number }> => {
  const secret = environmentValue(runtime, 'CSRF_SECRET');
  const csrfCookie = randomBytes(32).toString('base64url');
  const sentAt = performance.now();
  const response = await loopbackRequest(`${runtime.url}${submit.path}`, {
    method: 'POST',
    localAddress: loopbackAddress(submit.address),
    headers: {
      cookie: `${cookieNames.csrf}=${csrfCookie}; ${submit.journeyCookie}=${submit.journeyId}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ _csrf: csrfTokenFor(secret, csrfCookie), ...submit.fields }).toString(),
  });
  const elapsedMs = performance.now() - sentAt;
  if (response.status !== 303 || response.headers.location !== submit.confirmation)
    throw new BenchSetupError(`POST ${submit.path} answered ${response.status}, not 303.`);
  return { sentAt, elapsedMs };
};
