import { describe, expect, it } from 'vitest';
import { NotPermittedError, WrongStageError } from '../../../services/clares-law/domain/errors.ts';
import { stages } from '../../../services/clares-law/domain/model.ts';
import {
  availableActions,
  caseActions,
  refusalOf,
  transitions,
} from '../../../services/clares-law/domain/stage-machine.ts';
import {
  authoriseRightToKnow,
  fastTrack,
  recordCheck,
  recordExceptionalCircumstances,
  recordImmediateRisk,
  recordMeeting,
} from '../../../services/clares-law/domain/workflow.ts';
import {
  as,
  at,
  holidays,
  meetingInput,
  nextOf,
  onlineCase,
  ppuOfficer,
  ppuSergeant,
  ppuStaff,
  responseConstable,
  responseInspector,
  rightToKnowCase,
} from './fixtures.ts';

describe('DVDS stage machine: the table of allowed steps and who may take each', () => {
  it('every step leads only to stages that exist, and is recorded from at least one stage', () => {
    // Arrange
    const known = new Set<string>(stages);

    // Act
    const broken = caseActions.filter(
      (action) =>
        transitions[action].from.length === 0 ||
        [...transitions[action].from, ...transitions[action].to].some((stage) => !known.has(stage)),
    );

    // Assert
    expect(broken).toEqual([]);
  });

  it('a meeting recorded before the initial checks are decided is refused as out of order (APP DVDS order of steps)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const attempt = () =>
      recordMeeting(
        dvdsCase,
        { ...meetingInput('2026-03-09T12:00:00Z') },
        as(ppuOfficer, '2026-03-09T13:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(WrongStageError);
    expect(attempt).toThrow(/cannot be recorded while the case is at "Initial checks"/);
  });

  it('an officer outside the Public Protection Unit cannot record a check (000 §16: the PPU runs the scheme)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const attempt = () =>
      recordCheck(
        dvdsCase,
        { kind: 'pnd', checkedAt: at('2026-03-09T10:00:00Z'), result: 'no-trace', summary: 'No trace' },
        as(responseConstable, '2026-03-09T10:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(NotPermittedError);
  });

  it('police staff in the PPU may record checks (APP DVDS: "officer or member of police staff")', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const refusal = refusalOf('record-check', dvdsCase, ppuStaff);

    // Assert
    expect(refusal).toBeUndefined();
  });

  it('right to know: a PPU sergeant cannot authorise; an inspector can (000 §12: the inspector authorises)', () => {
    // Arrange
    const dvdsCase = rightToKnowCase('2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z');

    // Act
    const bySergeant = () =>
      authoriseRightToKnow(
        dvdsCase,
        { authorised: true, rationale: 'Risk from subject' },
        as(ppuSergeant, '2026-03-09T11:00:00Z'),
      );
    const byInspector = authoriseRightToKnow(
      dvdsCase,
      { authorised: true, rationale: 'Risk from subject' },
      as(responseInspector, '2026-03-09T11:00:00Z'),
    );

    // Assert
    expect(bySergeant).toThrow(NotPermittedError);
    expect(byInspector.next.stage).toBe('initial-checks');
    expect(byInspector.next.authorisation?.by.collarNumber).toBe('1402');
  });

  it('a right-to-ask step is refused on the right-to-know route (no face-to-face meeting with an applicant)', () => {
    // Arrange
    const dvdsCase = rightToKnowCase('2026-03-09T09:00:00Z', '2026-03-09T10:00:00Z');

    // Act
    const refusal = refusalOf('record-meeting', dvdsCase, ppuOfficer);

    // Assert
    expect(refusal).toBeInstanceOf(WrongStageError);
  });

  it('fast-tracking needs an inspector and a recorded immediate risk (000 §9.13)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');
    const withRisk = nextOf(
      recordImmediateRisk(
        dvdsCase,
        { description: 'Subject on his way to the address' },
        as(ppuOfficer, '2026-03-09T10:00:00Z'),
      ),
    );

    // Act
    const bySergeant = () =>
      fastTrack(withRisk, { reason: 'Immediate risk' }, as(ppuSergeant, '2026-03-09T10:05:00Z'));
    const withoutRisk = () =>
      fastTrack(dvdsCase, { reason: 'Immediate risk' }, as(responseInspector, '2026-03-09T10:05:00Z'));
    const byInspector = fastTrack(
      withRisk,
      { reason: 'Immediate risk' },
      as(responseInspector, '2026-03-09T10:05:00Z'),
    );

    // Assert
    expect(bySergeant).toThrow(NotPermittedError);
    expect(withoutRisk).toThrow(/Record the immediate risk/);
    expect(byInspector.next.stage).toBe('forum-decision');
  });

  it('exceptional circumstances can only be recorded by an inspector or above (statutory guidance 2023)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z');

    // Act
    const bySergeant = () =>
      recordExceptionalCircumstances(
        dvdsCase,
        { reason: 'Forum cannot meet', revisedDueDate: '2027-01-20' },
        as(ppuSergeant, '2027-01-05T10:00:00Z'),
        holidays,
      );

    // Assert
    expect(bySergeant).toThrow(NotPermittedError);
  });

  it('exceptional circumstances must set a date after the 28-day limit', () => {
    // Arrange: limit is the end of 7 January 2027
    const dvdsCase = onlineCase('2026-12-10T10:00:00Z');

    // Act
    const attempt = () =>
      recordExceptionalCircumstances(
        dvdsCase,
        { reason: 'Forum cannot meet', revisedDueDate: '2027-01-07' },
        as(responseInspector, '2027-01-05T10:00:00Z'),
        holidays,
      );

    // Assert
    expect(attempt).toThrow(/must be after the limit/);
  });

  it('offers a PPU officer the steps of the current stage and not the inspector-only ones', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const actions = availableActions(dvdsCase, ppuOfficer);

    // Assert
    expect(actions).toContain('record-check');
    expect(actions).toContain('decide-progression');
    expect(actions).not.toContain('fast-track');
    expect(actions).not.toContain('record-exceptional-circumstances');
    expect(actions).not.toContain('record-meeting');
  });
});
