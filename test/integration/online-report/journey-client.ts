import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { onlineReport } from '../../../services/online-report/manifest.ts';
import { formToken, getEvent, header, postForm } from '../../support/http-events.ts';

/**
 * A browser for the online-report pages in one process: routes by the service's manifest (literal paths
 * before `{page}`, as API Gateway does), keeps the cookies the pages set, and posts forms with the CSRF
 * token of the last page shown. Handlers are imported on first use, after the test set the environment.
 */

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>;

export interface PageResponse {
  readonly status: number;
  readonly location: string | undefined;
  readonly html: string;
  readonly cookies: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
}

const loaded = new Map<string, Handler>();

const handlerFor = async (
  method: string,
  path: string,
): Promise<{ handler: Handler; params: Record<string, string> }> => {
  const parts = path.split('/').slice(1);
  const candidates = onlineReport.routes
    .filter((route) => route.method === method)
    .map((route) => ({ route, segments: route.path.split('/').slice(1) }))
    .filter(({ segments }) => segments.length === parts.length)
    .filter(({ segments }) => segments.every((segment, i) => segment.startsWith('{') || segment === parts[i]))
    .sort(
      (a, b) =>
        b.segments.filter((s) => !s.startsWith('{')).length -
        a.segments.filter((s) => !s.startsWith('{')).length,
    );
  const match = candidates[0];
  if (!match) throw new Error(`No route for ${method} ${path}`);
  const params: Record<string, string> = {};
  match.segments.forEach((segment, i) => {
    if (segment.startsWith('{')) params[segment.slice(1, -1)] = parts[i] ?? '';
  });
  let handler = loaded.get(match.route.handler);
  if (!handler) {
    const module = (await import(`../../../services/online-report/handlers/${match.route.handler}.ts`)) as {
      handler: Handler;
    };
    handler = module.handler;
    loaded.set(match.route.handler, handler);
  }
  return { handler, params };
};

export class JourneyClient {
  readonly cookies = new Map<string, string>();
  lastHtml = '';

  constructor(
    readonly sourceIp = `2001:db8::${Math.floor(Math.random() * 0xffff).toString(16)}:${Math.floor(Math.random() * 0xffff).toString(16)}`,
    extraCookies: Readonly<Record<string, string>> = {},
  ) {
    for (const [name, value] of Object.entries(extraCookies)) this.cookies.set(name, value);
  }

  #remember(response: APIGatewayProxyStructuredResultV2): void {
    for (const line of response.cookies ?? []) {
      const [pair = ''] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      const value = decodeURIComponent(pair.slice(equals + 1));
      if (/Max-Age=0/.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  #withSource(event: APIGatewayProxyEventV2): APIGatewayProxyEventV2 {
    return {
      ...event,
      requestContext: {
        ...event.requestContext,
        http: { ...event.requestContext.http, sourceIp: this.sourceIp },
      },
    };
  }

  async #send(method: 'GET' | 'POST', path: string, fields?: Record<string, string | readonly string[]>) {
    const { handler, params } = await handlerFor(method, path);
    const options = { cookies: Object.fromEntries(this.cookies), pathParameters: params };
    const event =
      method === 'GET'
        ? getEvent(path, options)
        : postForm(path, { _csrf: formToken(this.lastHtml) ?? '', ...fields }, options);
    const response = await handler(this.#withSource(event));
    this.#remember(response);
    const html = response.body ?? '';
    if (method === 'GET' || response.statusCode !== 303) this.lastHtml = html;
    return {
      status: response.statusCode ?? 200,
      location: header(response, 'location'),
      html,
      cookies: response.cookies ?? [],
      headers: Object.fromEntries(Object.entries(response.headers ?? {}).map(([k, v]) => [k, String(v)])),
    } satisfies PageResponse;
  }

  get(path: string): Promise<PageResponse> {
    return this.#send('GET', path);
  }

  /** Opens the page first (for its form token), then posts to it, as a person filling it in does. */
  async answer(path: string, fields: Record<string, string | readonly string[]>): Promise<PageResponse> {
    await this.get(path);
    return this.#send('POST', path, fields);
  }

  /** Posts with the token of the page last shown, without opening the page again (a second click). */
  post(path: string, fields: Record<string, string | readonly string[]>): Promise<PageResponse> {
    return this.#send('POST', path, fields);
  }
}

export interface Person {
  readonly fullName: string;
  readonly dob: readonly [string, string, string];
  readonly phone: string;
}

/** Answers every page for a report about an ex-partner, from the first question to check your answers. */
export const answerAll = async (
  client: JourneyClient,
  person: Person,
  options: {
    description?: string;
    relationship?: string;
    incidentDate?: readonly [string, string, string];
    suspectName?: string;
    suspectDob?: readonly [string, string, string];
  } = {},
): Promise<PageResponse> => {
  await client.answer('/report/in-danger', { inDanger: 'no' });
  await client.answer('/report/happening-now', { happeningNow: 'no' });
  await client.answer('/report/suspect-present', { suspectPresent: 'no' });
  await client.answer('/report/anyone-injured', { anyoneInjured: 'no' });
  await client.answer('/report/what-happened', { category: 'nuisance-communications' });
  const [day, month, year] = options.incidentDate ?? ['20', '3', '2026'];
  await client.answer('/report/when', {
    'incidentDate-day': day,
    'incidentDate-month': month,
    'incidentDate-year': year,
  });
  await client.answer('/report/where', { location: 'At home' });
  await client.answer('/report/description', {
    description: options.description ?? 'He keeps sending messages and turning up outside.',
  });
  await client.answer('/report/suspect-known', { suspectKnown: 'yes' });
  const [sd, sm, sy] = options.suspectDob ?? ['', '', ''];
  const details = await client.answer('/report/suspect-details', {
    suspectName: options.suspectName ?? 'Jordan Example',
    'suspectDateOfBirth-day': sd,
    'suspectDateOfBirth-month': sm,
    'suspectDateOfBirth-year': sy,
  });
  if (details.location === '/report/suspect-age')
    await client.answer('/report/suspect-age', { suspectAge: '18-or-over' });
  await client.answer('/report/relationship', { relationship: options.relationship ?? 'ex-partner' });
  await client.answer('/report/your-name', { fullName: person.fullName });
  const [bd, bm, by] = person.dob;
  await client.answer('/report/your-date-of-birth', {
    'dateOfBirth-day': bd,
    'dateOfBirth-month': bm,
    'dateOfBirth-year': by,
  });
  await client.answer('/report/contact-methods', { contactMethods: ['phone'], phone: person.phone });
  await client.answer('/report/safe-times', { safeTimes: 'any-time' });
  await client.answer('/report/messages', { messagesAllowed: 'no' });
  return client.answer('/report/safe-word', { safeWord: '' });
};

/** The hidden submission token of the check-your-answers form. */
export const submissionTokenOf = (html: string): string =>
  /name="submissionToken" value="([^"]+)"/.exec(html)?.[1] ?? '';
