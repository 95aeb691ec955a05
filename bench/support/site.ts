import { sessionCookieName } from '../../infra/local/dev-identity-provider.ts';
import type { LocalRuntime } from '../../infra/local/runtime.ts';
import { BenchSetupError } from './local-clients.ts';

/** A `Cookie` value signed in as a demo member of staff (infra/local/demo-staff.ts). */
export const signedInCookie = async (runtime: LocalRuntime, demoStaffId: string): Promise<string> =>
  `${sessionCookieName}=${await runtime.identityProvider.mintToken(demoStaffId)}`;

/** GET a page and read it whole, as a browser would; fails on anything but the expected status. */
export const getPage = async (url: string, cookie?: string, expectedStatus = 200): Promise<string> => {
  const response = await fetch(url, { redirect: 'manual', ...(cookie ? { headers: { cookie } } : {}) });
  const body = await response.text();
  if (response.status !== expectedStatus) {
    throw new BenchSetupError(
      `GET ${new URL(url).pathname} answered ${response.status}, not ${expectedStatus}.`,
    );
  }
  return body;
};

/**
 * What a browser holds after opening a staff page: the session and CSRF cookies and the form token, so
 * the bench can post that page's forms.
 */
export const formSession = async (
  runtime: LocalRuntime,
  path: string,
  sessionCookie: string,
): Promise<{ cookie: string; token: string }> => {
  const response = await fetch(`${runtime.url}${path}`, {
    redirect: 'manual',
    headers: { cookie: sessionCookie },
  });
  const html = await response.text();
  const csrfCookie = response.headers
    .getSetCookie()
    .map((header) => header.split(';')[0] ?? '')
    .find((pair) => pair.startsWith('__Host-csrf='));
  const token = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrfCookie || !token) throw new BenchSetupError(`GET ${path} gave no CSRF cookie and form token.`);
  return { cookie: `${sessionCookie}; ${csrfCookie}`, token };
};

/** POST a form the way the page's own form does; resolves to the response status. */
export const postForm = async (
  url: string,
  cookie: string,
  fields: Record<string, string>,
): Promise<number> => {
  const response = await fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
  await response.arrayBuffer();
  return response.status;
};
