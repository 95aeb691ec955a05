import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { type SiteResponse, send, urlEncoded } from './site-client.ts';

/**
 * A browser without a screen for the local runtime: keeps the cookies pages set, posts each form with the CSRF
 * token of the page last shown, and, like a person whose page failed, tries again when the site answers 5xx.
 */
export class Browser {
  readonly cookies = new Map<string, string>();
  lastPage = '';
  /** Answers of 500 and above met (and tried again). */
  serverErrors = 0;

  constructor(
    private readonly runtime: LocalRuntime,
    private readonly options: {
      readonly retries?: number;
      readonly headers?: Readonly<Record<string, string>>;
    } = {},
  ) {}

  signIn(token: string): this {
    this.cookies.set('__Host-session', token);
    return this;
  }

  #remember(response: SiteResponse): void {
    for (const line of response.setCookies) {
      const [pair = ''] = line.split(';');
      const equals = pair.indexOf('=');
      const name = pair.slice(0, equals);
      if (/Max-Age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(equals + 1));
    }
  }

  async #withRetries(request: () => Promise<SiteResponse>): Promise<SiteResponse> {
    let response = await request();
    for (let attempt = 0; attempt < (this.options.retries ?? 8) && response.status >= 500; attempt += 1) {
      this.serverErrors += 1;
      await new Promise((resolve) => setTimeout(resolve, 50));
      response = await request();
    }
    this.#remember(response);
    return response;
  }

  async get(path: string): Promise<SiteResponse> {
    const response = await this.#withRetries(() =>
      send(this.runtime, {
        method: 'GET',
        path,
        cookies: Object.fromEntries(this.cookies),
        ...(this.options.headers ? { headers: this.options.headers } : {}),
      }),
    );
    if (response.status < 300) this.lastPage = response.body;
    return response;
  }

  /** Posts the fields with the token of the page last shown, as pressing the form's button does. */
  async post(
    path: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
  ): Promise<SiteResponse> {
    const token = /name="_csrf" value="([^"]+)"/.exec(this.lastPage)?.[1] ?? '';
    // Hidden fields the page carries (a submission token) go back as the browser would send them.
    const hidden = Object.fromEntries(
      [...this.lastPage.matchAll(/<input[^>]*type="hidden"[^>]*>/g)]
        .map(([input]) => [/name="([^"]+)"/.exec(input)?.[1] ?? '', /value="([^"]*)"/.exec(input)?.[1] ?? ''])
        .filter(([name]) => name !== '' && name !== '_csrf'),
    );
    const response = await this.#withRetries(() =>
      send(this.runtime, {
        method: 'POST',
        path,
        cookies: Object.fromEntries(this.cookies),
        contentType: 'application/x-www-form-urlencoded',
        body: urlEncoded({ ...hidden, _csrf: token, ...fields }),
        ...(this.options.headers ? { headers: this.options.headers } : {}),
      }),
    );
    if (response.status < 300) this.lastPage = response.body;
    return response;
  }

  /** Opens the page, then answers its form. */
  async answer(
    path: string,
    fields: Readonly<Record<string, string | readonly string[]>>,
  ): Promise<SiteResponse> {
    await this.get(path);
    return this.post(path, fields);
  }
}
