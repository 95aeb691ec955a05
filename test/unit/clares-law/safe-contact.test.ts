import { describe, expect, it } from 'vitest';
import { ContactRefusedError } from '../../../services/clares-law/domain/errors.ts';
import { checkContact, contactPeriodOf } from '../../../services/clares-law/domain/safe-contact.ts';
import { logContactAttempt, recordRefusedContact } from '../../../services/clares-law/domain/workflow.ts';
import { applicationFor, as, at, onlineCase, ppuOfficer } from './fixtures.ts';

const safeContact = applicationFor().safeContact;

describe('Safe contact is enforced (APP DVDS: "a safe means of communication must be agreed ... place, means and timing")', () => {
  it('refuses contact by a method the applicant did not agree to', () => {
    // Arrange: phone and in person agreed; email not
    const proposed = { method: 'email' as const, at: at('2026-03-09T10:00:00Z'), outcome: 'spoke' as const };

    // Act
    const verdict = checkContact(safeContact, proposed);

    // Assert
    expect(verdict.verdict).toBe('refused');
    expect(verdict.verdict === 'refused' && verdict.reasons[0]?.field).toBe('method');
  });

  it('refuses contact at a time the applicant marked unsafe (weekday evening, London time)', () => {
    // Arrange: Monday 9 March 2026 18:30 GMT
    const proposed = { method: 'phone' as const, at: at('2026-03-09T18:30:00Z'), outcome: 'spoke' as const };

    // Act
    const verdict = checkContact(safeContact, proposed);

    // Assert
    expect(verdict).toMatchObject({ verdict: 'refused', reasons: [{ field: 'at' }] });
  });

  it('refuses leaving a voicemail when the applicant said no message may be left', () => {
    // Arrange
    const proposed = {
      method: 'phone' as const,
      at: at('2026-03-09T10:00:00Z'),
      outcome: 'message-left' as const,
    };

    // Act
    const verdict = checkContact(safeContact, proposed);

    // Assert
    expect(verdict).toMatchObject({ verdict: 'refused', reasons: [{ field: 'outcome' }] });
  });

  it('flags contact at a time neither marked safe nor unsafe (weekend morning)', () => {
    // Arrange: Saturday 7 March 2026 10:00
    const proposed = { method: 'phone' as const, at: at('2026-03-07T10:00:00Z'), outcome: 'spoke' as const };

    // Act
    const verdict = checkContact(safeContact, proposed);

    // Assert
    expect(verdict).toMatchObject({ verdict: 'flagged', flags: ['outside-safe-times'] });
  });

  it('allows contact by an agreed method at a time marked safe', () => {
    // Arrange: Monday 9 March 2026 10:00
    const proposed = { method: 'phone' as const, at: at('2026-03-09T10:00:00Z'), outcome: 'spoke' as const };

    // Act
    const verdict = checkContact(safeContact, proposed);

    // Assert
    expect(verdict.verdict).toBe('allowed');
  });

  it('reads the time in London: 16:30 UTC on a summer Monday is 17:30 BST, a weekday evening', () => {
    // Arrange
    const instant = at('2026-06-15T16:30:00Z');

    // Act
    const period = contactPeriodOf(instant);

    // Assert
    expect(period).toBe('weekday-evening');
  });

  it('refuses any contact when no safe means of contact was agreed (right to know without one)', () => {
    // Arrange
    const proposed = { method: 'phone' as const, at: at('2026-03-09T10:00:00Z'), outcome: 'spoke' as const };

    // Act
    const verdict = checkContact(undefined, proposed);

    // Assert
    expect(verdict.verdict).toBe('refused');
  });

  it('the workflow refuses the attempt with the reasons and keeps a record of the refusal on the case', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-09T09:00:00Z');
    const input = { method: 'email' as const, at: at('2026-03-09T10:00:00Z'), outcome: 'spoke' as const };
    const context = as(ppuOfficer, '2026-03-09T10:05:00Z');

    // Act
    let refusal: unknown;
    try {
      logContactAttempt(dvdsCase, input, context);
    } catch (error) {
      refusal = error;
    }
    const recorded =
      refusal instanceof ContactRefusedError
        ? recordRefusedContact(dvdsCase, input, refusal, context)
        : undefined;

    // Assert
    expect(refusal).toBeInstanceOf(ContactRefusedError);
    expect(recorded?.next.contactAttempts).toHaveLength(0);
    expect(recorded?.next.refusedContacts).toHaveLength(1);
  });

  it('a flagged attempt is logged with its flag for everyone who reads the case', () => {
    // Arrange
    const dvdsCase = onlineCase('2026-03-06T09:00:00Z');

    // Act
    const change = logContactAttempt(
      dvdsCase,
      { method: 'phone', at: at('2026-03-07T10:00:00Z'), outcome: 'spoke' },
      as(ppuOfficer, '2026-03-07T10:05:00Z'),
    );

    // Assert
    expect(change.next.contactAttempts[0]?.flags).toEqual(['outside-safe-times']);
  });
});
