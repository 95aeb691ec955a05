import { anyStaff } from '../../../shared/auth/policy.ts';
import { pageHandler, view } from '../../../shared/http/index.ts';
import { services } from '../../index.ts';
import { staffAreasFor } from '../domain/staff-areas.ts';

export const handler = pageHandler({
  policy: anyStaff,
  handle: ({ principal }) => view('home/staff-home.njk', { areas: staffAreasFor(principal, services) }),
});
