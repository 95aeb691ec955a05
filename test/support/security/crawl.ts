import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { publicRoutes, type ServedRoute } from './manifest-routes.ts';
import { send } from './site-client.ts';

export interface PublicSiteMap {
  /** Values for path parameters seen in the site's own links (`page` → the journey's page names). */
  readonly parameterValues: ReadonlyMap<string, readonly string[]>;
  /** Field names each linked page's forms use, by path. */
  readonly formFields: ReadonlyMap<string, readonly string[]>;
  /** The site's own links that reach each target route, by route key. */
  readonly linkedPaths: ReadonlyMap<string, readonly string[]>;
}

/** The first page the site links to for the route that carries a form (a CSRF field), if any. */
export const formPageOf = (site: PublicSiteMap, route: ServedRoute): string | undefined =>
  (site.linkedPaths.get(route.routeKey) ?? []).find((path) => site.formFields.get(path)?.includes('_csrf'));

const fieldNamesIn = (html: string): string[] => [
  ...new Set([...html.matchAll(/name="([^"]+)"/g)].map((m) => m[1] ?? '')),
];

/**
 * One level of the public site's links, from every public GET route without parameters: enough to reach the
 * real pages of a journey (`/report/in-danger`) rather than only made-up ones.
 */
export const crawlPublicSite = async (
  runtime: LocalRuntime,
  targets: readonly ServedRoute[],
): Promise<PublicSiteMap> => {
  const parameterValues = new Map<string, string[]>();
  const formFields = new Map<string, string[]>();
  const linkedPaths = new Map<string, string[]>();
  for (const route of publicRoutes().filter((one) => one.method === 'GET' && !one.path.includes('{'))) {
    const page = await send(runtime, { method: 'GET', path: route.path });
    for (const [, href = ''] of page.body.matchAll(/href="(\/[^"#?]*)/g)) {
      for (const target of targets) {
        const names = [...target.path.matchAll(/\{([^}+]+)\+?\}/g)].map((m) => m[1] ?? '');
        const match = new RegExp(`^${target.path.replace(/\{[^}]+\}/g, '([^/]+)')}$`).exec(href);
        if (match)
          linkedPaths.set(target.routeKey, [...new Set([...(linkedPaths.get(target.routeKey) ?? []), href])]);
        names.forEach((name, index) => {
          const value = match?.[index + 1];
          if (value) parameterValues.set(name, [...new Set([...(parameterValues.get(name) ?? []), value])]);
        });
      }
      if (!formFields.has(href))
        formFields.set(href, fieldNamesIn((await send(runtime, { method: 'GET', path: href })).body));
    }
  }
  return { parameterValues, formFields, linkedPaths };
};
