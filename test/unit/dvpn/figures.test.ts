import { describe, expect, it } from 'vitest';
import {
  type FigureEvent,
  figureEventsOf,
  figuresCsv,
  median,
  monthlyFigures,
  monthOf,
  monthsBetween,
} from '../../../services/dvpn/domain/figures.ts';

const HOUR = 3_600_000;

describe('Performance figures (seed 002 "Performance management")', () => {
  it('counts notices drafted, authorised and refused, and orders applied for and granted, per month', () => {
    const events: FigureEvent[] = [
      { kind: 'drafted', at: '2026-05-31T10:00:00Z', caseId: 'a' },
      { kind: 'drafted', at: '2026-06-01T10:00:00Z', caseId: 'b' },
      { kind: 'drafted', at: '2026-06-02T10:00:00Z', caseId: 'c' },
      { kind: 'authorised', at: '2026-06-01T11:00:00Z', caseId: 'a', durationMs: HOUR },
      { kind: 'refused', at: '2026-06-02T11:00:00Z', caseId: 'c' },
      { kind: 'applied', at: '2026-06-01T12:00:00Z', caseId: 'a' },
      { kind: 'granted', at: '2026-06-02T12:00:00Z', caseId: 'a' },
    ];

    const [may, june] = monthlyFigures(events, ['2026-05', '2026-06']);

    expect(may).toMatchObject({ month: '2026-05', drafted: 1, authorised: 0 });
    expect(june).toMatchObject({
      drafted: 2,
      authorised: 1,
      refused: 1,
      ordersAppliedFor: 1,
      ordersGranted: 1,
    });
  });

  it('a month is a London month: 00:30 BST on 1 June is June', () => {
    expect(monthOf('2026-05-31T23:30:00Z')).toBe('2026-06');
  });

  it('medians of draft to authorisation and of service to hearing', () => {
    const events: FigureEvent[] = [
      { kind: 'authorised', at: '2026-06-01T11:00:00Z', caseId: 'a', durationMs: 1 * HOUR },
      { kind: 'authorised', at: '2026-06-02T11:00:00Z', caseId: 'b', durationMs: 3 * HOUR },
      { kind: 'authorised', at: '2026-06-03T11:00:00Z', caseId: 'c', durationMs: 10 * HOUR },
      { kind: 'first-hearing', at: '2026-06-03T11:00:00Z', caseId: 'a', durationMs: 20 * HOUR },
      { kind: 'first-hearing', at: '2026-06-04T11:00:00Z', caseId: 'b', durationMs: 30 * HOUR },
    ];

    const [june] = monthlyFigures(events, ['2026-06']);

    expect(june?.medianDraftToAuthorisationMs).toBe(3 * HOUR);
    expect(june?.medianServiceToHearingMs).toBe(25 * HOUR);
  });

  it('no median in a month with nothing to measure', () => {
    expect(median([])).toBeNull();
  });

  it('a fact written twice for the same case and moment counts once', () => {
    const event: FigureEvent = { kind: 'drafted', at: '2026-06-01T10:00:00Z', caseId: 'a' };

    const [june] = monthlyFigures([event, { ...event }], ['2026-06']);

    expect(june?.drafted).toBe(1);
  });

  it('the figures come from the workflow events: a granted first hearing is an order granted and a timing', () => {
    const facts = figureEventsOf('a', [
      {
        kind: 'hearing-recorded',
        at: '2026-06-03T10:00:00Z',
        outcome: 'granted',
        serviceToHearingMs: 24 * HOUR,
      },
      { kind: 'warning-sent', at: '2026-06-03T10:00:00Z', threshold: '24h' },
    ]);

    expect(facts).toEqual([
      { kind: 'granted', at: '2026-06-03T10:00:00Z', caseId: 'a' },
      { kind: 'first-hearing', at: '2026-06-03T10:00:00Z', caseId: 'a', durationMs: 24 * HOUR },
    ]);
  });

  it('a retried court pack is not a second application', () => {
    const facts = figureEventsOf('a', [
      { kind: 'application-pack-requested', at: '2026-06-03T10:00:00Z', requestId: 'r2' },
    ]);

    expect(facts).toEqual([]);
  });

  it('months between two months, across a year end', () => {
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });

  it('CSV has a header and one row per month, medians in whole minutes', () => {
    const csv = figuresCsv(
      [
        {
          month: '2026-06',
          drafted: 3,
          authorised: 2,
          refused: 1,
          ordersAppliedFor: 2,
          ordersGranted: 1,
          medianDraftToAuthorisationMs: 90.4 * 60_000,
          medianServiceToHearingMs: null,
        },
      ],
      'DVPN',
      'DVPO',
    );

    expect(csv).toBe(
      'month,dvpns_drafted,dvpns_authorised,dvpns_refused,dvpos_applied_for,dvpos_granted,median_minutes_draft_to_authorisation,median_minutes_service_to_hearing\r\n' +
        '2026-06,3,2,1,2,1,90,\r\n',
    );
  });
});
