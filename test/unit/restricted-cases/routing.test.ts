import { describe, expect, it } from 'vitest';
import { fixtureLeads, fixtureStaff } from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import type { DirectoryEntry } from '../../../services/restricted-cases/domain/directory.ts';
import { routeAllegation } from '../../../services/restricted-cases/domain/routing.ts';

const entry = (collarNumber: string): DirectoryEntry => {
  const found = fixtureStaff.find((person) => person.collarNumber === collarNumber);
  if (!found) throw new Error(`no fixture ${collarNumber}`);
  return found;
};

const summary = (suspect: string) =>
  routeAllegation(entry(suspect), fixtureLeads).map((recipient) => ({
    role: recipient.role,
    to:
      recipient.audience.kind === 'person' ? recipient.audience.collarNumber : recipient.audience.department,
  }));

describe('Allegations against staff are routed at once (PP/04 §7.2; APP "Immediate referral")', () => {
  it('an officer: PSD, the chief officer responsible, their local commander and the domestic abuse supervisor', () => {
    expect(summary('4021')).toEqual([
      { role: 'psd', to: 'PSD' },
      { role: 'chief-officer-responsible', to: 'C002' },
      { role: 'local-commander', to: '0311' },
      { role: 'domestic-abuse-supervisor', to: '2288' },
    ]);
  });

  it('a member of police staff: their department commander is told like an officer’s', () => {
    expect(summary('S60213')).toContainEqual({ role: 'local-commander', to: '0311' });
  });

  it('the chief officer responsible: the chief constable is told instead, and never the suspect', () => {
    const routed = summary('C002');

    expect(routed).toEqual([
      { role: 'psd', to: 'PSD' },
      { role: 'chief-constable', to: 'C001' },
      { role: 'domestic-abuse-supervisor', to: '2288' },
    ]);
  });

  it('the chief constable: only the Police and Crime Commissioner, directly', () => {
    expect(summary('C001')).toEqual([{ role: 'police-and-crime-commissioner', to: 'OPCC' }]);
  });

  it('a local commander who is the suspect is not told of their own case: their line manager is', () => {
    const routed = summary('0311');

    expect(routed.some((recipient) => recipient.to === '0311')).toBe(false);
    expect(routed).toContainEqual({ role: 'chief-officer-responsible', to: 'C002' });
  });

  it('the domestic abuse supervisor as suspect: the Public Protection Unit inspectors advise instead', () => {
    const routed = routeAllegation(entry('2288'), fixtureLeads);
    const supervisor = routed.find((recipient) => recipient.role === 'domestic-abuse-supervisor');

    expect(supervisor?.audience).toMatchObject({
      kind: 'group',
      department: 'PPU',
      minimumRank: 'inspector',
    });
  });
});
