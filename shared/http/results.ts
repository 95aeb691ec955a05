import { safeReturnTo } from './return-to.ts';

export interface ResultOptions {
  /** Set-Cookie values, made with `setCookie` / `clearCookie`. */
  readonly cookies?: readonly string[];
}

export interface ViewResult {
  readonly kind: 'view';
  readonly template: string;
  readonly context: Readonly<Record<string, unknown>>;
  readonly status: number;
  readonly cookies: readonly string[];
  /** Tells the browser to delete this site's cookies and storage as it shows the page ("Exit this page"). */
  readonly clearSiteData?: boolean;
}

export interface RedirectResult {
  readonly kind: 'redirect';
  readonly location: string;
  readonly cookies: readonly string[];
}

export interface NotFoundResult {
  readonly kind: 'not-found';
}

/** A file for the browser to save (a CSV return, a PDF): sent as an attachment, never shown inline. */
export interface DownloadResult {
  readonly kind: 'download';
  readonly body: string | Uint8Array;
  readonly contentType: string;
  readonly filename: string;
}

export type PageResult = ViewResult | RedirectResult | NotFoundResult | DownloadResult;

export interface JsonResult {
  readonly kind: 'json';
  readonly status: number;
  readonly body: unknown;
  readonly cookies: readonly string[];
}

export type ApiResult = JsonResult;

/** Renders `template` (e.g. `notifications/inbox.njk`) with `context`; the layout's variables are added. */
export const view = (
  template: string,
  context: Readonly<Record<string, unknown>> = {},
  options: ResultOptions & { readonly status?: number; readonly clearSiteData?: boolean } = {},
): ViewResult => ({
  kind: 'view',
  template,
  context,
  status: options.status ?? 200,
  cookies: options.cookies ?? [],
  ...(options.clearSiteData ? { clearSiteData: true } : {}),
});

/**
 * 303 See Other to a path on this site: after a POST the browser follows it with a GET, so reloading the
 * next page never re-sends the form. A location that is not a plain site path is a programming error.
 */
export const redirect = (location: string, options: ResultOptions = {}): RedirectResult => {
  if (safeReturnTo(location, '') !== location) {
    throw new TypeError('redirect() takes a path on this site; check user-supplied paths with safeReturnTo');
  }
  return { kind: 'redirect', location, cookies: options.cookies ?? [] };
};

/** 303 to another site; only for the identity provider, whose address comes from configuration. */
export const redirectToIdentityProvider = (url: URL, options: ResultOptions = {}): RedirectResult => {
  if (url.protocol !== 'https:' && url.hostname !== 'localhost' && url.hostname !== '127.0.0.1') {
    throw new TypeError('The identity provider must be reached over HTTPS');
  }
  return { kind: 'redirect', location: url.toString(), cookies: options.cookies ?? [] };
};

export const notFound = (): NotFoundResult => ({ kind: 'not-found' });

/** A file to download; the name is reduced to safe characters so it cannot break the header. */
export const download = (
  body: string | Uint8Array,
  options: { readonly contentType: string; readonly filename: string },
): DownloadResult => ({
  kind: 'download',
  body,
  contentType: options.contentType,
  filename: options.filename.replace(/[^A-Za-z0-9._-]/g, '_'),
});

export const json = (body: unknown, status = 200, options: ResultOptions = {}): JsonResult => ({
  kind: 'json',
  status,
  body,
  cookies: options.cookies ?? [],
});

export const noContent = (options: ResultOptions = {}): JsonResult => json(undefined, 204, options);
