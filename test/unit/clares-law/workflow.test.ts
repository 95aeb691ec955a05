import { describe, expect, it } from 'vitest';
import { InvalidInputError, RuleRefusedError } from '../../../services/clares-law/domain/errors.ts';
import {
  authoriseRightToKnow,
  categorise,
  decideProgression,
  missingChecks,
  recordCheck,
  recordDisclosure,
  recordForumDecision,
  recordImmediateRisk,
  recordIntelligence,
  recordMeeting,
  recordNoDisclosureOutcome,
  recordRiskAssessment,
  withdraw,
} from '../../../services/clares-law/domain/workflow.ts';
import {
  as,
  assessed,
  at,
  categorised,
  decided,
  forumInput,
  meetingInput,
  met,
  nextOf,
  onlineCase,
  ppuOfficer,
  ppuSergeant,
  progressed,
  responseInspector,
  rightToKnowCase,
  withChecks,
} from './fixtures.ts';

const atForum = () =>
  categorised(
    assessed(
      met(progressed(onlineCase('2026-03-02T09:00:00Z'), '2026-03-02T12:00:00Z'), '2026-03-05T10:00:00Z'),
      '2026-03-06T10:00:00Z',
    ),
    '2026-03-09T10:00:00Z',
  );

const disclosureInput = {
  disclosedAt: at('2026-03-13T10:00:00Z'),
  place: 'Central police station',
  recipientToldOfConditions: true,
  undertaking: { status: 'signed' as const },
  verbatim: 'Sam Subject has two convictions\nfor assault on former partners.  ',
  informationPackGiven: true,
};

