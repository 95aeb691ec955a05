import { describe, expect, it } from 'vitest';
import { demoStaff } from '../../../infra/local/demo-staff.ts';
import {
  fixtureDirectory,
  fixtureLeads,
  fixtureStaff,
} from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import { caseIdFrom, normaliseCaseReference } from '../../../services/restricted-cases/domain/ids.ts';
import { CaseId } from '../../../services/restricted-cases/domain/model.ts';
import { searchKeysOf } from '../../../services/restricted-cases/domain/search.ts';

describe('The local staff directory matches the demo sign-ins (infra/local/demo-staff.ts)', () => {
  it.each(demoStaff.map((person) => [person.id, person] as const))(
    '%s is in the directory with the same rank and department',
    async (_id, person) => {
      const entry = await fixtureDirectory().find(person.collarNumber);

      expect(entry).toMatchObject({
        displayName: person.displayName,
        rank: person.rank,
        department: person.department,
      });
    },
  );

  it('every line manager, commander and named post is someone in the directory', () => {
    const known = new Set(fixtureStaff.map((person) => person.collarNumber));
    const referenced = [
      ...fixtureStaff.flatMap((person) => [person.lineManager, person.commander]),
      ...Object.values(fixtureLeads),
    ].filter((collar): collar is string => collar !== undefined);

    expect(referenced.filter((collar) => !known.has(collar))).toEqual([]);
  });
});

describe('Case references are not guessable and are read back however typed', () => {
  it('a reference carries 60 random bits in Crockford base 32', () => {
    const id = caseIdFrom(Uint8Array.from([255, 0, 255, 0, 255, 0, 255, 0]));

    expect(CaseId.safeParse(id).success).toBe(true);
  });

  it('a reference typed in lower case with O for zero still finds the case', () => {
    expect(normaliseCaseReference(' rc-0abc-defg-hjko ')).toBe('RC-0ABC-DEFG-HJK0');
  });

  it('a search by reference looks up that case only; anything else is a crime number or collar number', () => {
    expect(searchKeysOf('rc-0abc-defg-hjk0')).toEqual({ caseId: 'RC-0ABC-DEFG-HJK0' });
    expect(searchKeysOf(' 20/1234/26 ')).toEqual({ crimeNumber: '20/1234/26', collarNumber: '20/1234/26' });
    expect(searchKeysOf('   ')).toEqual({});
  });
});
