import { describe, expect, it } from 'vitest';
import { decideAccess, grantState } from '../../../services/restricted-cases/domain/access.ts';
import { RuleRefusedError, WrongStageError } from '../../../services/restricted-cases/domain/errors.ts';
import type { CaseFile } from '../../../services/restricted-cases/domain/model.ts';
import {
  breakGlass,
  breakGlassHours,
  decideSafeguardingRequest,
  requestSafeguardingAccess,
  reviewBreakGlass,
} from '../../../services/restricted-cases/domain/safeguarding.ts';
import { allegationCase, fileOf, hoursLater, person, ref, t0 } from './fixtures.ts';

const officer = person('3350', 'constable', 'PPU');
const psd = ref(person('2731', 'sergeant', 'PSD'));
const context = { grantId: 'G-AAAA-BBBB', now: t0 } as const;

const canOpen = (file: CaseFile, now: Date) =>
  decideAccess({
    principal: officer,
    theCase: file.case,
    accessList: { members: file.members, conflicts: file.conflicts },
    grants: file.grants,
    now,
    action: 'open',
  }).allowed;

describe('Safeguarding access: restriction never stops those protecting the victim or children (APP "Access to records")', () => {
  it('a request with a reason waits for PSD or a chief inspector', () => {
    const { grant } = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Child protection visit today' },
      ref(officer),
      context,
    );

    expect(grantState(grant, t0)).toBe('pending');
  });

  it('a request without a reason is refused', () => {
    expect(() =>
      requestSafeguardingAccess(fileOf(allegationCase()), { reason: '' }, ref(officer), context),
    ).toThrow(RuleRefusedError);
  });

  it('granted for a limited time: open until then, denied after', () => {
    const requested = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Visit' },
      ref(officer),
      context,
    ).file;
    const { file } = decideSafeguardingRequest(
      requested,
      'G-AAAA-BBBB',
      { decision: 'grant', hours: 8, note: 'Needed for the visit' },
      psd,
      t0,
    );

    expect(canOpen(file, hoursLater(7))).toBe(true);
    expect(canOpen(file, hoursLater(8))).toBe(false);
  });

  it('a refused request gives no access', () => {
    const requested = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Visit' },
      ref(officer),
      context,
    ).file;
    const { file } = decideSafeguardingRequest(
      requested,
      'G-AAAA-BBBB',
      { decision: 'refuse', note: 'Not needed' },
      psd,
      t0,
    );

    expect(canOpen(file, hoursLater(1))).toBe(false);
  });

  it('a grant needs a period', () => {
    const requested = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Visit' },
      ref(officer),
      context,
    ).file;

    expect(() =>
      decideSafeguardingRequest(requested, 'G-AAAA-BBBB', { decision: 'grant', note: 'ok' }, psd, t0),
    ).toThrow(/how long/);
  });

  it('nobody decides their own request', () => {
    const requested = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Visit' },
      psd,
      context,
    ).file;

    expect(() =>
      decideSafeguardingRequest(
        requested,
        'G-AAAA-BBBB',
        { decision: 'grant', hours: 8, note: 'ok' },
        psd,
        t0,
      ),
    ).toThrow(/your own request/);
  });

  it('a request is decided once', () => {
    const requested = requestSafeguardingAccess(
      fileOf(allegationCase()),
      { reason: 'Visit' },
      ref(officer),
      context,
    ).file;
    const { file } = decideSafeguardingRequest(
      requested,
      'G-AAAA-BBBB',
      { decision: 'refuse', note: 'No' },
      psd,
      t0,
    );

    expect(() =>
      decideSafeguardingRequest(file, 'G-AAAA-BBBB', { decision: 'grant', hours: 8, note: 'Yes' }, psd, t0),
    ).toThrow(WrongStageError);
  });
});

describe('Break glass: emergency access at once, for a short time, reviewed afterwards', () => {
  it('a break glass without a reason is refused', () => {
    expect(() => breakGlass(fileOf(allegationCase()), { reason: '   ' }, ref(officer), context)).toThrow(
      RuleRefusedError,
    );
  });

  it(`is granted at once for ${breakGlassHours} hours`, () => {
    const { file } = breakGlass(
      fileOf(allegationCase()),
      { reason: 'Victim missing, children at risk' },
      ref(officer),
      context,
    );

    expect(canOpen(file, t0)).toBe(true);
    expect(canOpen(file, hoursLater(breakGlassHours))).toBe(false);
  });

  it('accepted on review, the access runs on to its end', () => {
    const { file } = breakGlass(fileOf(allegationCase()), { reason: 'Emergency' }, ref(officer), context);
    const reviewed = reviewBreakGlass(
      file,
      'G-AAAA-BBBB',
      { decision: 'accepted', note: 'Justified' },
      psd,
      hoursLater(1),
    );

    expect(canOpen(reviewed.file, hoursLater(1.5))).toBe(true);
  });

  it('referred on review, the access ends at once', () => {
    const { file } = breakGlass(fileOf(allegationCase()), { reason: 'Emergency' }, ref(officer), context);
    const reviewed = reviewBreakGlass(
      file,
      'G-AAAA-BBBB',
      { decision: 'referred', note: 'No safeguarding need' },
      psd,
      hoursLater(1),
    );

    expect(canOpen(reviewed.file, hoursLater(1))).toBe(false);
  });

  it('is reviewed once', () => {
    const { file } = breakGlass(fileOf(allegationCase()), { reason: 'Emergency' }, ref(officer), context);
    const reviewed = reviewBreakGlass(file, 'G-AAAA-BBBB', { decision: 'accepted', note: 'ok' }, psd, t0);

    expect(() =>
      reviewBreakGlass(reviewed.file, 'G-AAAA-BBBB', { decision: 'referred', note: 'x' }, psd, t0),
    ).toThrow(WrongStageError);
  });
});
