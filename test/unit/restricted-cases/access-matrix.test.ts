import { describe, expect, it } from 'vitest';
import {
  type AccessAction,
  accessActions,
  decideAccess,
} from '../../../services/restricted-cases/domain/access.ts';
import type { CaseFile, Grant } from '../../../services/restricted-cases/domain/model.ts';
import type { Principal } from '../../../shared/auth/principal.ts';
import {
  allegationCase,
  conflict,
  fileOf,
  grant,
  hoursLater,
  member,
  person,
  ref,
  suspect,
  t0,
} from './fixtures.ts';

/**
 * The access matrix (APP "Access to records"; PP/04 §7): every kind of person against every action on a
 * restricted allegation, an unrestricted one and a staff victim's confidential report. Each row lists what
 * is allowed; everything else must be denied.
 */

const READ: AccessAction[] = ['open', 'search', 'list'];
const PSD_WORK: AccessAction[] = [
  'export',
  'view-access-log',
  'manage-access-list',
  'review-break-glass',
  'record-outcome',
  'share-without-consent',
];
const RESTRICT: AccessAction[] = ['restrict', 'change-restriction', 'lift-restriction'];
const DECIDE: AccessAction[] = ['decide-safeguarding-request'];
const ASK: AccessAction[] = ['request-safeguarding-access', 'break-glass'];
const LOG: AccessAction[] = ['log-workplace-incident'];

type State = 'restricted' | 'unrestricted' | 'victim-report';

const psdSergeant = person('2731', 'sergeant', 'PSD');
const psdSuperintendent = person('0415', 'superintendent', 'PSD');
const ppuConstable = person('3350', 'constable', 'PPU');
const ppuChiefInspector = person('0620', 'chief-inspector', 'PPU');
const responseInspector = person('1402', 'inspector', 'FORCE_RESPONSE');
const divisionalCommander = person('0311', 'chief-superintendent', 'COMMAND');
const districtChiefInspector = person('0874', 'chief-inspector', 'COMMAND');
const callHandler = person('S60213', 'police-staff', 'CONTACT_CENTRE');

const caseIn = (
  state: State,
  parts: Partial<Omit<CaseFile, 'case'>>,
  suspectRef = ref(suspect),
): CaseFile => {
  if (state === 'restricted') return fileOf(allegationCase({ suspect: suspectRef }), parts);
  if (state === 'unrestricted')
    return fileOf(allegationCase({ suspect: suspectRef, restriction: { state: 'unrestricted' } }), parts);
  return fileOf(
    allegationCase({
      kind: 'staff-victim-report',
      suspect: suspectRef,
      allegation: undefined,
      restriction: {
        state: 'restricted',
        basis: 'staff-victim-confidentiality',
        reason: 'Confidential report',
        by: ref(ppuConstable),
        at: t0.toISOString(),
      },
    }),
    parts,
  );
};

interface Row {
  readonly who: string;
  readonly principal: Principal;
  readonly members?: CaseFile['members'];
  readonly conflicts?: CaseFile['conflicts'];
  readonly grants?: readonly Grant[];
  /** The suspect of the case, when it is not the default constable. */
  readonly suspectIs?: Principal;
  readonly allowed: Partial<Record<State, readonly AccessAction[]>>;
}

const everywhere = (actions: readonly AccessAction[]): Row['allowed'] => ({
  restricted: actions,
  unrestricted: actions,
  'victim-report': actions,
});

