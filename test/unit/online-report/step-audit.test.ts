import { describe, expect, it } from 'vitest';
import {
  flagPossibleSerialPerpetrator,
  type IncidentLog,
  openFromStaffMarking,
  raiseRepeatAlert,
  recordDispatchRequested,
} from '../../../services/online-report/domain/incident-log.ts';
import {
  planStepAudit,
  type StepDone,
  stepsDoneOn,
} from '../../../services/online-report/domain/step-audit.ts';
import { contactHandler, openedLog, sentReport } from './fixtures.ts';

const now = new Date('2026-03-23T10:00:00Z');
const opened = (): IncidentLog => openedLog(now);
const everyStep = (victims = 2): IncidentLog =>
  flagPossibleSerialPerpetrator(
    raiseRepeatAlert(recordDispatchRequested(opened(), 'dispatch-1', now), ['OR-AAAA-0001'], now),
    victims,
    now,
  );

const opening: StepDone = { step: 'opened', key: 'opened' };
const dispatch: StepDone = { step: 'dispatch-requested', key: 'dispatch-requested' };
const repeat: StepDone = { step: 'repeat-alerted', key: 'repeat-alerted' };
const serial = (victims: number): StepDone => ({ step: 'serial-flagged', key: `serial-flagged-${victims}` });

describe('The steps a log shows done are what is audited, whichever attempt took them (DPA 2018 s.62; 000 §8.3.1)', () => {
  it('a log the screen opened shows its opening; dispatch, repeat and flag once each is taken, in that order', () => {
    expect([stepsDoneOn(opened()), stepsDoneOn(everyStep())]).toEqual([
      [opening],
      [opening, dispatch, repeat, serial(2)],
    ]);
  });

  it('a log staff opened is audited as their marking, not as a step of the workflow', () => {
    const log = openFromStaffMarking(
      sentReport,
      { grade: 'P2', reason: 'Said on the phone' },
      contactHandler,
      now,
    );
    expect(stepsDoneOn(recordDispatchRequested(log, 'dispatch-1', now))).toEqual([dispatch]);
  });

  it('a serial-perpetrator flag raised again with more victims (000 §3.5) is a change of its own', () => {
    expect(stepsDoneOn(flagPossibleSerialPerpetrator(everyStep(2), 3, now)).at(-1)).toEqual(serial(3));
  });
});

describe('Each step is audited exactly once: a marker is written with its entry (docs/architecture.md, People and access)', () => {
  it('steps done and not marked are left to audit, in the order taken; marked ones are not', () => {
    const done = stepsDoneOn(everyStep());
    expect(planStepAudit(done, [], [opening], ['opened'])).toEqual({
      toAudit: [dispatch, repeat, serial(2)],
      auditedWithoutMarker: [],
    });
  });

  it('a step done by an attempt that failed before auditing it is audited by the next', () => {
    // The earlier attempt opened the log and asked for the dispatch; this one only found them done.
    expect(planStepAudit([opening, dispatch], [], [], []).toAudit).toEqual([opening, dispatch]);
  });

  it('an entry written before markers were kept counts for one unmarked step of its action', () => {
    const done = stepsDoneOn(everyStep());
    expect(
      planStepAudit(done, [], [], ['opened', 'dispatch-requested', 'repeat-alerted', 'serial-flagged']),
    ).toEqual({ toAudit: [], auditedWithoutMarker: [opening, dispatch, repeat, serial(2)] });
  });

  it('entries that have their marker do not count for unmarked steps of the same action', () => {
    const done = stepsDoneOn(flagPossibleSerialPerpetrator(everyStep(2), 3, now));
    expect(
      planStepAudit(
        done,
        [],
        [opening, dispatch, repeat, serial(2)],
        ['opened', 'dispatch-requested', 'repeat-alerted', 'serial-flagged'],
      ),
    ).toEqual({ toAudit: [serial(3)], auditedWithoutMarker: [] });
  });

  it('a step this attempt took itself is always audited, whatever older entries the trail holds', () => {
    const done = stepsDoneOn(flagPossibleSerialPerpetrator(everyStep(2), 3, now));
    expect(
      planStepAudit(
        done,
        ['serial-flagged'],
        [],
        ['opened', 'dispatch-requested', 'repeat-alerted', 'serial-flagged'],
      ),
    ).toEqual({ toAudit: [serial(3)], auditedWithoutMarker: [opening, dispatch, repeat] });
  });

  it('staff entries on the same trail are not taken for the workflow’s', () => {
    expect(planStepAudit([opening], [], [], ['view-report', 'mark-domestic-abuse']).toAudit).toEqual([
      opening,
    ]);
  });
});
