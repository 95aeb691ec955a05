import { describe, expect, it } from 'vitest';
import {
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../../../services/online-report/domain/errors.ts';
import {
  acknowledgeRepeat,
  closeLog,
  flagPossibleSerialPerpetrator,
  type IncidentLog,
  isAwaitingSupervisor,
  openFromScreening,
  openFromStaffMarking,
  raiseRepeatAlert,
  recordDispatchRequested,
  recordThriveAssessment,
  regrade,
  removeDomesticAbuseClassification,
  reopenAsDomesticAbuse,
  type ThriveInput,
} from '../../../services/online-report/domain/incident-log.ts';
import { screenForDomesticAbuse } from '../../../services/online-report/domain/screening.ts';
import {
  contactHandler,
  domesticAbuseScreening,
  dutySergeant,
  openedLog,
  ppuSergeant,
  responseConstable,
  sentReport,
} from './fixtures.ts';

const now = new Date('2026-03-23T10:00:00Z');
const later = new Date('2026-03-23T11:00:00Z');
const opened = (): IncidentLog => openedLog(now);

const thrive: ThriveInput = {
  threat: 'Ex-partner turning up at home uninvited',
  harm: 'Fear and distress; no injuries reported',
  risk: 'Medium on what is known; DASH to be completed',
  investigation: 'Harassment; messages to be captured',
  vulnerability: 'Lives alone',
  engagement: 'Willing to speak to an officer, by phone in the day',
  prevention: 'Advice on DVPN; refer to IDVA',
};

const assessed = (): IncidentLog => recordThriveAssessment(opened(), thrive, contactHandler, now);

const p3 = {
  grade: 'P3',
  reason: 'Victim at a friend’s until Friday',
  immediateSafetyConfirmed: true,
  perpetratorNextWithVictim: 'Friday 6pm, child handover',
} as const;

describe('Incident log from the screen (000 §8.3.1)', () => {
  it('is recorded with the domestic-abuse markers and the screen’s default grade', () => {
    const log = opened();
    expect([log.markers, log.grade, log.status, log.domesticAbuse]).toEqual([
      ['domestic-abuse'],
      'P2',
      'open',
      true,
    ]);
  });

  it('keeps why it was graded as the first entry of the grade history', () => {
    expect(opened().gradeHistory).toEqual([
      { grade: 'P2', reason: domesticAbuseScreening.gradeReason, at: now.toISOString() },
    ]);
  });

  it('cannot be opened from a screen that found nothing', () => {
    const clear = screenForDomesticAbuse({ incidentDate: '2026-03-20', texts: [] });
    expect(() => openFromScreening(sentReport, clear, now)).toThrow(WrongStageError);
  });
});

describe('THRIVE+ assessment: each element with rationale, who and when; reassessment keeps history (000 §6.1)', () => {
  it('records every element with who made it and when', () => {
    const log = assessed();
    expect([
      log.thrive[0]?.rationale.threat,
      log.thrive[0]?.recordedBy.collarNumber,
      log.thrive[0]?.recordedAt,
    ]).toEqual([thrive.threat, 'S6021', now.toISOString()]);
  });

  it('refuses an assessment with an element left without rationale', () => {
    expect(() =>
      recordThriveAssessment(opened(), { ...thrive, vulnerability: ' ' }, contactHandler, now),
    ).toThrow('Enter the rationale for vulnerability');
  });

  it('a reassessment needs the new information that prompted it', () => {
    expect(() => recordThriveAssessment(assessed(), thrive, contactHandler, later)).toThrow(
      'Enter the new information that led to this reassessment',
    );
  });

  it('a reassessment is added, the earlier one kept', () => {
    const log = recordThriveAssessment(
      assessed(),
      { ...thrive, newInformation: 'Perpetrator seen nearby' },
      dutySergeant,
      later,
    );
    expect(log.thrive.map((entry) => entry.recordedBy.collarNumber)).toEqual(['S6021', '2107']);
  });

  it('a constable outside the contact centre may not record it', () => {
    expect(() => recordThriveAssessment(opened(), thrive, responseConstable, now)).toThrow(NotPermittedError);
  });
});

describe('Grading domestic abuse: P1/P2; P3 only with safety confirmed and when the perpetrator is next with the victim (000 §8.3)', () => {
  it('regrades P2 to P1 with a reason', () => {
    const log = regrade(opened(), { grade: 'P1', reason: 'He is outside now' }, contactHandler, later);
    expect([log.grade, log.gradeHistory.at(-1)?.by?.collarNumber]).toEqual(['P1', 'S6021']);
  });

  it('refuses a regrade without a reason', () => {
    expect(() => regrade(opened(), { grade: 'P1', reason: '' }, contactHandler, later)).toThrow(
      'Enter the reason for the new grade',
    );
  });

  it('refuses P3 without immediate safety confirmed', () => {
    expect(() =>
      regrade(assessed(), { ...p3, immediateSafetyConfirmed: false }, contactHandler, later),
    ).toThrow('P3 needs the victim’s immediate safety to be confirmed');
  });

  it('refuses P3 without when the perpetrator is next likely to be with the victim', () => {
    expect(() =>
      regrade(assessed(), { ...p3, perpetratorNextWithVictim: ' ' }, contactHandler, later),
    ).toThrow('P3 needs when the perpetrator is next likely to be with the victim');
  });

  it('refuses P3 before any THRIVE+ assessment', () => {
    expect(() => regrade(opened(), p3, contactHandler, later)).toThrow(
      'Record a THRIVE+ assessment before grading P3',
    );
  });

  it('accepts P3 with both filled and records them on the log', () => {
    const change = regrade(assessed(), p3, contactHandler, later).gradeHistory.at(-1);
    expect([change?.grade, change?.immediateSafetyConfirmed, change?.perpetratorNextWithVictim]).toEqual([
      'P3',
      true,
      'Friday 6pm, child handover',
    ]);
  });

  it('a staff marking cannot start at P3', () => {
    expect(() =>
      openFromStaffMarking(sentReport, { grade: 'P3', reason: 'Disclosed on call' }, contactHandler, now),
    ).toThrow(RuleRefusedError);
  });
});

describe('An officer is always dispatched (000 §8.3.1)', () => {
  it('records the dispatch request once', () => {
    const first = recordDispatchRequested(opened(), 'request-1', now);
    expect(recordDispatchRequested(first, 'request-2', later).dispatch?.requestId).toBe('request-1');
  });

  it('a log cannot be closed before an officer is dispatched', () => {
    expect(() =>
      closeLog(assessed(), { classification: 'domestic-abuse-crime', note: '' }, contactHandler, later),
    ).toThrow('An officer must be dispatched before the log is closed');
  });
});

describe('A repeat incident always reaches a Force Response supervisor (000 §8.3, §8.3.1)', () => {
  const repeat = (): IncidentLog => raiseRepeatAlert(opened(), ['OR-AAAA-BBBB'], now);

  it('raising the alert marks the log repeat victim and leaves it unacknowledged', () => {
    const log = repeat();
    expect([log.markers, isAwaitingSupervisor(log)]).toEqual([['domestic-abuse', 'repeat-victim'], true]);
  });

  it('the duty sergeant acknowledges with how they will supervise', () => {
    const log = acknowledgeRepeat(repeat(), 'Attending with PC 4021', dutySergeant, later);
    expect([isAwaitingSupervisor(log), log.repeat?.acknowledgedBy?.collarNumber]).toEqual([false, '2107']);
  });

  it('a contact handler cannot acknowledge for the duty sergeant', () => {
    expect(() => acknowledgeRepeat(repeat(), 'Noted', contactHandler, later)).toThrow(NotPermittedError);
  });

  it('a sergeant outside Force Response cannot acknowledge it either', () => {
    expect(() => acknowledgeRepeat(repeat(), 'Noted', ppuSergeant, later)).toThrow(NotPermittedError);
  });

  it('the log cannot be closed while the repeat is unacknowledged', () => {
    const log = recordThriveAssessment(
      recordDispatchRequested(repeat(), 'r', now),
      thrive,
      contactHandler,
      now,
    );
    expect(() =>
      closeLog(log, { classification: 'domestic-abuse-crime', note: '' }, contactHandler, later),
    ).toThrow('The duty sergeant must acknowledge this repeat incident first');
  });
});

describe('Serial perpetrator: reported by two or more victims (000 §3.5)', () => {
  it('flags the log with two victims', () => {
    expect(flagPossibleSerialPerpetrator(opened(), 2, now).markers).toContain('possible-serial-perpetrator');
  });

  it('one victim flags nothing', () => {
    const log = opened();
    expect(flagPossibleSerialPerpetrator(log, 1, now)).toBe(log);
  });
});

describe('Closing with a domestic-abuse final classification (000 §8.2)', () => {
  const ready = (): IncidentLog => recordDispatchRequested(assessed(), 'r', now);

  it('closes with the classification, who and when', () => {
    const log = closeLog(
      ready(),
      { classification: 'domestic-abuse-non-crime', note: 'Words only' },
      contactHandler,
      later,
    );
    expect([log.status, log.closure?.classification, log.closure?.by.collarNumber]).toEqual([
      'closed',
      'domestic-abuse-non-crime',
      'S6021',
    ]);
  });

  it('refuses any other classification', () => {
    expect(() => closeLog(ready(), { classification: 'no-crime', note: '' }, contactHandler, later)).toThrow(
      'Select the domestic-abuse final classification',
    );
  });

  it('refuses to close without a THRIVE+ assessment', () => {
    const log = recordDispatchRequested(opened(), 'r', now);
    expect(() =>
      closeLog(log, { classification: 'domestic-abuse-crime', note: '' }, contactHandler, later),
    ).toThrow('Record a THRIVE+ assessment before closing the log');
  });

  it('a closed log cannot be regraded', () => {
    const log = closeLog(
      ready(),
      { classification: 'domestic-abuse-crime', note: '' },
      contactHandler,
      later,
    );
    expect(() => regrade(log, { grade: 'P1', reason: 'x' }, contactHandler, later)).toThrow(WrongStageError);
  });
});

describe('Taking a log out of domestic abuse needs a sergeant and a reason', () => {
  it('a contact handler cannot', () => {
    expect(() => removeDomesticAbuseClassification(opened(), 'Not partners', contactHandler, later)).toThrow(
      NotPermittedError,
    );
  });

  it('a sergeant cannot without a reason', () => {
    expect(() => removeDomesticAbuseClassification(opened(), '  ', dutySergeant, later)).toThrow(
      'Enter why this is not domestic abuse',
    );
  });

  it('a sergeant with a reason takes it out, and who, when and why are kept', () => {
    const log = removeDomesticAbuseClassification(
      opened(),
      'The other person is a neighbour',
      dutySergeant,
      later,
    );
    expect([
      log.domesticAbuse,
      log.status,
      log.declassified?.by.collarNumber,
      log.declassified?.reason,
    ]).toEqual([false, 'closed', '2107', 'The other person is a neighbour']);
  });

  it('a log taken out by mistake can be recorded as domestic abuse again', () => {
    const out = removeDomesticAbuseClassification(opened(), 'Mistake', dutySergeant, later);
    const back = reopenAsDomesticAbuse(
      out,
      { grade: 'P2', reason: 'They are ex-partners' },
      contactHandler,
      later,
    );
    expect([back.domesticAbuse, back.status, back.grade]).toEqual([true, 'open', 'P2']);
  });
});

describe('Every change moves the version on (optimistic locking)', () => {
  it('a regrade is one version later', () => {
    const log = opened();
    expect(regrade(log, { grade: 'P1', reason: 'x' }, contactHandler, later).version).toBe(log.version + 1);
  });
});
