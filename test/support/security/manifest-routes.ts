import { randomUUID } from 'node:crypto';
import { services } from '../../../services/index.ts';
import type { Policy } from '../../../shared/auth/policy.ts';
import type { RouteSpec, ServiceManifest } from '../../../shared/manifest/define-service.ts';

/**
 * Every route the product serves, read from the registry of manifests (services/index.ts) and nothing else,
 * so a route added tomorrow is in every security suite without anyone touching the suites.
 */
export interface ServedRoute {
  readonly service: string;
  readonly method: RouteSpec['method'];
  readonly path: string;
  readonly handler: string;
  readonly policy: Policy | 'public';
  /** As API Gateway writes it: `GET /staff/dvpn/{id}`. */
  readonly routeKey: string;
  /** JSON APIs answer 401 where pages send the browser to sign in. */
  readonly kind: 'page' | 'api';
}

export interface StaffRoute extends ServedRoute {
  readonly policy: Policy;
}

const apiPrefix = '/api/';

export const servedRoutes = (manifests: readonly ServiceManifest[] = services): ServedRoute[] =>
  manifests.flatMap((manifest) =>
    manifest.routes.map((route) => ({
      service: manifest.name,
      method: route.method,
      path: route.path,
      handler: route.handler,
      policy: route.policy,
      routeKey: `${route.method} ${route.path}`,
      kind: route.path.startsWith(apiPrefix) ? ('api' as const) : ('page' as const),
    })),
  );

export const isStaffRoute = (route: ServedRoute): route is StaffRoute => route.policy !== 'public';

export const staffRoutes = (manifests?: readonly ServiceManifest[]): StaffRoute[] =>
  servedRoutes(manifests).filter(isStaffRoute);

export const publicRoutes = (manifests?: readonly ServiceManifest[]): ServedRoute[] =>
  servedRoutes(manifests).filter((route) => route.policy === 'public');

/** The method a request to the route uses: `ANY` (the catch-all) is exercised with GET. */
export const requestMethod = (route: ServedRoute): 'GET' | 'POST' =>
  route.method === 'POST' ? 'POST' : 'GET';

/**
 * A path that reaches the route: each `{parameter}` becomes a fresh UUID (no such record exists) unless
 * `values` names it, and a greedy `{proxy+}` becomes a path no other route claims.
 */
export const samplePath = (route: ServedRoute, values: Readonly<Record<string, string>> = {}): string =>
  route.path.replace(/\{([^}+]+)(\+?)\}/g, (_, name: string, greedy: string) => {
    const given = values[name];
    if (given !== undefined) return encodeURIComponent(given);
    return greedy ? `no-such-page-${randomUUID().slice(0, 8)}` : randomUUID();
  });

/** The names of a route's path parameters, e.g. `['id', 'grantId']`. */
export const pathParameters = (route: ServedRoute): string[] =>
  [...route.path.matchAll(/\{([^}+]+)\+?\}/g)].map((match) => match[1] ?? '');
