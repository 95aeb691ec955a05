import type { Principal } from '../../../shared/auth/principal.ts';
import type { ServiceManifest, StaffLink } from '../../../shared/manifest/define-service.ts';

/** A staff link whose path is not a GET route of its service: a manifest mistake, caught by tests. */
export class UnroutedStaffLinkError extends Error {
  constructor(service: string, path: string) {
    super(`Staff link ${path} of ${service} is not a GET route of that service.`);
    this.name = 'UnroutedStaffLinkError';
  }
}

export interface StaffArea extends StaffLink {
  readonly service: string;
}

/**
 * The staff areas a person may open: each service's staff links, kept only where the policy of the
 * link's own route admits them, so the staff home never offers a page that would answer 403.
 */
export const staffAreasFor = (principal: Principal, manifests: readonly ServiceManifest[]): StaffArea[] =>
  manifests.flatMap((manifest) =>
    manifest.staffLinks.flatMap((link) => {
      const route = manifest.routes.find(
        (candidate) => candidate.method === 'GET' && candidate.path === link.path,
      );
      if (!route) throw new UnroutedStaffLinkError(manifest.name, link.path);
      if (route.policy === 'public' || !route.policy.allows(principal)) return [];
      return [{ ...link, service: manifest.name }];
    }),
  );
