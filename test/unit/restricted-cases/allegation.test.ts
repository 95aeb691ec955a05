import { describe, expect, it } from 'vitest';
import { fixtureLeads, fixtureStaff } from '../../../services/restricted-cases/adapters/fixture-directory.ts';
import {
  type AllegationCommand,
  mayRecordAllegation,
  recordAllegation,
} from '../../../services/restricted-cases/domain/allegation.ts';
import { RuleRefusedError } from '../../../services/restricted-cases/domain/errors.ts';
import { person, t0 } from './fixtures.ts';
import { staff } from './support.ts';

const directory = new Map(fixtureStaff.map((entry) => [entry.collarNumber, entry]));

const command = (overrides: Partial<AllegationCommand> = {}): AllegationCommand => ({
  suspectCollarNumber: '4021',
  victimDescription: 'The suspect’s partner',
  summary: 'Pushed her down the stairs',
  criminal: true,
  crimeNumber: '20/1234/26',
  callLogRefs: ['LOG-1'],
  receivedAs: 'victim-report',
  urgentSafeguarding: false,
  ...overrides,
});

const record = (overrides: Partial<AllegationCommand> = {}, suspectCollar = '4021') =>
  recordAllegation(command(overrides), {
    recorder: staff('1180'),
    recorderEntry: directory.get('1180'),
    suspect: directory.get(suspectCollar),
    directory,
    leads: fixtureLeads,
    id: 'RC-AAAA-BBBB-CCCC',
    now: t0,
  });

describe('Recording an allegation against a member of staff (PP/04 §7.2)', () => {
  it('every case with a police suspect carries the police-suspect flag (APP "Access to records")', () => {
    expect(record().file.case.policeSuspect).toBe(true);
  });

  it('a criminal allegation without a crime number is refused (PP/04 §7.2)', () => {
    expect(() => record({ crimeNumber: undefined })).toThrow(RuleRefusedError);
  });

  it('a non-criminal allegation needs no crime number', () => {
    expect(
      record({ criminal: false, crimeNumber: undefined }).file.case.references.crimeNumber,
    ).toBeUndefined();
  });

  it('urgent safeguarding must say what is being done now', () => {
    expect(() => record({ urgentSafeguarding: true })).toThrow(/keep the victim and any children safe/);
  });

  it('a suspect not in the staff directory is refused', () => {
    expect(() => record({ suspectCollarNumber: '9999' }, '9999')).toThrow(/no member of staff/);
  });

  it('an admission is recorded as an admission and routed like any allegation: never confidential (PP/04 §7.2)', () => {
    const recorded = record({ receivedAs: 'admission' });

    expect(recorded.file.case.admission).toBe(true);
    expect(recorded.file.case.kind).toBe('allegation');
    expect(recorded.recipients.map((recipient) => recipient.role)).toContain('local-commander');
    expect(recorded.notices[0]?.title).toMatch(/^An admission of domestic abuse/);
  });

  it('the suspect\'s line managers below the commander are barred from the start (APP "Access to records")', () => {
    const barred = record().file.conflicts.map((conflict) => conflict.collarNumber);

    expect(barred).toEqual(['2107', '1402']);
  });

  it('the domestic abuse supervisor joins the investigating team', () => {
    expect(record().file.members).toMatchObject([{ collarNumber: '2288', role: 'investigating-team' }]);
  });

  it('every routed recipient gets an urgent notice that names the case and no person', () => {
    const recorded = record();

    expect(recorded.notices).toHaveLength(recorded.recipients.length);
    for (const notice of recorded.notices) {
      expect(notice.priority).toBe('urgent');
      expect(notice.title).toContain('RC-AAAA-BBBB-CCCC');
      expect(notice.title).not.toContain('Sam Taylor');
    }
  });

  it('an inspector may record an allegation; a sergeant may not (PP/04 §7.2)', () => {
    expect(mayRecordAllegation(person('1', 'inspector', 'NEIGHBOURHOOD'), undefined)).toBe(true);
    expect(mayRecordAllegation(person('2', 'sergeant', 'NEIGHBOURHOOD'), undefined)).toBe(false);
  });

  it('a police staff manager may record an allegation; other police staff may not (PP/04 §7.2)', () => {
    expect(mayRecordAllegation(staff('S40117'), directory.get('S40117'))).toBe(true);
    expect(mayRecordAllegation(staff('S60213'), directory.get('S60213'))).toBe(false);
  });

  it('nobody records an allegation against themselves', () => {
    expect(() =>
      recordAllegation(command({ suspectCollarNumber: '1180' }), {
        recorder: staff('1180'),
        recorderEntry: directory.get('1180'),
        suspect: directory.get('1180'),
        directory,
        leads: fixtureLeads,
        id: 'RC-AAAA-BBBB-CCCC',
        now: t0,
      }),
    ).toThrow(/about yourself/);
  });
});
