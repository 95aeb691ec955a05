import { describe, expect, it } from 'vitest';
import { caseListRow } from '../../../services/clares-law/web/case-view-model.ts';
import { displayValue } from '../../../services/clares-law/web/form-view.ts';
import { at, holidays, onlineCase } from './fixtures.ts';

describe('Staff page view models', () => {
  it('shows several lines with their breaks and escapes whatever was typed', () => {
    // Arrange
    const typed = '<script>alert(1)</script>\nSecond & last';

    // Act
    const value = displayValue(typed);

    // Assert
    expect(value).toEqual({ html: '&#60;script&#62;alert(1)&#60;/script&#62;<br>Second &#38; last' });
  });

  it('marks a case whose soonest clock has passed as overdue on the case list', () => {
    // Arrange: initial checks were due 24 hours after Monday 09:00
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');

    // Act
    const row = caseListRow(dvdsCase, holidays, at('2026-03-11T09:00:00Z'));

    // Assert
    expect(row).toMatchObject({ nextClock: 'Initial checks', tag: { text: 'Overdue' }, owner: 'Unassigned' });
  });
});
