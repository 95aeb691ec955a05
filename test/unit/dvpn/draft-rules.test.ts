import { describe, expect, it } from 'vitest';
import { availableConditions, draftIssues } from '../../../services/dvpn/domain/draft-rules.ts';
import { InvalidInputError, NotPermittedError } from '../../../services/dvpn/domain/errors.ts';
import { dapnPack, dvpnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { draftNotice, submitForAuthorisation, updateDraft } from '../../../services/dvpn/domain/workflow.ts';
import { at, constable, context, draftCase, draftDetails, officer } from './fixtures.ts';

const now = at('2026-06-02T08:00:00Z');

describe('Notice conditions (CSA 2010 s.24(6), (8))', () => {
  it('DVPN: conditions about premises are offered only where the premises are shared', () => {
    expect(availableConditions(dvpnPack, false)).toEqual([]);
    expect(availableConditions(dvpnPack, true)).toEqual([
      'not-evict-or-exclude',
      'not-enter',
      'leave',
      'stay-away',
    ]);
  });

  it('DVPN: a premises condition without shared premises is refused, naming s.24(8)', () => {
    const details = draftDetails({ sharesPremises: false, conditions: ['leave'] });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues).toContainEqual({
      field: 'conditions',
      message:
        'The condition "to leave the premises" can only be included where the recipient and the person protected live in the same premises',
      source: 'Crime and Security Act 2010 s.24(8)',
    });
  });

  it('DVPN: staying a distance away needs the distance', () => {
    const details = draftDetails({ conditions: ['stay-away'], stayAwayDistanceMetres: undefined });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues.map((issue) => issue.field)).toEqual(['stayAwayDistance']);
  });

  it('DVPN: a no-contact condition is not one the Act provides', () => {
    const details = draftDetails({ conditions: ['no-contact'] });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues[0]?.message).toMatch(/cannot include the condition: not to contact/);
  });

  it('DVPN: premises conditions need the address of the premises', () => {
    const details = draftDetails({ premisesAddress: undefined });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues.map((issue) => issue.field)).toContain('premisesAddress');
  });

  it('DVPN: never to molest is always included, with no condition chosen', () => {
    const details = draftDetails({ sharesPremises: false, conditions: [] });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues).toEqual([]);
    expect(dvpnPack.mandatoryCondition.text).toBe('You must not molest the person protected by this notice.');
  });

  it('DAPN pilot: no contact and staying away are available without shared premises (DAA 2021 s.23(1))', () => {
    expect(availableConditions(dapnPack, false)).toEqual(['no-contact', 'stay-away']);
  });

  it('DVPN: a distance is dropped when staying away is not chosen', () => {
    const details = draftDetails({ conditions: ['leave'], stayAwayDistanceMetres: 250 });

    const { next } = draftNotice(
      { id: 'x', details, pack: dvpnPack, unit: 'PPU' },
      context(constable, '2026-06-02T08:00:00Z'),
    );

    expect(next.details.stayAwayDistanceMetres).toBeUndefined();
  });
});

describe('The test for issue (CSA 2010 s.24(2), (9); DAA 2021 ss.2, 22)', () => {
  it('DVPN: abusive behaviour without violence or a threat of it is not grounds', () => {
    const details = draftDetails({ grounds: { kind: 'abusive-behaviour', detail: 'Controlling finances.' } });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues).toContainEqual({
      field: 'groundsKind',
      message: 'A DVPN can only be issued for violence or a threat of violence',
      source: 'Crime and Security Act 2010 s.24(2)',
    });
  });

  it('DAPN pilot: any domestic abuse is grounds, not only violence', () => {
    const details = draftDetails({ grounds: { kind: 'abusive-behaviour', detail: 'Controlling finances.' } });

    const issues = draftIssues(details, dapnPack, now);

    expect(issues).toEqual([]);
  });

  it('DVPN: people who merely share a household are associated (Family Law Act 1996 s.62(3))', () => {
    const details = draftDetails({
      protectedPerson: { name: 'Flatmate', association: 'same-household' },
    });

    expect(draftIssues(details, dvpnPack, now)).toEqual([]);
  });

  it('DAPN pilot: sharing a household alone is not being personally connected (DAA 2021 s.2)', () => {
    const details = draftDetails({
      protectedPerson: { name: 'Flatmate', dateOfBirth: '1990-01-01', association: 'same-household' },
    });

    const issues = draftIssues(details, dapnPack, now);

    expect(issues.map((issue) => issue.field)).toEqual(['association']);
  });

  it('DAPN pilot: the date of birth of the person to be protected is needed to test s.22(2)', () => {
    const details = draftDetails({
      protectedPerson: { name: 'Partner', association: 'intimate-personal-relationship' },
    });

    const issues = draftIssues(details, dapnPack, now);

    expect(issues.map((issue) => issue.field)).toEqual(['protectedDateOfBirth']);
  });

  it('an incident in the future is refused', () => {
    const details = draftDetails({
      incident: { occurredAt: '2026-06-03T08:00:00Z', location: 'Home', summary: 'Assault' },
    });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues.map((issue) => issue.field)).toEqual(['incidentDate']);
  });

  it('relevant children must be described (CSA 2010 s.24(3)(a))', () => {
    const details = draftDetails({ children: { relevant: true, details: '' } });

    const issues = draftIssues(details, dvpnPack, now);

    expect(issues.map((issue) => issue.field)).toEqual(['childrenDetails']);
  });

  it('a draft that breaks a rule is not saved', () => {
    const details = draftDetails({ conditions: ['stay-away'], stayAwayDistanceMetres: undefined });

    const attempt = () =>
      draftNotice(
        { id: 'x', details, pack: dvpnPack, unit: 'PPU' },
        context(constable, '2026-06-02T08:00:00Z'),
      );

    expect(attempt).toThrowError(InvalidInputError);
  });
});

describe('Draft workflow', () => {
  it('records the rules pack and version the case runs under', () => {
    const dvpnCase = draftCase(dvpnPack);

    expect(dvpnCase.pack).toEqual({ id: 'dvpn', version: 'csa2010-1' });
    expect(dvpnCase.status).toBe('draft');
    expect(dvpnCase.version).toBe(1);
  });

  it('only the drafting officer may change the draft', () => {
    const dvpnCase = draftCase();

    const attempt = () =>
      updateDraft(dvpnCase, draftDetails(), context(officer('sergeant', 'PS999'), '2026-06-02T08:10:00Z'));

    expect(attempt).toThrowError(NotPermittedError);
  });

  it('submitting moves the draft to awaiting authorisation and records when', () => {
    const { next, events } = submitForAuthorisation(draftCase(), context(constable, '2026-06-02T08:30:00Z'));

    expect(next.status).toBe('awaiting-authorisation');
    expect(next.submittedAt).toBe('2026-06-02T08:30:00.000Z');
    expect(events).toEqual([{ kind: 'submitted', at: '2026-06-02T08:30:00.000Z' }]);
  });
});
