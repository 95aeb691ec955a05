import type { HttpEvent, HttpResponse, HttpState } from './request-state.ts';
import { renderTemplate } from './templates.ts';

/**
 * Names every page shows: the force (FORCE_NAME, optional) and the service; a page may pass its own
 * `serviceName` (e.g. the Clare's Law service).
 */
export const siteNames = {
  organisationName: process.env.FORCE_NAME?.trim() || 'Police',
  serviceName: 'Domestic abuse services',
} as const;

/** What every template may use, supplied by the stack so no handler has to remember it or can spoil it. */
const stackContext = (event: HttpEvent, state: HttpState): Record<string, unknown> => ({
  cspNonce: state.cspNonce,
  csrfToken: state.csrfToken,
  correlationId: state.correlationId,
  currentPath: event.rawPath ?? '/',
  principal: state.principal,
});

/** The Clear-Site-Data value that leaves nothing of the site in the browser: its cookies and its storage. */
export const clearSiteDataHeader = '"cookies", "storage"';

export const htmlResponse = (
  statusCode: number,
  body: string,
  cookies: readonly string[] = [],
  options: { readonly clearSiteData?: boolean } = {},
): HttpResponse => ({
  statusCode,
  headers: {
    'Content-Type': 'text/html; charset=utf-8',
    ...(options.clearSiteData ? { 'Clear-Site-Data': clearSiteDataHeader } : {}),
  },
  body,
  ...(cookies.length > 0 ? { cookies: [...cookies] } : {}),
});

export const renderPage = (
  event: HttpEvent,
  state: HttpState,
  page: {
    readonly template: string;
    readonly context: Readonly<Record<string, unknown>>;
    readonly status: number;
    readonly cookies?: readonly string[];
    readonly clearSiteData?: boolean;
  },
): HttpResponse =>
  htmlResponse(
    page.status,
    renderTemplate(page.template, { ...siteNames, ...page.context, ...stackContext(event, state) }),
    page.cookies,
    { clearSiteData: page.clearSiteData === true },
  );
