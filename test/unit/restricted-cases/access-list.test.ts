import { describe, expect, it } from 'vitest';
import {
  addConflict,
  addMember,
  removeConflict,
  removeMember,
} from '../../../services/restricted-cases/domain/access-list.ts';
import type { DirectoryEntry } from '../../../services/restricted-cases/domain/directory.ts';
import { RuleRefusedError } from '../../../services/restricted-cases/domain/errors.ts';
import { allegationCase, conflict, fileOf, hoursLater, member, person, ref, t0 } from './fixtures.ts';

const psd = ref(person('2731', 'sergeant', 'PSD'));
const entry = (collarNumber: string): DirectoryEntry => ({
  collarNumber,
  displayName: `Officer ${collarNumber}`,
  rank: 'constable',
  department: 'PPU',
  managesStaff: false,
});

describe('PSD keeps the need-to-know list (APP "Access to records")', () => {
  it('a named person is added with a reason and an end date', () => {
    const file = addMember(
      fileOf(allegationCase()),
      { person: entry('3350'), role: 'named', reason: 'Family liaison', until: hoursLater(48) },
      psd,
      t0,
    );

    expect(file.members).toMatchObject([
      {
        collarNumber: '3350',
        role: 'named',
        reason: 'Family liaison',
        until: hoursLater(48).toISOString(),
        addedBy: psd,
      },
    ]);
  });

  it('a named person needs an end date in the future', () => {
    expect(() =>
      addMember(
        fileOf(allegationCase()),
        { person: entry('3350'), role: 'named', reason: 'r', until: t0 },
        psd,
        t0,
      ),
    ).toThrow(/in the future/);
  });

  it('a named person needs an end date', () => {
    expect(() =>
      addMember(fileOf(allegationCase()), { person: entry('3350'), role: 'named', reason: 'r' }, psd, t0),
    ).toThrow(/end date|access ends/);
  });

  it('a place on the list needs a reason', () => {
    expect(() =>
      addMember(
        fileOf(allegationCase()),
        { person: entry('3350'), role: 'investigating-team', reason: '' },
        psd,
        t0,
      ),
    ).toThrow(RuleRefusedError);
  });

  it('the suspect is never added', () => {
    expect(() =>
      addMember(
        fileOf(allegationCase()),
        { person: entry('4021'), role: 'investigating-team', reason: 'r' },
        psd,
        t0,
      ),
    ).toThrow(/suspect/);
  });

  it('a barred person is not added until the bar is lifted', () => {
    const file = fileOf(allegationCase(), { conflicts: [conflict('3350')] });

    expect(() =>
      addMember(file, { person: entry('3350'), role: 'investigating-team', reason: 'r' }, psd, t0),
    ).toThrow(/barred/);
  });

  it('barring someone takes away any place they had on the list', () => {
    const file = fileOf(allegationCase(), { members: [member('3350', 'investigating-team')] });
    const barred = addConflict(
      file,
      { person: entry('3350'), relation: 'relative', reason: 'Sister of the suspect' },
      psd,
      t0,
    );

    expect(barred.members).toEqual([]);
    expect(barred.conflicts).toMatchObject([{ collarNumber: '3350', relation: 'relative' }]);
  });

  it('the staff victim who made a report cannot be barred from it', () => {
    const file = fileOf(allegationCase({ kind: 'staff-victim-report' }), {
      members: [member('3350', 'reporting-victim')],
    });

    expect(() =>
      addConflict(file, { person: entry('3350'), relation: 'other', reason: 'r' }, psd, t0),
    ).toThrow(/made this report/);
  });

  it('removing someone needs a reason, and the reporting victim stays', () => {
    const file = fileOf(allegationCase(), {
      members: [member('3350', 'named', hoursLater(5)), member('4710', 'reporting-victim')],
    });

    expect(() => removeMember(file, '3350', '')).toThrow(RuleRefusedError);
    expect(removeMember(file, '3350', 'No longer needed').members.map((m) => m.collarNumber)).toEqual([
      '4710',
    ]);
  });

  it('lifting a bar needs a reason', () => {
    const file = fileOf(allegationCase(), { conflicts: [conflict('3350')] });

    expect(() => removeConflict(file, '3350', ' ')).toThrow(RuleRefusedError);
    expect(removeConflict(file, '3350', 'Mistaken identity').conflicts).toEqual([]);
  });
});
