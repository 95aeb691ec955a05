import { describe, expect, it } from 'vitest';
import { recordDisclosure, recordImmediateRisk } from '../../../services/clares-law/domain/workflow.ts';
import { disclosureRecordInput, messageIdFor, messagesFor } from '../../../services/clares-law/messages.ts';
import { ClaresLawDisclosureRecordInput, DocumentRequested } from '../../../shared/contracts/documents.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import {
  as,
  assessed,
  at,
  categorised,
  decided,
  met,
  onlineCase,
  ppuOfficer,
  progressed,
} from './fixtures.ts';

const context = { now: new Date('2026-03-13T11:00:00Z'), correlationId: 'test' };

describe('Messages the scheme sends (shared/contracts; DOMAIN.md §2: no document goes to the applicant)', () => {
  it('gives the same message id to the same cause, and a valid UUID', () => {
    // Arrange
    const key = 'DVDS-TEST-0001|initial-checks|overdue|2026-03-10T09:00:00.000Z';

    // Act
    const first = messageIdFor(key);
    const again = messageIdFor(key);

    // Assert
    expect(again).toBe(first);
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('an immediate risk goes to the PPU supervisors and the Force Response inspectors, urgently, by reference only', () => {
    // Arrange
    const change = recordImmediateRisk(
      onlineCase('2026-03-09T09:00:00Z'),
      { description: 'He is outside the house' },
      as(ppuOfficer, '2026-03-09T10:00:00Z'),
    );

    // Act
    const messages = messagesFor(change.next, change.effects, context).map((outgoing) =>
      StaffNotificationRequested.parse(outgoing.message),
    );

    // Assert
    expect(messages.map((message) => message.data.audience)).toEqual([
      { kind: 'group', department: 'PPU', minimumRank: 'sergeant', label: 'PPU supervisors' },
      {
        kind: 'group',
        department: 'FORCE_RESPONSE',
        minimumRank: 'inspector',
        label: 'Force Response inspectors',
      },
    ]);
    expect(messages.every((message) => message.data.priority === 'urgent')).toBe(true);
    expect(JSON.stringify(messages)).not.toMatch(/Alex|Sam Subject|outside the house/);
  });

  it('the disclosure record request carries the verbatim words, is internal to the police, and fits the template', () => {
    // Arrange
    const atDisclosure = decided(
      categorised(
        assessed(
          met(progressed(onlineCase('2026-03-02T09:00:00Z'), '2026-03-02T12:00:00Z'), '2026-03-05T10:00:00Z'),
          '2026-03-06T10:00:00Z',
        ),
        '2026-03-09T10:00:00Z',
      ),
      '2026-03-11T10:00:00Z',
    );
    const change = recordDisclosure(
      atDisclosure,
      {
        disclosedAt: at('2026-03-13T10:00:00Z'),
        place: 'Central police station',
        recipientToldOfConditions: true,
        undertaking: { status: 'signed' },
        verbatim: 'Line one\nLine two',
        informationPackGiven: true,
      },
      as(ppuOfficer, '2026-03-13T11:00:00Z'),
    );

    // Act
    const [request] = messagesFor(change.next, change.effects, context);
    const parsed = DocumentRequested.parse(request?.message);

    // Assert
    expect(request?.queue).toBe('document-requests');
    expect(parsed.data).toMatchObject({
      requestingService: 'clares-law',
      replyTo: 'clares-law-document-replies',
      documentType: 'clares-law-disclosure-record',
    });
    expect(ClaresLawDisclosureRecordInput.parse(disclosureRecordInput(change.next)).verbatimDisclosure).toBe(
      'Line one\nLine two',
    );
  });

  it('no disclosure record can be made before the disclosure is recorded', () => {
    // Arrange
    const dvdsCase = decided(
      categorised(
        assessed(
          met(progressed(onlineCase('2026-03-02T09:00:00Z'), '2026-03-02T12:00:00Z'), '2026-03-05T10:00:00Z'),
          '2026-03-06T10:00:00Z',
        ),
        '2026-03-09T10:00:00Z',
      ),
      '2026-03-11T10:00:00Z',
    );

    // Act
    const input = disclosureRecordInput(dvdsCase);

    // Assert
    expect(input).toBeUndefined();
  });
});
