import { describe, expect, it } from 'vitest';
import { RuleRefusedError, WrongStageError } from '../../../services/restricted-cases/domain/errors.ts';
import { closeCase, recordOutcome } from '../../../services/restricted-cases/domain/outcome.ts';
import {
  changeRestriction,
  liftRestriction,
  restrictCase,
} from '../../../services/restricted-cases/domain/restriction.ts';
import { allegationCase, fileOf, person, ref, t0 } from './fixtures.ts';

const chiefInspector = ref(person('0874', 'chief-inspector', 'COMMAND'));
const psd = ref(person('2731', 'sergeant', 'PSD'));
const unrestricted = () =>
  fileOf(allegationCase({ stage: 'reported', restriction: { state: 'unrestricted' } }));

describe('Restriction on the authority of a chief inspector or above (PP/04 §7.2)', () => {
  it('restricts the case with its crime report and call log, and records who, when and why', () => {
    const file = restrictCase(
      unrestricted(),
      {
        reason: 'Suspect is a serving officer',
        crimeNumber: '20/1234/26',
        callLogRefs: ['LOG-9', 'LOG-9', ' '],
      },
      chiefInspector,
      t0,
    );

    expect(file.case.restriction).toMatchObject({
      state: 'restricted',
      basis: 'chief-inspector-authority',
      reason: 'Suspect is a serving officer',
    });
    expect(file.case.references).toEqual({ crimeNumber: '20/1234/26', callLogRefs: ['LOG-9'] });
    expect(file.case.restrictionHistory).toMatchObject([
      { change: 'restricted', by: chiefInspector, at: t0.toISOString() },
    ]);
  });

  it('moves a reported case under investigation', () => {
    expect(
      restrictCase(unrestricted(), { reason: 'r', callLogRefs: [] }, chiefInspector, t0).case.stage,
    ).toBe('under-investigation');
  });

  it('a restriction without a reason is refused', () => {
    expect(() => restrictCase(unrestricted(), { reason: '  ', callLogRefs: [] }, chiefInspector, t0)).toThrow(
      RuleRefusedError,
    );
  });

  it('a criminal allegation is restricted with its crime number', () => {
    const noCrimeNumber = fileOf(
      allegationCase({ restriction: { state: 'unrestricted' }, references: { callLogRefs: [] } }),
    );

    expect(() => restrictCase(noCrimeNumber, { reason: 'r', callLogRefs: [] }, chiefInspector, t0)).toThrow(
      /crime number/,
    );
  });

  it('restricting what is already restricted is refused: change it instead', () => {
    expect(() =>
      restrictCase(fileOf(allegationCase()), { reason: 'r', callLogRefs: [] }, chiefInspector, t0),
    ).toThrow(WrongStageError);
  });

  it('changing a restriction needs a reason and is kept in the history', () => {
    const file = changeRestriction(
      fileOf(allegationCase()),
      { reason: 'Second call log found', callLogRefs: ['LOG-77', 'LOG-78'] },
      chiefInspector,
      t0,
    );

    expect(file.case.references.callLogRefs).toEqual(['LOG-77', 'LOG-78']);
    expect(file.case.restrictionHistory.at(-1)).toMatchObject({
      change: 'changed',
      reason: 'Second call log found',
    });
  });

  it('lifting a restriction needs a reason', () => {
    expect(() => liftRestriction(fileOf(allegationCase()), { reason: '' }, chiefInspector, t0)).toThrow(
      RuleRefusedError,
    );
  });

  it('lifting records the change and leaves the case unrestricted', () => {
    const file = liftRestriction(
      fileOf(allegationCase()),
      { reason: 'No further action; victim consents' },
      chiefInspector,
      t0,
    );

    expect(file.case.restriction).toEqual({ state: 'unrestricted' });
    expect(file.case.restrictionHistory.at(-1)?.change).toBe('lifted');
  });

  it('a staff victim’s confidential report cannot be lifted open (PP/04 §7.1)', () => {
    const report = fileOf(allegationCase({ kind: 'staff-victim-report' }));

    expect(() => liftRestriction(report, { reason: 'r' }, chiefInspector, t0)).toThrow(WrongStageError);
  });
});

describe('Outcome and closure (PP/04 §7.2)', () => {
  it('records the outcome with a note', () => {
    const file = recordOutcome(
      fileOf(allegationCase()),
      { kind: 'misconduct-proceedings', note: 'Gross misconduct hearing' },
      psd,
      t0,
    );

    expect(file.case.stage).toBe('outcome-recorded');
    expect(file.case.outcome).toMatchObject({ kind: 'misconduct-proceedings', by: psd });
  });

  it('an allegation is not closed before its outcome is recorded', () => {
    expect(() => closeCase(fileOf(allegationCase()), { reason: 'Done' }, psd, t0)).toThrow(
      /Record the outcome/,
    );
  });

  it('closes once the outcome is recorded, and a closed case takes no more outcomes', () => {
    const withOutcome = recordOutcome(
      fileOf(allegationCase()),
      { kind: 'no-case-to-answer', note: 'n' },
      psd,
      t0,
    );
    const closed = closeCase(withOutcome, { reason: 'Concluded' }, psd, t0);

    expect(closed.case.stage).toBe('closed');
    expect(() => recordOutcome(closed, { kind: 'management-action', note: 'n' }, psd, t0)).toThrow(
      WrongStageError,
    );
  });
});
