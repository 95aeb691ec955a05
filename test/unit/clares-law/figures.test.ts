import { describe, expect, it } from 'vitest';
import { figuresCsv, monthlyFigures } from '../../../services/clares-law/domain/figures.ts';
import { withdraw } from '../../../services/clares-law/domain/workflow.ts';
import { as, at, holidays, onlineCase, ppuOfficer, rightToKnowCase } from './fixtures.ts';

describe('DVDS figures by month (APP "Performance management": by right to ask and right to know; 003 §18-19)', () => {
  it('counts applications by route and outcome, with breaches per stage', () => {
    // Arrange
    const open = onlineCase('2026-03-02T09:00:00Z');
    const withdrawn = withdraw(
      onlineCase('2026-03-03T09:00:00Z'),
      { reason: 'Asked to stop' },
      as(ppuOfficer, '2026-03-03T10:00:00Z'),
    ).next;
    const knowing = rightToKnowCase('2026-03-04T09:00:00Z', '2026-03-04T10:00:00Z');
    const april = onlineCase('2026-04-01T09:00:00Z');

    // Act
    const rows = monthlyFigures([open, withdrawn, knowing, april], holidays, at('2026-04-01T10:00:00Z'));

    // Assert
    expect(rows.map((row) => row.month)).toEqual(['2026-04', '2026-03']);
    const march = rows[1];
    expect(march?.applications).toBe(3);
    expect(march?.byRoute).toEqual({ 'right-to-ask': 2, 'right-to-know': 1 });
    expect(march?.byOutcome).toMatchObject({ withdrawn: 1, open: 2 });
    expect(march?.breaches['initial-checks']).toBe(2);
  });

  it('exports one CSV line per month under a header', () => {
    // Arrange
    const rows = monthlyFigures([onlineCase('2026-03-02T09:00:00Z')], holidays, at('2026-03-02T10:00:00Z'));

    // Act
    const csv = figuresCsv(rows);

    // Assert
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^month,applications,right_to_ask,right_to_know,disclosed,/);
    expect(lines[1]).toMatch(/^2026-03,1,1,0,0,0,0,0,1,0,,,0,/);
  });
});
