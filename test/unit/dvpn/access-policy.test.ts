import { describe, expect, it } from 'vitest';
import { type DvpnAction, dvpnActions, mayPerform } from '../../../services/dvpn/domain/access.ts';
import { dapnPack, dvpnPack, type RulesPack } from '../../../services/dvpn/domain/rules-packs.ts';
import type { Principal } from '../../../shared/auth/principal.ts';

const columns: readonly DvpnAction[] = [
  'view-case',
  'view-dashboard',
  'draft',
  'edit-draft',
  'submit',
  'authorise',
  'refuse',
  'retry-document',
  'record-service',
  'prepare-application',
  'record-hearing',
  'record-breach',
  'view-figures',
];

type Row = readonly [Principal['rank'], string];

/**
 * Y = allowed, . = refused, one column per action in the order above. Written out by hand from the Acts
 * and the force policy so the table, not the code, is the statement of who may do what.
 */
const dvpnTable: readonly Row[] = [
  //                          view dash draft edit sub auth ref retry serve apply hear breach figures
  ['police-staff', '. . . . . . . . . . . . Y'],
  ['constable', 'Y Y Y Y Y . . Y Y Y Y Y .'],
  ['sergeant', 'Y Y Y Y Y . . Y Y Y Y Y Y'],
  ['inspector', 'Y Y Y Y Y . . Y Y Y Y Y Y'],
  ['chief-inspector', 'Y Y Y Y Y . . Y Y Y Y Y Y'],
  ['superintendent', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['chief-superintendent', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['assistant-chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['deputy-chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
];

const dapnTable: readonly Row[] = [
  ['police-staff', '. . . . . . . . . . . . Y'],
  ['constable', 'Y Y Y Y Y . . Y Y Y Y Y .'],
  ['sergeant', 'Y Y Y Y Y . . Y Y Y Y Y Y'],
  ['inspector', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['chief-inspector', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['superintendent', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['chief-superintendent', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['assistant-chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['deputy-chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
  ['chief-constable', 'Y Y Y Y Y Y Y Y Y Y Y Y Y'],
];

const cases = (pack: RulesPack, table: readonly Row[]) =>
  table.flatMap(([rank, marks]) =>
    marks.split(' ').map((mark, i) => {
      const action = columns[i] as DvpnAction;
      return { rank, action, allowed: mark === 'Y', pack };
    }),
  );

const principal = (rank: Principal['rank']): Principal => ({
  subject: 'sub',
  collarNumber: '1',
  displayName: 'Officer',
  rank,
  department: 'PPU',
});

describe('DVPN authorisation policy: every rank × every action (CSA 2010 s.24(1))', () => {
  it('the table covers every action', () => {
    expect([...columns].sort()).toEqual([...dvpnActions].sort());
  });

  it.each(cases(dvpnPack, dvpnTable))(
    '$rank: $action allowed = $allowed',
    ({ rank, action, allowed, pack }) => {
      expect(mayPerform(principal(rank), action, pack)).toBe(allowed);
    },
  );
});

describe('DAPN pilot authorisation policy: every rank × every action (DAA 2021 s.22(8))', () => {
  it.each(cases(dapnPack, dapnTable))(
    '$rank: $action allowed = $allowed',
    ({ rank, action, allowed, pack }) => {
      expect(mayPerform(principal(rank), action, pack)).toBe(allowed);
    },
  );
});
