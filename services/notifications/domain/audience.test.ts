import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { departments, type Principal, ranks } from '../../../shared/auth/principal.ts';
import type { NotificationAudience } from '../../../shared/contracts/staff-notification.ts';
import { audiencesOf, isAddressedTo, selectorOf } from './audience.ts';

const principal = (overrides: Partial<Principal> = {}): Principal => ({
  subject: 'sub-1',
  collarNumber: 'PC1234',
  displayName: 'A Officer',
  rank: 'sergeant',
  department: 'FORCE_RESPONSE',
  ...overrides,
});

const group = (fields: Omit<Extract<NotificationAudience, { kind: 'group' }>, 'kind' | 'label'>) =>
  ({ kind: 'group', label: 'Group', ...fields }) as const;

describe('Notifications: who a notification is addressed to', () => {
  it.each([
    ['the person with that collar number', { kind: 'person', collarNumber: 'PC1234' }, principal(), true],
    ['not another person', { kind: 'person', collarNumber: 'PC9999' }, principal(), false],
    ['a group of everyone', group({}), principal({ rank: 'police-staff' }), true],
    [
      'a department group, member of it',
      group({ department: 'PPU' }),
      principal({ department: 'PPU' }),
      true,
    ],
    [
      'a department group, not a member',
      group({ department: 'PSD' }),
      principal({ department: 'PPU' }),
      false,
    ],
    [
      'a rank group, exactly that rank',
      group({ minimumRank: 'sergeant' }),
      principal({ rank: 'sergeant' }),
      true,
    ],
    [
      'a rank group, senior to it',
      group({ minimumRank: 'sergeant' }),
      principal({ rank: 'chief-constable' }),
      true,
    ],
    [
      'a rank group, junior to it',
      group({ minimumRank: 'inspector' }),
      principal({ rank: 'sergeant' }),
      false,
    ],
    [
      'a rank group never includes police staff (no rank)',
      group({ minimumRank: 'constable' }),
      principal({ rank: 'police-staff' }),
      false,
    ],
    [
      'department and rank: both must hold (duty superintendents of Force Response)',
      group({ department: 'FORCE_RESPONSE', minimumRank: 'superintendent' }),
      principal({ department: 'FORCE_RESPONSE', rank: 'inspector' }),
      false,
    ],
    [
      'department and rank: both hold',
      group({ department: 'FORCE_RESPONSE', minimumRank: 'superintendent' }),
      principal({ department: 'FORCE_RESPONSE', rank: 'superintendent' }),
      true,
    ],
    [
      'department and rank: the rank alone is not enough (DOMAIN: departments are not ranks)',
      group({ department: 'PSD', minimumRank: 'inspector' }),
      principal({ department: 'PPU', rank: 'chief-superintendent' }),
      false,
    ],
  ] as const)('%s', (_rule, audience, reader, expected) => {
    expect(isAddressedTo(audience, reader)).toBe(expected);
  });
});

describe('Notifications: the audiences an inbox reads', () => {
  const rankArbitrary = fc.constantFrom(...ranks, 'police-staff' as const);
  const departmentArbitrary = fc.constantFrom(...departments);
  const principalArbitrary = fc.record({
    subject: fc.constant('sub'),
    collarNumber: fc.stringMatching(/^[A-Z]{1,2}[0-9]{1,5}$/),
    displayName: fc.constant('Someone'),
    rank: rankArbitrary,
    department: departmentArbitrary,
  });
  const groupArbitrary = fc.record(
    { department: departmentArbitrary, minimumRank: fc.constantFrom(...ranks) },
    { requiredKeys: [] },
  );

  it('a group notification is read by its audience exactly when it is addressed to them', () => {
    fc.assert(
      fc.property(principalArbitrary, groupArbitrary, (reader, fields) => {
        const selector = selectorOf(group(fields));
        const read = audiencesOf(reader).some((candidate) => isDeepStrictEqual(candidate, selector));
        expect(read).toBe(isAddressedTo(selector, reader));
      }),
    );
  });

  it('the only person audience an inbox reads is the reader themselves', () => {
    const reader = principal({ collarNumber: 'PC77' });

    const people = audiencesOf(reader).filter((audience) => audience.kind === 'person');

    expect(people).toEqual([{ kind: 'person', collarNumber: 'PC77' }]);
  });

  it('police staff read two group audiences: everyone, and everyone in their department', () => {
    const groups = audiencesOf(principal({ rank: 'police-staff', department: 'CONTACT_CENTRE' })).filter(
      (audience) => audience.kind === 'group',
    );

    expect(groups).toEqual([{ kind: 'group' }, { kind: 'group', department: 'CONTACT_CENTRE' }]);
  });
});
