import { describe, expect, it } from 'vitest';
import { clockAlertsFor } from '../../../services/clares-law/domain/clock-alerts.ts';
import { takeOwnership } from '../../../services/clares-law/domain/workflow.ts';
import { as, at, holidays, onlineCase, ppuOfficer, progressed } from './fixtures.ts';

describe('Clock sweep alerts (issue: owner when due within one working day; owner and supervisor when overdue)', () => {
  it('a clock due within one working day alerts the owner only', () => {
    // Arrange: initial checks due 24 hours after Monday 09:00
    const dvdsCase = takeOwnership(
      onlineCase('2026-03-09T09:00:00Z'),
      as(ppuOfficer, '2026-03-09T09:30:00Z'),
    ).next;

    // Act
    const alerts = clockAlertsFor(dvdsCase, holidays, at('2026-03-09T10:00:00Z'));

    // Assert
    expect(alerts).toEqual([
      expect.objectContaining({ clock: 'initial-checks', level: 'due-soon', audiences: ['owner-or-unit'] }),
    ]);
  });

  it('an overdue clock alerts the owner and the supervisors, urgently', () => {
    // Arrange: checks not decided 2 days later
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const alerts = clockAlertsFor(dvdsCase, holidays, at('2026-03-11T10:00:00Z'));

    // Assert
    expect(alerts).toEqual([
      expect.objectContaining({
        clock: 'initial-checks',
        level: 'overdue',
        audiences: ['owner-or-unit', 'supervisors'],
        priority: 'urgent',
      }),
    ]);
  });

  it('gives the same key on every run for the same clock, level and due instant (the sweep running twice sends once)', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const first = clockAlertsFor(dvdsCase, holidays, at('2026-03-11T10:00:00Z'));
    const second = clockAlertsFor(dvdsCase, holidays, at('2026-03-11T10:15:00Z'));

    // Assert
    expect(second.map((alert) => alert.key)).toEqual(first.map((alert) => alert.key));
  });

  it('a met clock raises nothing', () => {
    // Arrange
    const dvdsCase = progressed(onlineCase('2026-03-09T09:00:00Z'), '2026-03-09T12:00:00Z');

    // Act
    const alerts = clockAlertsFor(dvdsCase, holidays, at('2026-03-09T13:00:00Z'));

    // Assert
    expect(alerts.map((alert) => alert.clock)).not.toContain('initial-checks');
  });
});
