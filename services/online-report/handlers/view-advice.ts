import { publicPageHandler } from '../../../shared/http/index.ts';
import { journeySessions } from '../composition-root.ts';
import type { ExitId } from '../domain/journey/definition.ts';
import { reportJourneyCookie } from '../web/journey-web.ts';
import { publicView } from '../web/public-views.ts';

const sessions = journeySessions();

interface Advice {
  readonly kind: ExitId;
  readonly title: string;
  readonly lines: readonly string[];
}

const adviceByPath: Readonly<Record<string, Advice>> = {
  '/report/emergency': {
    kind: 'stop-emergency',
    title: 'Call 999 now',
    lines: [
      'Do not use this form. If someone is in danger, it is happening now, the person is still there or anyone is hurt, call 999 straight away.',
    ],
  },
  '/report/call-999': {
    kind: 'call-999',
    title: 'Call 999 now',
    lines: [
      'A weapon, or a threat to use one, is an emergency. Do not use this form: call 999 straight away.',
    ],
  },
  '/report/call-101': {
    kind: 'call-101',
    title: 'Call 101 to report this',
    lines: [
      'We cannot take reports of violence, sexual offences, robbery, burglary or missing people online, because we need to speak to you.',
      'Call 101 and tell the call handler what happened.',
    ],
  },
};

/**
 * The stop page and the diversions (000 §8.3.1): what to do now, with text relay and emergencySMS for
 * deaf and speech-impaired people (000 §9.7). Never rate limited, and nothing of the journey is kept.
 */
export const handler = publicPageHandler({
  policy: 'public',
  handle: async (request) => {
    const advice = adviceByPath[request.path] ?? adviceByPath['/report/emergency'];
    const id = reportJourneyCookie.idIn(request.cookies);
    if (id) await sessions.forget(id);
    return publicView('advice.njk', { advice }, id ? { cookies: [reportJourneyCookie.forget()] } : {});
  },
});