const rows: readonly Row[] = [
  { who: 'the suspect', principal: suspect, allowed: everywhere([]) },
  {
    who: 'the suspect, a PSD superintendent',
    principal: psdSuperintendent,
    suspectIs: psdSuperintendent,
    allowed: everywhere([]),
  },
  {
    who: 'a PSD sergeant barred as conflicted',
    principal: psdSergeant,
    conflicts: [conflict('2731')],
    allowed: everywhere([]),
  },
  {
    who: 'a chief superintendent barred as conflicted',
    principal: divisionalCommander,
    conflicts: [conflict('0311')],
    allowed: everywhere([]),
  },
  {
    who: 'a PSD sergeant',
    principal: psdSergeant,
    allowed: everywhere([...READ, ...PSD_WORK, ...DECIDE, ...ASK]),
  },
  {
    who: 'a PSD superintendent',
    principal: psdSuperintendent,
    allowed: everywhere([...READ, ...PSD_WORK, ...RESTRICT, ...DECIDE, ...ASK]),
  },
  {
    who: 'an investigating-team constable',
    principal: ppuConstable,
    members: [member('3350', 'investigating-team')],
    allowed: everywhere([...READ, ...ASK]),
  },
  {
    who: 'an investigating-team chief inspector',
    principal: ppuChiefInspector,
    members: [member('0620', 'investigating-team')],
    allowed: everywhere([...READ, ...RESTRICT, ...DECIDE, ...ASK]),
  },
  {
    who: 'a named inspector before the end date',
    principal: responseInspector,
    members: [member('1402', 'named', hoursLater(24))],
    allowed: everywhere([...READ, ...ASK]),
  },
  {
    who: 'a named inspector after the end date',
    principal: responseInspector,
    members: [member('1402', 'named', hoursLater(-1))],
    allowed: { restricted: ASK, unrestricted: [...READ, ...ASK], 'victim-report': ASK },
  },
  {
    who: 'a constable with active safeguarding access',
    principal: ppuConstable,
    grants: [grant(ppuConstable, 'active')],
    allowed: everywhere([...READ, ...ASK]),
  },
  {
    who: 'a constable with active break-glass access',
    principal: ppuConstable,
    grants: [grant(ppuConstable, 'active', 'break-glass')],
    allowed: everywhere([...READ, ...ASK]),
  },
  {
    who: 'a constable whose safeguarding access has expired',
    principal: ppuConstable,
    grants: [grant(ppuConstable, 'expired')],
    allowed: { restricted: ASK, unrestricted: [...READ, ...ASK], 'victim-report': ASK },
  },
  {
    who: 'a constable whose request is pending',
    principal: ppuConstable,
    grants: [grant(ppuConstable, 'pending')],
    allowed: { restricted: ASK, unrestricted: [...READ, ...ASK], 'victim-report': ASK },
  },
  {
    who: 'a constable whose request was refused',
    principal: ppuConstable,
    grants: [grant(ppuConstable, 'refused')],
    allowed: { restricted: ASK, unrestricted: [...READ, ...ASK], 'victim-report': ASK },
  },
  {
    who: 'a call handler with no part in the case',
    principal: callHandler,
    allowed: { restricted: ASK, unrestricted: [...READ, ...ASK], 'victim-report': ASK },
  },
  {
    who: 'a chief inspector with no part in the case',
    principal: districtChiefInspector,
    allowed: {
      restricted: [...DECIDE, ...ASK],
      unrestricted: [...READ, ...RESTRICT, ...DECIDE, ...ASK],
      'victim-report': [...DECIDE, ...ASK],
    },
  },
  {
    who: 'a chief inspector holding safeguarding access only',
    principal: districtChiefInspector,
    grants: [grant(districtChiefInspector, 'active')],
    allowed: {
      restricted: [...READ, ...DECIDE, ...ASK],
      unrestricted: [...READ, ...RESTRICT, ...DECIDE, ...ASK],
      'victim-report': [...READ, ...DECIDE, ...ASK],
    },
  },
  {
    who: 'the staff victim who made the report',
    principal: ppuConstable,
    members: [member('3350', 'reporting-victim')],
    allowed: { 'victim-report': [...READ, ...LOG, ...ASK] },
  },
];

describe('Restricted cases: the access matrix (APP "Access to records"; PP/04 §7)', () => {
  for (const row of rows) {
    for (const [state, allowed] of Object.entries(row.allowed) as [State, readonly AccessAction[]][]) {
      const file = caseIn(
        state,
        { members: row.members ?? [], conflicts: row.conflicts ?? [], grants: row.grants ?? [] },
        row.suspectIs ? ref(row.suspectIs) : ref(suspect),
      );
      it.each(accessActions.map((action) => [action, allowed.includes(action)] as const))(
        `${row.who}, ${state} case: %s → allowed %s`,
        (action, expected) => {
          const decision = decideAccess({
            principal: row.principal,
            theCase: file.case,
            accessList: { members: file.members, conflicts: file.conflicts },
            grants: file.grants,
            now: t0,
            action,
          });

          expect(decision.allowed).toBe(expected);
        },
      );
    }
  }
});

describe('Restricted cases: why access is refused', () => {
  const decide = (principal: Principal, file: CaseFile, action: AccessAction) =>
    decideAccess({
      principal,
      theCase: file.case,
      accessList: { members: file.members, conflicts: file.conflicts },
      grants: file.grants,
      now: t0,
      action,
    });

  it('the suspect is refused as the suspect even when also named on the list (APP "Access to records")', () => {
    const file = caseIn('restricted', { members: [member('4021', 'investigating-team')] });

    expect(decide(suspect, file, 'open')).toEqual({ allowed: false, reason: 'suspect' });
  });

  it('an expired safeguarding grant is denied as expired, not as never granted', () => {
    const file = caseIn('restricted', { grants: [grant(ppuConstable, 'expired')] });

    expect(decide(ppuConstable, file, 'open')).toEqual({ allowed: false, reason: 'grant-expired' });
  });

  it('named access after its end date is denied as ended', () => {
    const file = caseIn('restricted', { members: [member('1402', 'named', t0)] });

    expect(decide(responseInspector, file, 'open')).toEqual({ allowed: false, reason: 'named-access-ended' });
  });

  it('an inspector on the list may not restrict: the authority of a chief inspector is needed (PP/04 §7.2)', () => {
    const file = caseIn('unrestricted', { members: [member('1402', 'investigating-team')] });

    expect(decide(responseInspector, file, 'restrict')).toEqual({
      allowed: false,
      reason: 'rank-below-chief-inspector',
    });
  });

  it('police staff hold no rank, so never carry a chief inspector’s authority', () => {
    const file = caseIn('unrestricted', {});

    expect(decide(callHandler, file, 'restrict')).toEqual({
      allowed: false,
      reason: 'rank-below-chief-inspector',
    });
  });
});
