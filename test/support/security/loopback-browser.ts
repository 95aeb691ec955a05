import { loopbackRequest } from '../../../bench/support/loopback-http.ts';
import { urlEncoded } from './site-client.ts';

/** One answer as this browser met it: what a suite checks against the stores afterwards. */
export interface LoopbackAnswer {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly status: number;
  readonly location: string | undefined;
  readonly correlationId: string;
  readonly body: string;
}

/**
 * A browser without a screen that connects from a loopback address of its own (127.x.y.z), so the local edge
 * reports that address as `CloudFront-Viewer-Address` and each browser is a client of its own to the public
 * journeys' per-client limits. Like `Browser` (browser.ts) it keeps the cookies pages set, posts each form with
 * the CSRF token and hidden fields of the page last shown, and presses the button again when the site answers
 * 5xx; unlike it, it keeps every answer it met, the failed ones included.
 *
 * The site is named by a function, so the browser carries on across a restart of the runtime on the same port.
 */
export class LoopbackBrowser {
  readonly cookies = new Map<string, string>();
  readonly answers: LoopbackAnswer[] = [];
  lastPage = '';

  constructor(
    private readonly siteUrl: () => string,
    readonly localAddress: string,
    private readonly retries = 8,
  ) {}

  #remember(setCookies: readonly string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(equals + 1));
    }
  }

  async #once(method: 'GET' | 'POST', path: string, body?: string): Promise<LoopbackAnswer> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await loopbackRequest(`${this.siteUrl()}${path}`, {
      method,
      localAddress: this.localAddress,
      headers: {
        accept: 'text/html',
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }),
      },
      ...(body === undefined ? {} : { body }),
    });
    const header = (name: string): string | undefined => {
      const value = response.headers[name];
      return Array.isArray(value) ? value[0] : value;
    };
    const setCookie = response.headers['set-cookie'];
    this.#remember(setCookie ?? []);
    const answer: LoopbackAnswer = {
      method,
      path,
      status: response.status,
      location: header('location'),
      correlationId: header('x-correlation-id') ?? '',
      body: response.body,
    };
    this.answers.push(answer);
    return answer;
  }

  async #withRetries(request: () => Promise<LoopbackAnswer>): Promise<LoopbackAnswer> {
    let answer = await request();
    for (let attempt = 0; attempt < this.retries && answer.status >= 500; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await request();
    }
    if (answer.status < 300) this.lastPage = answer.body;
    return answer;
  }

  get(path: string): Promise<LoopbackAnswer> {
    return this.#withRetries(() => this.#once('GET', path));
  }

  /** Posts the fields with the token and hidden fields of the page last shown, as pressing its button does. */
  post(path: string, fields: Readonly<Record<string, string | readonly string[]>>): Promise<LoopbackAnswer> {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1] ?? '';
    const hidden = Object.fromEntries(
      [...this.lastPage.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
        .map(([input]) => [/name="([^"]+)"/.exec(input)?.[1] ?? '', /value="([^"]*)"/.exec(input)?.[1] ?? ''])
        .filter(([name]) => name !== '' && name !== '_csrf'),
    );
    const body = urlEncoded({ ...hidden, _csrf: token, ...fields });
    return this.#withRetries(() => this.#once('POST', path, body));
  }

  /** Opens the page, then answers its form. */
  async answer(
    path: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
  ): Promise<LoopbackAnswer> {
    await this.get(path);
    return this.post(path, fields);
  }

  /** Answers of 500 and above met (and tried again). */
  get serverErrors(): number {
    return this.answers.filter((answer) => answer.status >= 500).length;
  }
}
