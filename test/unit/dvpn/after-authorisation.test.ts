import { describe, expect, it } from 'vitest';
import { RuleRefusedError, WrongStageError } from '../../../services/dvpn/domain/errors.ts';
import type { DvpnCase } from '../../../services/dvpn/domain/model.ts';
import { dapnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import {
  dueWarnings,
  type HearingCommand,
  heardWithinTime,
  inForceAt,
  markWarningsSent,
  noticeFailed,
  noticeReady,
  orderExpiry,
  prepareApplication,
  recordBreach,
  recordHearing,
  recordService,
  retryNotice,
} from '../../../services/dvpn/domain/workflow.ts';
import { at, authorisedCase, constable, context, holidays, issuedCase, servedCase } from './fixtures.ts';

const service = {
  servedAt: at('2026-06-02T10:00:00Z'),
  place: 'Anytown police station',
  addressForHearingNotice: '3 Low Road, Anytown',
};

const application = {
  court: 'Anytown Magistrates Court',
  conditionsSought: ['leave', 'not-enter'] as const,
  durationSoughtDays: 28,
  summary: 'The recipient remains a risk.',
  packRequestId: 'pack-1',
};

const appliedCase = (base: DvpnCase = servedCase()): DvpnCase =>
  prepareApplication(
    base,
    { ...application, conditionsSought: [...application.conditionsSought] },
    context(constable, '2026-06-02T12:00:00Z'),
  ).next;

const granted = (durationDays: number | null, heardAt = '2026-06-03T10:00:00Z'): HearingCommand => ({
  outcome: 'granted',
  heardAt: at(heardAt),
  conditions: ['leave', 'not-enter'],
  durationDays,
});

describe('Documents: the signed notice (CSA 2010 s.25)', () => {
  it('a ready notice issues it, once', () => {
    const authorised = authorisedCase();
    const answer = { requestId: 'req-1', documentId: 'doc-1', now: at('2026-06-02T09:00:05Z') };

    const first = noticeReady(authorised, answer);
    const repeat = first ? noticeReady(first.next, answer) : undefined;

    expect(first?.next.status).toBe('notice-issued');
    expect(first?.next.notice).toMatchObject({ status: 'ready', documentId: 'doc-1' });
    expect(repeat).toBeNull();
  });

  it('a failure leaves the case authorised with the notice pending a retry, never without its notice', () => {
    const authorised = authorisedCase();

    const change = noticeFailed(authorised, {
      requestId: 'req-1',
      reason: 'Signing key unavailable',
      now: at('2026-06-02T09:00:05Z'),
    });

    expect(change?.next.status).toBe('authorised');
    expect(change?.next.notice).toMatchObject({ status: 'failed', failure: 'Signing key unavailable' });
  });

  it('a retry asks again under a new request id and still accepts the first request', () => {
    const failed = noticeFailed(authorisedCase(), {
      requestId: 'req-1',
      reason: 'x',
      now: at('2026-06-02T09:00:05Z'),
    });
    if (!failed) throw new Error('expected a change');

    const retried = retryNotice(failed.next, 'req-2', context(constable, '2026-06-02T09:10:00Z'));
    const lateFirst = noticeReady(retried.next, {
      requestId: 'req-1',
      documentId: 'doc-1',
      now: at('2026-06-02T09:11:00Z'),
    });

    expect(retried.events).toEqual([
      { kind: 'notice-requested', at: '2026-06-02T09:10:00.000Z', requestId: 'req-2' },
    ]);
    expect(lateFirst?.next.status).toBe('notice-issued');
  });

  it('an answer to a request the case never made is ignored', () => {
    const change = noticeReady(authorisedCase(), {
      requestId: 'someone-else',
      documentId: 'd',
      now: at('2026-06-02T09:00:05Z'),
    });

    expect(change).toBeNull();
  });
});

describe('Service and the court clock (CSA 2010 ss.25, 27)', () => {
  it('service computes the latest hearing time', () => {
    const { next, events } = recordService(
      issuedCase(),
      service,
      context(constable, '2026-06-02T10:05:00Z'),
      holidays,
    );

    expect(next.status).toBe('served');
    expect(next.service?.hearingDueBy).toBe('2026-06-04T10:00:00.000Z');
    expect(events).toEqual([
      { kind: 'served', at: '2026-06-02T10:00:00.000Z', hearingDueBy: '2026-06-04T10:00:00.000Z' },
    ]);
  });

  it('a service time before authorisation is refused', () => {
    const attempt = () =>
      recordService(
        issuedCase(),
        { ...service, servedAt: at('2026-06-02T08:59:00Z') },
        context(constable, '2026-06-02T10:05:00Z'),
        holidays,
      );

    expect(attempt).toThrowError(RuleRefusedError);
    expect(attempt).toThrowError(
      /must be after the notice was authorised \(Tuesday 2 June 2026, 10:00 BST\)/,
    );
  });

  it('a service time in the minute of authorisation is accepted, since times are entered to the minute', () => {
    const authorised = {
      ...issuedCase(),
      decision: {
        ...(issuedCase().decision as NonNullable<DvpnCase['decision']>),
        at: '2026-06-02T09:00:40.000Z',
      },
    };

    const { next } = recordService(
      authorised,
      { ...service, servedAt: at('2026-06-02T09:00:00Z') },
      context(constable, '2026-06-02T10:05:00Z'),
      holidays,
    );

    expect(next.status).toBe('served');
  });

  it('a service time in the future is refused', () => {
    const attempt = () =>
      recordService(
        issuedCase(),
        { ...service, servedAt: at('2026-06-02T11:00:00Z') },
        context(constable, '2026-06-02T10:05:00Z'),
        holidays,
      );

    expect(attempt).toThrowError('The time of service must be in the past');
  });

  it('service cannot be recorded while the signed notice is still pending', () => {
    const attempt = () =>
      recordService(authorisedCase(), service, context(constable, '2026-06-02T10:05:00Z'), holidays);

    expect(attempt).toThrowError(WrongStageError);
  });

  it('records where the recipient asked to be given notice of the hearing (CSA 2010 s.25(3))', () => {
    const { next } = recordService(
      issuedCase(),
      { ...service, addressForHearingNotice: '  ' },
      context(constable, '2026-06-02T10:05:00Z'),
      holidays,
    );

    expect(next.service?.addressForHearingNotice).toBeNull();
  });
});

describe('Warnings before the hearing deadline', () => {
  it('none more than 24 hours before', () => {
    expect(dueWarnings(servedCase(), at('2026-06-03T09:59:00Z'))).toEqual([]);
  });

  it('the 24-hour warning at 24 hours before', () => {
    expect(dueWarnings(servedCase(), at('2026-06-03T10:00:00Z'))).toEqual(['24h']);
  });

  it('the 6-hour warning once the 24-hour one has gone', () => {
    const warned = markWarningsSent(servedCase(), ['24h'], at('2026-06-03T10:00:00Z')).next;

    expect(dueWarnings(warned, at('2026-06-04T04:00:00Z'))).toEqual(['6h']);
  });

  it('none once both have gone', () => {
    const warned = markWarningsSent(servedCase(), ['24h', '6h'], at('2026-06-04T04:00:00Z')).next;

    expect(dueWarnings(warned, at('2026-06-04T05:00:00Z'))).toEqual([]);
  });

  it('none once a hearing is recorded', () => {
    const heard = recordHearing(appliedCase(), granted(28), context(constable, '2026-06-03T12:00:00Z')).next;

    expect(dueWarnings(heard, at('2026-06-04T05:00:00Z'))).toEqual([]);
  });
});

describe('The order application and hearing (CSA 2010 ss.27-28)', () => {
  it('the application asks for a signed pack', () => {
    const { next, events } = prepareApplication(
      servedCase(),
      { ...application, conditionsSought: ['leave'] },
      context(constable, '2026-06-02T12:00:00Z'),
    );

    expect(next.application?.pack).toMatchObject({ status: 'pending', requestIds: ['pack-1'] });
    expect(events).toEqual([
      { kind: 'application-prepared', at: '2026-06-02T12:00:00.000Z', requestId: 'pack-1' },
    ]);
  });

  it('an application for longer than 28 days is refused (s.28(10))', () => {
    const attempt = () =>
      prepareApplication(
        servedCase(),
        { ...application, conditionsSought: [], durationSoughtDays: 29 },
        context(constable, '2026-06-02T12:00:00Z'),
      );

    expect(attempt).toThrowError('A DVPO must last from 14 to 28 days');
  });

  it('a hearing before service is refused', () => {
    const attempt = () =>
      recordHearing(
        appliedCase(),
        granted(14, '2026-06-02T09:30:00Z'),
        context(constable, '2026-06-03T12:00:00Z'),
      );

    expect(attempt).toThrowError(/The hearing must be after the notice was served/);
  });

  it.each([13, 29])('a DVPO of %i days is refused (s.28(10))', (days) => {
    const attempt = () =>
      recordHearing(appliedCase(), granted(days), context(constable, '2026-06-03T12:00:00Z'));

    expect(attempt).toThrowError(RuleRefusedError);
    expect(attempt).toThrowError('A DVPO must last from 14 to 28 days');
  });

  it.each([14, 28])('a DVPO of %i days is granted', (days) => {
    const { next } = recordHearing(appliedCase(), granted(days), context(constable, '2026-06-03T12:00:00Z'));

    expect(next.status).toBe('order-granted');
  });

  it('a DVPO made on 3 June for 14 days ends at midnight closing 16 June, London time', () => {
    const { next } = recordHearing(appliedCase(), granted(14), context(constable, '2026-06-03T12:00:00Z'));

    expect(next.hearings[0]).toMatchObject({ outcome: 'granted', expiresAt: '2026-06-16T22:59:59.999Z' });
  });

  it('an order made at 00:30 BST counts the London date it is made as its first day, not the UTC date', () => {
    expect(orderExpiry(at('2026-06-03T23:30:00Z'), 14).toISOString()).toBe('2026-06-17T22:59:59.999Z');
  });

  it('DAPN pilot: a DAPO may be made until further order (DAA 2021 s.38(3))', () => {
    const applied = appliedCase(servedCase(dapnPack));

    const { next } = recordHearing(applied, granted(null), context(constable, '2026-06-03T12:00:00Z'));

    expect(next.hearings[0]).toMatchObject({ durationDays: null, expiresAt: null });
  });

  it('DAPN pilot: a DAPO for longer than 28 days is granted', () => {
    const applied = appliedCase(servedCase(dapnPack));

    const { next } = recordHearing(applied, granted(180), context(constable, '2026-06-03T12:00:00Z'));

    expect(next.status).toBe('order-granted');
  });

  it('DVPN: a DVPO must have a duration', () => {
    const attempt = () =>
      recordHearing(appliedCase(), granted(null), context(constable, '2026-06-03T12:00:00Z'));

    expect(attempt).toThrowError('Enter how many days the DVPO lasts, from 14 to 28');
  });

  it('an adjournment keeps the notice in force', () => {
    const { next } = recordHearing(
      appliedCase(),
      {
        outcome: 'adjourned',
        heardAt: at('2026-06-03T10:00:00Z'),
        adjournedTo: at('2026-06-05T10:00:00Z'),
        reason: 'Recipient unwell',
      },
      context(constable, '2026-06-03T12:00:00Z'),
    );

    expect(next.status).toBe('adjourned');
    expect(inForceAt(next, at('2026-06-04T10:00:00Z'))).toBe('notice');
  });

  it('a hearing cannot be recorded before the application', () => {
    const attempt = () =>
      recordHearing(servedCase(), granted(14), context(constable, '2026-06-03T12:00:00Z'));

    expect(attempt).toThrowError(WrongStageError);
  });

  it('a first hearing inside the deadline is recorded as in time', () => {
    const { next, events } = recordHearing(
      appliedCase(),
      granted(14),
      context(constable, '2026-06-03T12:00:00Z'),
    );

    expect(heardWithinTime(next)).toBe(true);
    expect(events).toEqual([
      {
        kind: 'hearing-recorded',
        at: '2026-06-03T10:00:00.000Z',
        outcome: 'granted',
        serviceToHearingMs: 24 * 3_600_000,
      },
    ]);
  });

  it('a first hearing after the deadline is recorded as late', () => {
    const { next } = recordHearing(
      appliedCase(),
      granted(14, '2026-06-04T10:01:00Z'),
      context(constable, '2026-06-04T12:00:00Z'),
    );

    expect(heardWithinTime(next)).toBe(false);
  });
});

describe('Breaches (CSA 2010 ss.26, 29)', () => {
  const breach = { id: 'b1', description: 'Returned to the address.', arrested: true };

  it('a breach after service is a breach of the notice', () => {
    const { next } = recordBreach(
      servedCase(),
      { ...breach, occurredAt: at('2026-06-02T18:00:00Z') },
      context(constable, '2026-06-02T19:00:00Z'),
    );

    expect(next.breaches).toMatchObject([{ of: 'notice', arrested: true }]);
  });

  it('a breach after the order is made is a breach of the order', () => {
    const ordered = recordHearing(
      appliedCase(),
      granted(14),
      context(constable, '2026-06-03T12:00:00Z'),
    ).next;

    const { next } = recordBreach(
      ordered,
      { ...breach, occurredAt: at('2026-06-05T18:00:00Z') },
      context(constable, '2026-06-05T19:00:00Z'),
    );

    expect(next.breaches).toMatchObject([{ of: 'order' }]);
  });

  it('a breach after the order has expired is refused', () => {
    const ordered = recordHearing(
      appliedCase(),
      granted(14),
      context(constable, '2026-06-03T12:00:00Z'),
    ).next;

    const attempt = () =>
      recordBreach(
        ordered,
        { ...breach, occurredAt: at('2026-06-17T08:00:00Z') },
        context(constable, '2026-06-18T19:00:00Z'),
      );

    expect(attempt).toThrowError('Neither the DVPN nor a DVPO was in force at that time');
  });

  it('a breach before service is refused', () => {
    const attempt = () =>
      recordBreach(
        servedCase(),
        { ...breach, occurredAt: at('2026-06-02T09:30:00Z') },
        context(constable, '2026-06-02T19:00:00Z'),
      );

    expect(attempt).toThrowError(RuleRefusedError);
  });
});
