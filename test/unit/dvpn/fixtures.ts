import type { DraftDetails, DvpnCase, Officer } from '../../../services/dvpn/domain/model.ts';
import { dvpnPack, type RulesPack } from '../../../services/dvpn/domain/rules-packs.ts';
import {
  authoriseNotice,
  type Context,
  draftNotice,
  noticeReady,
  recordService,
  submitForAuthorisation,
} from '../../../services/dvpn/domain/workflow.ts';
import type { Rank } from '../../../shared/auth/principal.ts';
import { englandAndWalesBankHolidays } from '../../../shared/calendar/holidays.ts';

export const holidays = englandAndWalesBankHolidays();

export const officer = (rank: Rank | 'police-staff', collarNumber: string): Officer => ({
  subject: `sub-${collarNumber}`,
  collarNumber,
  displayName: `Officer ${collarNumber}`,
  rank,
});

export const constable = officer('constable', 'PC100');
export const sergeant = officer('sergeant', 'PS200');
export const inspector = officer('inspector', 'IN300');
export const superintendent = officer('superintendent', 'SU400');
export const otherSuperintendent = officer('superintendent', 'SU401');

export const at = (iso: string): Date => new Date(iso);

export const context = (actor: Officer, now: string): Context => ({ actor, now: at(now) });

/** A complete, valid draft: an adult recipient who threatened a former partner they live with. */
export const draftDetails = (overrides: Partial<DraftDetails> = {}): DraftDetails => ({
  recipient: { name: 'Sam Recipient', dateOfBirth: '1990-05-01', address: '1 High Street, Anytown, AN1 1AA' },
  protectedPerson: {
    name: 'Alex Protected',
    dateOfBirth: '1992-02-02',
    association: 'intimate-personal-relationship',
  },
  incident: {
    occurredAt: '2026-06-01T21:30:00Z',
    location: '1 High Street, Anytown',
    summary: 'Officers attended a report of shouting; the protected person had a cut lip.',
  },
  grounds: { kind: 'violence', detail: 'Struck the protected person in the face.' },
  children: { relevant: true, details: 'One child aged 6 lives at the address.' },
  protectedPersonOpinion: {
    opinion: 'Wants the recipient kept away.',
    howSought: 'Spoken to in person at 22:15.',
  },
  recipientRepresentations: { representations: 'Denies the assault.', howSought: 'In custody interview.' },
  sharesPremises: true,
  premisesAddress: '1 High Street, Anytown, AN1 1AA',
  otherOccupants: 'None',
  conditions: ['leave', 'not-enter', 'stay-away'],
  stayAwayDistanceMetres: 100,
  court: 'Anytown Magistrates Court',
  ...overrides,
});

export const caseId = 'c0ffee00-0000-4000-8000-000000000001';

export const draftCase = (pack: RulesPack = dvpnPack, details = draftDetails()): DvpnCase =>
  draftNotice({ id: caseId, details, pack, unit: 'PPU' }, context(constable, '2026-06-02T08:00:00Z')).next;

export const submittedCase = (pack: RulesPack = dvpnPack, details = draftDetails()): DvpnCase =>
  submitForAuthorisation(draftCase(pack, details), context(constable, '2026-06-02T08:30:00Z')).next;

export const allConsiderations = [
  'childWelfare',
  'protectedPersonOpinion',
  'recipientRepresentations',
  'reasonableStepsTaken',
  'otherOccupantsOpinion',
] as const;

export const authorisedCase = (pack: RulesPack = dvpnPack): DvpnCase =>
  authoriseNotice(
    submittedCase(pack),
    {
      affirmed: allConsiderations,
      reasonableGrounds: 'Injury seen; threats repeated in custody.',
      noticeRequestId: 'req-1',
    },
    context(superintendent, '2026-06-02T09:00:00Z'),
  ).next;

export const issuedCase = (pack: RulesPack = dvpnPack): DvpnCase => {
  const change = noticeReady(authorisedCase(pack), {
    requestId: 'req-1',
    documentId: 'DOC-ABCD-EFGH-JKMN-PQRS',
    sha256: 'ab'.repeat(32),
    now: at('2026-06-02T09:00:05Z'),
  });
  if (!change) throw new Error('fixture: the notice did not become ready');
  return change.next;
};

/** Served Tuesday 2 June 2026 at 11:00 BST; the hearing is due by Thursday 4 June 11:00 BST. */
export const servedCase = (pack: RulesPack = dvpnPack): DvpnCase =>
  recordService(
    issuedCase(pack),
    {
      servedAt: at('2026-06-02T10:00:00Z'),
      place: 'Anytown police station',
      addressForHearingNotice: '3 Low Road, Anytown',
    },
    context(constable, '2026-06-02T10:05:00Z'),
    holidays,
  ).next;
