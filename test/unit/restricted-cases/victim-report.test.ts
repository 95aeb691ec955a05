import { describe, expect, it } from 'vitest';
import { fixtureLeads, fixtureStaff } from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import { decideAccess } from '../../../services/restricted-cases/domain/access.ts';
import { RuleRefusedError, WrongStageError } from '../../../services/restricted-cases/domain/errors.ts';
import {
  consentedAccessDays,
  logWorkplaceIncident,
  reportAsStaffVictim,
  shareWithoutConsent,
  type VictimReportCommand,
} from '../../../services/restricted-cases/domain/victim-report.ts';
import { allegationCase, fileOf, hoursLater, ref, t0 } from './fixtures.ts';
import { staff } from './support.ts';

const directory = new Map(fixtureStaff.map((entry) => [entry.collarNumber, entry]));

const command = (overrides: Partial<VictimReportCommand> = {}): VictimReportCommand => ({
  whatHappened: 'My ex-partner keeps turning up at the station',
  abuserIsStaff: 'no',
  supportWanted: [],
  consentToShareWith: [],
  acknowledged: true,
  ...overrides,
});

const report = (overrides: Partial<VictimReportCommand> = {}) =>
  reportAsStaffVictim(command(overrides), {
    reporter: staff('4710'),
    reporterEntry: directory.get('4710'),
    abuser: overrides.abuserCollarNumber ? directory.get(overrides.abuserCollarNumber) : undefined,
    directory,
    leads: { ...fixtureLeads, workplaceChampion: '2288' },
    id: 'RC-AAAA-BBBB-CCCC',
    now: t0,
  });

describe('A member of staff who is a victim reports confidentially (PP/04 §7.1)', () => {
  it('they must confirm they were told offences are recorded and when sharing without consent happens', () => {
    expect(() => report({ acknowledged: false })).toThrow(RuleRefusedError);
  });

  it('the report is confidential from the start: colleagues not on its list cannot open it', () => {
    const { file } = report();
    const decision = decideAccess({
      principal: staff('1402'),
      theCase: file.case,
      accessList: { members: file.members, conflicts: file.conflicts },
      grants: file.grants,
      now: t0,
      action: 'open',
    });

    expect(decision.allowed).toBe(false);
  });

  it('the victim is on their own report’s list', () => {
    expect(report().file.members).toMatchObject([{ collarNumber: '4710', role: 'reporting-victim' }]);
  });

  it('someone they consent to share with may read it, for a limited time', () => {
    const { file } = report({ consentToShareWith: ['line-manager'] });
    const lineManager = file.members.find((member) => member.collarNumber === '1180');

    expect(lineManager?.role).toBe('named');
    expect(lineManager?.until).toBe(hoursLater(24 * consentedAccessDays).toISOString());
  });

  it('support asked for without consent to share: the supporter is told only to speak to them, with no link', () => {
    const { notices } = report({ supportWanted: ['line-manager'] });

    expect(notices).toHaveLength(1);
    expect(notices[0]?.audience).toEqual({ kind: 'person', collarNumber: '1180' });
    expect(notices[0]?.link).toBeUndefined();
  });

  it('an abuser who works for the force makes it a police-suspect case, with PSD told (PP/04 §7.2)', () => {
    const made = report({ abuserIsStaff: 'yes', abuserCollarNumber: '4021' });

    expect(made.file.case.policeSuspect).toBe(true);
    expect(made.file.case.suspect?.collarNumber).toBe('4021');
    expect(made.notices.map((notice) => notice.audience)).toContainEqual(
      expect.objectContaining({ department: 'PSD' }),
    );
  });

  it('the abuser’s line managers are barred, so they cannot read it', () => {
    const { file } = report({ abuserIsStaff: 'yes', abuserCollarNumber: '4021' });

    expect(file.conflicts.map((conflict) => conflict.collarNumber)).toEqual(['2107', '1402']);
  });

  it('a line manager who is barred is never given the report, even with consent', () => {
    const made = reportAsStaffVictim(
      command({ abuserIsStaff: 'yes', abuserCollarNumber: '4021', consentToShareWith: ['line-manager'] }),
      {
        reporter: staff('2107'),
        reporterEntry: directory.get('2107'),
        abuser: directory.get('4021'),
        directory,
        leads: fixtureLeads,
        id: 'RC-AAAA-BBBB-CCCC',
        now: t0,
      },
    );

    expect(made.file.members.map((member) => member.collarNumber)).toEqual(['2107']);
  });
});

describe('Workplace incidents are logged as evidence (PP/04 §7.1)', () => {
  const victimFile = () => report().file;

  it('an incident is kept with its witnesses and evidence', () => {
    const file = logWorkplaceIncident(
      victimFile(),
      {
        occurredAt: hoursLater(-3),
        kind: 'visit',
        description: 'Waited in reception',
        witnesses: 'Front counter clerk',
        evidence: 'CCTV',
      },
      { id: 'inc-1', now: t0 },
    );

    expect(file.incidents).toMatchObject([
      { kind: 'visit', witnesses: 'Front counter clerk', evidence: 'CCTV' },
    ]);
  });

  it('an incident in the future is refused', () => {
    expect(() =>
      logWorkplaceIncident(
        victimFile(),
        { occurredAt: hoursLater(1), kind: 'phone-call', description: 'Call', witnesses: '', evidence: '' },
        { id: 'inc-1', now: t0 },
      ),
    ).toThrow(/in the past/);
  });
});

describe('Sharing without consent (PP/04 §7.1)', () => {
  it('is recorded with its reason and the victim is told at once', () => {
    const shared = shareWithoutConsent(
      report().file,
      {
        basis: 'child-protection',
        reason: 'Children at the address are at risk',
        sharedWith: 'Children’s services',
      },
      ref(staff('2731')),
      t0,
    );

    expect(shared.file.case.victimReport?.sharedWithoutConsent).toMatchObject([
      {
        basis: 'child-protection',
        reason: 'Children at the address are at risk',
        victimToldAt: t0.toISOString(),
      },
    ]);
    expect(shared.notice.audience).toEqual({ kind: 'person', collarNumber: '4710' });
  });

  it('needs a reason', () => {
    expect(() =>
      shareWithoutConsent(
        report().file,
        { basis: 'child-protection', reason: ' ', sharedWith: 'x' },
        ref(staff('2731')),
        t0,
      ),
    ).toThrow(RuleRefusedError);
  });

  it('applies only to a staff victim’s report', () => {
    expect(() =>
      shareWithoutConsent(
        fileOf(allegationCase()),
        { basis: 'child-protection', reason: 'r', sharedWith: 'x' },
        ref(staff('2731')),
        t0,
      ),
    ).toThrow(WrongStageError);
  });
});
