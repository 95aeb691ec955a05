import { anyStaff } from '../../shared/auth/policy.ts';
import { defineService } from '../../shared/manifest/define-service.ts';

/** The front door: the landing page, staff sign-in and sign-out, and the page for an unknown address. */
export const home = defineService({
  name: 'home',
  routes: [
    { method: 'GET', path: '/', handler: 'view-home', policy: 'public' },
    { method: 'GET', path: '/staff', handler: 'view-staff-home', policy: anyStaff },
    { method: 'GET', path: '/sign-in', handler: 'start-sign-in', policy: 'public' },
    { method: 'GET', path: '/auth/callback', handler: 'complete-sign-in', policy: 'public' },
    { method: 'POST', path: '/sign-out', handler: 'sign-out', policy: 'public' },
    { method: 'ANY', path: '/{proxy+}', handler: 'show-not-found', policy: 'public' },
  ],
  usesPlatform: ['sessions', 'audit'],
});
