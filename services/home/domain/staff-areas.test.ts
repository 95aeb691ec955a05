import { describe, expect, it } from 'vitest';
import { atLeast, inDepartment } from '../../../shared/auth/policy.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import { defineService } from '../../../shared/manifest/define-service.ts';
import { services } from '../../index.ts';
import { staffAreasFor, UnroutedStaffLinkError } from './staff-areas.ts';

const person = (overrides: Partial<Principal>): Principal => ({
  subject: 'sub-1',
  collarNumber: '1234',
  displayName: 'Test Officer',
  rank: 'constable',
  department: 'FORCE_RESPONSE',
  ...overrides,
});

const manifest = defineService({
  name: 'cases',
  routes: [
    { method: 'GET', path: '/staff/cases', handler: 'list-cases', policy: atLeast('inspector') },
    { method: 'GET', path: '/staff/unit', handler: 'view-unit', policy: inDepartment('PPU') },
  ],
  staffLinks: [
    { text: 'Cases', path: '/staff/cases', description: 'All cases' },
    { text: 'Unit', path: '/staff/unit', description: 'The unit' },
  ],
});

describe('Staff home: areas offered by role (ARCHITECTURE "People and access")', () => {
  it('offers only the areas whose route policy admits the person', () => {
    const areas = staffAreasFor(person({ rank: 'inspector' }), [manifest]);

    expect(areas.map((area) => area.path)).toEqual(['/staff/cases']);
  });

  it('offers a department area to that department whatever the rank', () => {
    const areas = staffAreasFor(person({ department: 'PPU' }), [manifest]);

    expect(areas.map((area) => area.path)).toEqual(['/staff/unit']);
  });

  it('refuses a link that is not a GET route of its service', () => {
    const broken = defineService({
      name: 'broken',
      staffLinks: [{ text: 'Nowhere', path: '/staff/nowhere', description: 'No route' }],
    });

    expect(() => staffAreasFor(person({}), [broken])).toThrow(UnroutedStaffLinkError);
  });

  it('every staff link of every deployed service is a routed, staff-only page', () => {
    const chiefConstable = person({ rank: 'chief-constable', department: 'PSD' });

    expect(() => staffAreasFor(chiefConstable, services)).not.toThrow();
    for (const manifest of services) {
      for (const link of manifest.staffLinks) {
        const route = manifest.routes.find((r) => r.method === 'GET' && r.path === link.path);
        expect(route?.policy, `${manifest.name} ${link.path}`).not.toBe('public');
      }
    }
  });
});