describe('DVDS initial checks (APP DVDS "Initial checks should be completed within 24 hours")', () => {
  it('the decision to progress is refused until PNC, PND and local intelligence are recorded', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const attempt = () =>
      decideProgression(
        dvdsCase,
        { progress: true, rationale: 'Progress', immediateRiskIdentified: false },
        as(ppuOfficer, '2026-03-09T12:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(RuleRefusedError);
  });

  it('a ViSOR marker on the PNC makes the ViSOR check required', () => {
    // Arrange
    const dvdsCase = nextOf(
      recordCheck(
        onlineCase('2026-03-09T09:00:00Z'),
        {
          kind: 'pnc',
          checkedAt: at('2026-03-09T10:00:00Z'),
          result: 'trace',
          summary: 'Convictions',
          visorMarker: true,
        },
        as(ppuOfficer, '2026-03-09T10:00:00Z'),
      ),
    );

    // Act
    const missing = missingChecks(dvdsCase);

    // Assert
    expect(missing).toEqual(['pnd', 'visor', 'local-intelligence']);
  });

  it('each check records who made it, when and the result', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const check = recordCheck(
      dvdsCase,
      { kind: 'pnd', checkedAt: at('2026-03-09T10:00:00Z'), result: 'no-trace', summary: 'No trace' },
      as(ppuOfficer, '2026-03-09T10:02:00Z'),
    ).next.checks[0];

    // Assert
    expect(check).toMatchObject({
      kind: 'pnd',
      checkedAt: '2026-03-09T10:00:00.000Z',
      recordedAt: '2026-03-09T10:02:00.000Z',
      result: 'no-trace',
      by: { collarNumber: '3350' },
    });
  });

  it('not progressing still records that support details were given, and ends the application (APP DVDS)', () => {
    // Arrange
    const dvdsCase = withChecks(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T10:00:00Z');

    // Act
    const withoutSupport = () =>
      decideProgression(
        dvdsCase,
        { progress: false, rationale: 'No relationship', immediateRiskIdentified: false },
        as(ppuOfficer, '2026-03-09T12:00:00Z'),
      );
    const withSupport = decideProgression(
      dvdsCase,
      {
        progress: false,
        rationale: 'No relationship',
        immediateRiskIdentified: false,
        supportDetailsGiven: true,
      },
      as(ppuOfficer, '2026-03-09T12:00:00Z'),
    ).next;

    // Assert
    expect(withoutSupport).toThrow(/National Domestic Abuse Helpline/);
    expect(withSupport.stage).toBe('intelligence-record');
    expect(withSupport.outcome).toBe('not-progressed');
    expect(withSupport.progression?.supportDetailsGiven).toBe(true);
  });
});

describe('DVDS face-to-face meeting (APP DVDS; Home Office guidance required steps)', () => {
  it('refuses identity verified with one document: two different documents are needed', () => {
    // Arrange
    const dvdsCase = progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z');

    // Act
    const attempt = () =>
      recordMeeting(
        dvdsCase,
        { ...meetingInput('2026-03-10T10:00:00Z'), identityDocuments: ['passport', 'passport'] },
        as(ppuOfficer, '2026-03-10T11:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(/two different documents/);
  });

  it('refuses a meeting without the preliminary warnings', () => {
    // Arrange
    const dvdsCase = progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z');

    // Act
    const attempt = () =>
      recordMeeting(
        dvdsCase,
        {
          ...meetingInput('2026-03-10T10:00:00Z'),
          identityDocuments: ['passport', 'utility-bill'],
          preliminaryWarningsGiven: false,
        },
        as(ppuOfficer, '2026-03-10T11:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(InvalidInputError);
  });

  it('a malicious request is not progressed (APP DVDS: "ensure that the request is not malicious")', () => {
    // Arrange
    const dvdsCase = progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z');

    // Act
    const next = recordMeeting(
      dvdsCase,
      {
        ...meetingInput('2026-03-10T10:00:00Z'),
        identityDocuments: ['passport', 'utility-bill'],
        requestMalicious: true,
      },
      as(ppuOfficer, '2026-03-10T11:00:00Z'),
    ).next;

    // Assert
    expect(next.stage).toBe('intelligence-record');
    expect(next.outcome).toBe('not-progressed');
  });

  it('an applicant who is the potential victim goes on to the full risk assessment', () => {
    // Arrange
    const dvdsCase = progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z');

    // Act
    const next = met(dvdsCase, '2026-03-10T10:00:00Z');

    // Assert
    expect(next.stage).toBe('risk-assessment');
  });

  it('a high-risk assessment notifies the Force Response inspector (000 §9.2)', () => {
    // Arrange
    const dvdsCase = met(
      progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z'),
      '2026-03-10T10:00:00Z',
    );

    // Act
    const change = recordRiskAssessment(
      dvdsCase,
      { completedAt: at('2026-03-11T10:00:00Z'), tool: 'DASH', level: 'high', summary: '15 ticks' },
      as(ppuOfficer, '2026-03-11T10:00:00Z'),
    );

    // Assert
    expect(change.effects).toEqual([
      expect.objectContaining({ kind: 'notify', audience: 'force-response-inspectors', priority: 'urgent' }),
    ]);
  });
});

describe("DVDS categorisation and the forum's decision (APP DVDS 'Referral to the local decision-making forum')", () => {
  it("refuses 'concern' without a factor", () => {
    // Arrange
    const dvdsCase = assessed(
      met(progressed(onlineCase('2026-03-02T09:00:00Z'), '2026-03-02T12:00:00Z'), '2026-03-05T10:00:00Z'),
      '2026-03-06T10:00:00Z',
    );

    // Act
    const attempt = () =>
      categorise(
        dvdsCase,
        { category: 'concern', concernFactors: [], noConcernGrounds: [], rationale: 'x' },
        as(ppuOfficer, '2026-03-09T10:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(RuleRefusedError);
  });

  it('a decision without rationale is refused', () => {
    // Arrange
    const dvdsCase = atForum();

    // Act
    const attempt = () =>
      recordForumDecision(
        dvdsCase,
        { ...forumInput('2026-03-11T10:00:00Z'), rationale: '   ' },
        as(ppuSergeant, '2026-03-11T12:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(/a decision without rationale cannot be recorded/);
  });

  it("a multi-agency body needs children's social care when children are affected (APP DVDS forum membership)", () => {
    // Arrange
    const dvdsCase = categorised(
      assessed(
        met(
          progressed(
            onlineCase('2026-03-02T09:00:00Z', { children: { affected: true, details: 'One child' } }),
            '2026-03-02T12:00:00Z',
          ),
          '2026-03-05T10:00:00Z',
        ),
        '2026-03-06T10:00:00Z',
      ),
      '2026-03-09T10:00:00Z',
    );

    // Act
    const attempt = () =>
      recordForumDecision(
        dvdsCase,
        {
          ...forumInput('2026-03-11T10:00:00Z'),
          forum: 'multi-agency-body',
          agencies: ['police', 'probation', 'idva'],
        },
        as(ppuSergeant, '2026-03-11T12:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(/children's social care|childrens social care/);
  });

  it('a decision to disclose needs the three tests affirmed: necessary, pressing need, proportionate', () => {
    // Arrange
    const dvdsCase = atForum();

    // Act
    const attempt = () =>
      recordForumDecision(
        dvdsCase,
        { ...forumInput('2026-03-11T10:00:00Z'), pressingNeed: false },
        as(ppuSergeant, '2026-03-11T12:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(InvalidInputError);
  });

  it('an urgent inspector decision is only for a fast-tracked case', () => {
    // Arrange
    const dvdsCase = atForum();

    // Act
    const attempt = () =>
      recordForumDecision(
        dvdsCase,
        { ...forumInput('2026-03-11T10:00:00Z'), forum: 'urgent-inspector-decision' },
        as(responseInspector, '2026-03-11T12:00:00Z'),
      );

    // Assert
    expect(attempt).toThrow(/fast-tracked/);
  });

  it('right to know, no disclosure: the decision and rationale are recorded and the case goes to the intelligence record', () => {
    // Arrange
    const authorised = authoriseRightToKnow(
      rightToKnowCase('2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z'),
      { authorised: true, rationale: 'Credible information' },
      as(responseInspector, '2026-03-02T11:00:00Z'),
    ).next;
    const atCategorisation = nextOf(
      decideProgression(
        withChecks(authorised, '2026-03-02T12:00:00Z'),
        { progress: true, rationale: 'Checks found history', immediateRiskIdentified: false },
        as(ppuOfficer, '2026-03-02T13:00:00Z'),
      ),
    );
    const dvdsCase = categorised(atCategorisation, '2026-03-03T10:00:00Z');

    // Act
    const next = recordForumDecision(
      dvdsCase,
      {
        ...forumInput('2026-03-04T10:00:00Z'),
        agencies: ['police', 'probation', 'idva', 'childrens-social-care'],
        decision: 'do-not-disclose',
        necessary: false,
        pressingNeed: false,
        proportionate: false,
      },
      as(ppuSergeant, '2026-03-04T12:00:00Z'),
    ).next;

    // Assert
    expect(next.stage).toBe('intelligence-record');
    expect(next.outcome).toBe('not-disclosed');
    expect(next.forumDecision?.plan).toBeUndefined();
  });
});

describe('DVDS disclosure and its outcome (APP DVDS "Decision made to disclose" / "not to disclose")', () => {
  it('keeps the words disclosed verbatim, line breaks and spaces included, and asks for the signed record', () => {
    // Arrange
    const dvdsCase = decided(atForum(), '2026-03-11T10:00:00Z');

    // Act
    const change = recordDisclosure(dvdsCase, disclosureInput, as(ppuOfficer, '2026-03-13T11:00:00Z'));

    // Assert
    expect(change.next.disclosure?.verbatim).toBe(disclosureInput.verbatim);
    expect(change.next.outcome).toBe('disclosed');
    expect(change.effects).toEqual([
      { kind: 'request-disclosure-record', requestId: 'DVDS-TEST-0001:disclosure-record' },
    ]);
  });

  it('a refused undertaking with the disclosure not made records the decision and no document', () => {
    // Arrange
    const dvdsCase = decided(atForum(), '2026-03-11T10:00:00Z');

    // Act
    const change = recordDisclosure(
      dvdsCase,
      {
        ...disclosureInput,
        undertaking: {
          status: 'refused',
          outcome: 'disclosure-not-made',
          rationale: 'Safety plan effective without it',
        },
      },
      as(ppuOfficer, '2026-03-13T11:00:00Z'),
    );

    // Assert
    expect(change.next.outcome).toBe('not-disclosed');
    expect(change.next.disclosure?.verbatim).toBe('');
    expect(change.effects).toEqual([]);
  });

  it('right to ask, no disclosure: the applicant must be told in person that no information is not no risk', () => {
    // Arrange
    const dvdsCase = nextOf(
      recordForumDecision(
        atForum(),
        { ...forumInput('2026-03-11T10:00:00Z'), decision: 'do-not-disclose', category: 'no-concern' },
        as(ppuSergeant, '2026-03-11T12:00:00Z'),
      ),
    );
    const input = {
      toldAt: at('2026-03-12T10:00:00Z'),
      place: 'Central police station',
      toldInPerson: true,
      advisedNoInformationIsNotNoRisk: false,
      informationPackGiven: true,
    };

    // Act
    const attempt = () => recordNoDisclosureOutcome(dvdsCase, input, as(ppuOfficer, '2026-03-12T11:00:00Z'));

    // Assert
    expect(dvdsCase.stage).toBe('no-disclosure-outcome');
    expect(attempt).toThrow(InvalidInputError);
  });

  it('the final intelligence record closes the case', () => {
    // Arrange
    const dvdsCase = recordDisclosure(
      decided(atForum(), '2026-03-11T10:00:00Z'),
      disclosureInput,
      as(ppuOfficer, '2026-03-13T11:00:00Z'),
    ).next;

    // Act
    const next = recordIntelligence(
      dvdsCase,
      { reference: 'INT-1', systems: 'Local and PND', summary: 'Request, disclosure, parties' },
      as(ppuOfficer, '2026-03-13T12:00:00Z'),
    ).next;

    // Assert
    expect(next.stage).toBe('closed');
    expect(next.closedAt).toBe('2026-03-13T12:00:00.000Z');
  });

  it('a withdrawn application is counted as withdrawn and still needs the intelligence record', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const next = withdraw(
      dvdsCase,
      { reason: 'Applicant asked to stop' },
      as(ppuOfficer, '2026-03-09T12:00:00Z'),
    ).next;

    // Assert
    expect(next.outcome).toBe('withdrawn');
    expect(next.stage).toBe('intelligence-record');
  });
});

describe('Immediate risk (APP DVDS: "immediate safeguarding action must be taken")', () => {
  it('one action records it and notifies the unit supervisors and the Force Response inspector at once', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const change = recordImmediateRisk(
      dvdsCase,
      { description: 'Threats to kill tonight' },
      as(ppuOfficer, '2026-03-09T10:00:00Z'),
    );

    // Assert
    expect(change.next.immediateRisks).toHaveLength(1);
    expect(
      change.effects.map((effect) => effect.kind === 'notify' && [effect.audience, effect.priority]),
    ).toEqual([
      ['supervisors', 'urgent'],
      ['force-response-inspectors', 'urgent'],
    ]);
  });
});
