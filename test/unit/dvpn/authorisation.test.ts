import { describe, expect, it } from 'vitest';
import { ageOn } from '../../../services/dvpn/domain/age.ts';
import {
  NotPermittedError,
  RuleRefusedError,
  WrongStageError,
} from '../../../services/dvpn/domain/errors.ts';
import { dapnPack, dvpnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { authoriseNotice, refuseNotice } from '../../../services/dvpn/domain/workflow.ts';
import {
  allConsiderations,
  constable,
  context,
  draftDetails,
  inspector,
  officer,
  submittedCase,
  superintendent,
} from './fixtures.ts';

const authorise = {
  affirmed: allConsiderations,
  reasonableGrounds: 'Injury seen; threats repeated in custody.',
  noticeRequestId: 'req-1',
};

describe('Who may authorise (CSA 2010 s.24(1))', () => {
  it('DVPN: an inspector is refused, naming the section', () => {
    const dvpnCase = submittedCase();

    const attempt = () => authoriseNotice(dvpnCase, authorise, context(inspector, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(NotPermittedError);
    expect(attempt).toThrowError(/superintendent or above/);
  });

  it('DVPN: a superintendent authorises', () => {
    const dvpnCase = submittedCase();

    const { next } = authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(next.status).toBe('authorised');
    expect(next.decision).toMatchObject({ outcome: 'authorised', by: { collarNumber: 'SU400' } });
  });

  it('DVPN: a chief superintendent authorises', () => {
    const dvpnCase = submittedCase();

    const { next } = authoriseNotice(
      dvpnCase,
      authorise,
      context(officer('chief-superintendent', 'CS500'), '2026-06-02T09:00:00Z'),
    );

    expect(next.status).toBe('authorised');
  });

  it('DVPN: an inspector cannot refuse either', () => {
    const dvpnCase = submittedCase();

    const attempt = () =>
      refuseNotice(dvpnCase, { reason: 'Not necessary' }, context(inspector, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(NotPermittedError);
  });

  it('DAPN pilot: an inspector may give the notice (DAA 2021 s.22(8))', () => {
    const dvpnCase = submittedCase(dapnPack);

    const { next } = authoriseNotice(dvpnCase, authorise, context(inspector, '2026-06-02T09:00:00Z'));

    expect(next.status).toBe('authorised');
    expect(next.pack).toEqual({ id: 'dapn', version: dapnPack.version });
  });

  it('DAPN pilot: a sergeant may not', () => {
    const dvpnCase = submittedCase(dapnPack);

    const attempt = () =>
      authoriseNotice(dvpnCase, authorise, context(officer('sergeant', 'PS201'), '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(NotPermittedError);
  });

  it('the officer who drafted the notice may not authorise it, whatever their rank', () => {
    const draftingSuperintendent = officer('superintendent', 'PC100');
    const dvpnCase = submittedCase();

    const attempt = () =>
      authoriseNotice(dvpnCase, authorise, context(draftingSuperintendent, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(/another officer must authorise/);
  });

  it('a draft not yet submitted cannot be authorised', () => {
    const dvpnCase = { ...submittedCase(), status: 'draft' as const };

    const attempt = () =>
      authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(WrongStageError);
  });

  it('a decided notice cannot be decided again', () => {
    const decided = authoriseNotice(
      submittedCase(),
      authorise,
      context(superintendent, '2026-06-02T09:00:00Z'),
    ).next;

    const attempt = () =>
      refuseNotice(decided, { reason: 'Changed mind' }, context(superintendent, '2026-06-02T09:05:00Z'));

    expect(attempt).toThrowError(WrongStageError);
  });
});

describe('Recipient aged 18 or over at the time of issue (CSA 2010 s.24(2))', () => {
  it('DVPN: recipient under 18 is refused with the reason', () => {
    const dvpnCase = submittedCase(
      dvpnPack,
      draftDetails({
        recipient: { name: 'Young Person', dateOfBirth: '2008-06-03', address: '1 High Street' },
      }),
    );

    const attempt = () =>
      authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(RuleRefusedError);
    expect(attempt).toThrowError(
      'The recipient is 17 today. A DVPN can only be issued to a person aged 18 or over.',
    );
  });

  it('DVPN: recipient whose 18th birthday is the day of issue may be given the notice', () => {
    const dvpnCase = submittedCase(
      dvpnPack,
      draftDetails({
        recipient: { name: 'Young Person', dateOfBirth: '2008-06-02', address: '1 High Street' },
      }),
    );

    const { next } = authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(next.status).toBe('authorised');
  });

  it('the day of issue is the London date: 00:30 BST on the birthday counts as the birthday', () => {
    const dvpnCase = submittedCase(
      dvpnPack,
      draftDetails({
        recipient: { name: 'Young Person', dateOfBirth: '2008-06-03', address: '1 High Street' },
      }),
    );

    const { next } = authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T23:30:00Z'));

    expect(next.status).toBe('authorised');
  });

  it('a person born on 29 February is 18 on 1 March of a common year, not on 28 February', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });

  it('the refusal leaves the case awaiting authorisation', () => {
    const dvpnCase = submittedCase(
      dvpnPack,
      draftDetails({
        recipient: { name: 'Young Person', dateOfBirth: '2010-01-01', address: '1 High Street' },
      }),
    );

    expect(() =>
      authoriseNotice(dvpnCase, authorise, context(superintendent, '2026-06-02T09:00:00Z')),
    ).toThrow();

    expect(dvpnCase.status).toBe('awaiting-authorisation');
  });

  it('DAPN pilot: a person to be protected under 16 is refused (DAA 2021 s.22(2))', () => {
    const dvpnCase = {
      ...submittedCase(dapnPack),
      details: draftDetails({
        protectedPerson: { name: 'Child', dateOfBirth: '2011-01-01', association: 'relative' },
      }),
    };

    const attempt = () => authoriseNotice(dvpnCase, authorise, context(inspector, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(/aged 16 or over/);
  });
});

describe('Statutory considerations (CSA 2010 s.24(3)-(4))', () => {
  it.each([
    ['childWelfare', /welfare of any person under 18/],
    ['protectedPersonOpinion', /opinion of the person to be protected/],
    ['recipientRepresentations', /representations the recipient made/],
    ['reasonableStepsTaken', /reasonable steps were taken/],
    ['otherOccupantsOpinion', /other associated person who lives in the premises/],
  ] as const)('each one must be affirmed: without %s the notice is refused', (missing, message) => {
    const dvpnCase = submittedCase();
    const affirmed = allConsiderations.filter((key) => key !== missing);

    const attempt = () =>
      authoriseNotice(dvpnCase, { ...authorise, affirmed }, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError(message);
  });

  it('s.24(3)(d) is not asked where the notice carries no condition about premises', () => {
    const dvpnCase = submittedCase(dvpnPack, draftDetails({ conditions: [], sharesPremises: false }));
    const affirmed = allConsiderations.filter((key) => key !== 'otherOccupantsOpinion');

    const { next } = authoriseNotice(
      dvpnCase,
      { ...authorise, affirmed },
      context(superintendent, '2026-06-02T09:00:00Z'),
    );

    expect(next.decision).toMatchObject({
      considerations: {
        childWelfare: true,
        protectedPersonOpinion: true,
        recipientRepresentations: true,
        reasonableStepsTaken: true,
      },
    });
  });

  it('the reasonable grounds must be stated (CSA 2010 s.24(2))', () => {
    const dvpnCase = submittedCase();

    const attempt = () =>
      authoriseNotice(
        dvpnCase,
        { ...authorise, reasonableGrounds: '   ' },
        context(superintendent, '2026-06-02T09:00:00Z'),
      );

    expect(attempt).toThrowError('Enter your reasonable grounds for believing the notice is needed');
  });

  it('a refusal needs a reason', () => {
    const dvpnCase = submittedCase();

    const attempt = () =>
      refuseNotice(dvpnCase, { reason: '' }, context(superintendent, '2026-06-02T09:00:00Z'));

    expect(attempt).toThrowError('Enter the reason for refusing the notice');
  });

  it('a refusal with a reason closes the case as refused', () => {
    const dvpnCase = submittedCase();

    const { next, events } = refuseNotice(
      dvpnCase,
      { reason: 'Not necessary: recipient remanded in custody.' },
      context(superintendent, '2026-06-02T09:00:00Z'),
    );

    expect(next.status).toBe('refused');
    expect(events).toEqual([{ kind: 'refused', at: '2026-06-02T09:00:00.000Z' }]);
  });

  it('authorising asks for the signed notice and times the wait from the draft', () => {
    const dvpnCase = submittedCase();

    const { events, next } = authoriseNotice(
      dvpnCase,
      authorise,
      context(superintendent, '2026-06-02T09:00:00Z'),
    );

    expect(events).toEqual([
      { kind: 'authorised', at: '2026-06-02T09:00:00.000Z', draftToAuthorisationMs: 3_600_000 },
      { kind: 'notice-requested', at: '2026-06-02T09:00:00.000Z', requestId: 'req-1' },
    ]);
    expect(next.notice).toMatchObject({ status: 'pending', requestIds: ['req-1'] });
    expect(next.version).toBe(dvpnCase.version + 1);
  });

  it('a constable can never authorise', () => {
    const dvpnCase = submittedCase();

    const attempt = () =>
      authoriseNotice(
        dvpnCase,
        authorise,
        context({ ...constable, collarNumber: 'PC999' }, '2026-06-02T09:00:00Z'),
      );

    expect(attempt).toThrowError(NotPermittedError);
  });
});
