import { describe, expect, it } from 'vitest';
import {
  applicationPackDocument,
  caseReference,
  noticeDocument,
} from '../../../services/dvpn/domain/documents.ts';
import { dapnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { authoriseNotice, prepareApplication } from '../../../services/dvpn/domain/workflow.ts';
import {
  DapnNoticeInput,
  DapoApplicationPackInput,
  DvpnNoticeInput,
  DvpoApplicationPackInput,
} from '../../../shared/contracts/documents.ts';
import {
  allConsiderations,
  authorisedCase,
  constable,
  context,
  draftDetails,
  inspector,
  servedCase,
  submittedCase,
} from './fixtures.ts';

describe('The notice sent for signing (CSA 2010 s.25)', () => {
  it('carries the grounds, the premises conditions, the authoriser and the time, and meets the documents contract', () => {
    const plan = noticeDocument(authorisedCase());

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(DvpnNoticeInput.safeParse(plan.templateData).success).toBe(true);
    expect(plan.templateData).toMatchObject({
      caseReference: 'DVPN-C0FFEE00',
      recipient: { fullName: 'Sam Recipient', dateOfBirth: '1990-05-01' },
      protectedPerson: { fullName: 'Alex Protected' },
      premises: {
        address: '1 High Street, Anytown, AN1 1AA',
        noEntry: true,
        mustLeave: true,
        noEvictionOrExclusion: false,
        keepAwayMetres: 100,
      },
      authorisedBy: { collarNumber: 'SU400', rank: 'superintendent' },
      authorisedAt: '2026-06-02T09:00:00.000Z',
      court: 'Anytown Magistrates Court',
    });
    expect(plan.templateData.grounds).toContain(
      'The recipient has been violent towards the person to be protected.',
    );
    expect(plan.templateData.grounds).toContain(
      "The authorising officer's reasonable grounds: Injury seen; threats repeated in custody.",
    );
  });

  it("a DVPN is sent to the DVPN template, with the 2010 Act's wording", () => {
    const plan = noticeDocument(authorisedCase());

    expect(plan).toMatchObject({ kind: 'request', documentType: 'dvpn-notice' });
  });

  it('the reference is short, stable and carries no personal data', () => {
    expect(caseReference(authorisedCase())).toBe('DVPN-C0FFEE00');
  });
});

describe('The DAPN sent for signing (DAA 2021 ss.22-25)', () => {
  const dapnAuthorised = (details = draftDetails()) =>
    authoriseNotice(
      submittedCase(dapnPack, details),
      {
        affirmed: allConsiderations,
        reasonableGrounds: 'Coercive control over months; threats last night.',
        noticeRequestId: 'req-1',
      },
      context(inspector, '2026-06-02T09:00:00Z'),
    ).next;

  it('goes to the DAPN template, authorised by an inspector, and meets the documents contract (DAA 2021 s.22(8))', () => {
    const plan = noticeDocument(dapnAuthorised());

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(plan.documentType).toBe('dapn-notice');
    expect(DapnNoticeInput.safeParse(plan.templateData).success).toBe(true);
    expect(plan.templateData).toMatchObject({
      caseReference: 'DAPN-C0FFEE00',
      recipient: { fullName: 'Sam Recipient', dateOfBirth: '1990-05-01' },
      protectedPerson: { fullName: 'Alex Protected' },
      authorisedBy: { collarNumber: 'IN300', rank: 'inspector' },
      authorisedAt: '2026-06-02T09:00:00.000Z',
      court: 'Anytown Magistrates Court',
    });
  });

  it('carries the conditions chosen: no contact, a distance from where the person lives, the shared premises (DAA 2021 s.23)', () => {
    const details = draftDetails({ conditions: ['no-contact', 'stay-away', 'leave', 'not-enter'] });

    const plan = noticeDocument(dapnAuthorised(details));

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(plan.templateData).toMatchObject({
      noContact: true,
      keepAway: { metres: 100, address: '1 High Street, Anytown, AN1 1AA' },
      sharedPremises: {
        address: '1 High Street, Anytown, AN1 1AA',
        noEntry: true,
        mustLeave: true,
        noEvictionOrExclusion: false,
      },
    });
  });

  it('names no address for the distance where the recipient does not live with the person protected', () => {
    const details = draftDetails({
      sharesPremises: false,
      premisesAddress: '9 Safe Street, Elsewhere, EL1 1AA',
      conditions: ['no-contact', 'stay-away'],
      stayAwayDistanceMetres: 250,
    });

    const plan = noticeDocument(dapnAuthorised(details));

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(plan.templateData).toMatchObject({ noContact: true, keepAway: { metres: 250 } });
    expect(JSON.stringify(plan.templateData)).not.toContain('Safe Street');
  });

  it('a condition the contract cannot carry is reported, never dropped', () => {
    // The draft rules refuse this; a case stored before a rule changed could still hold it.
    const authorised = dapnAuthorised();
    const broken = { ...authorised, details: { ...authorised.details, stayAwayDistanceMetres: undefined } };

    const plan = noticeDocument(broken);

    expect(plan).toEqual({
      kind: 'unsupported',
      reason: 'The document could not be prepared: check keepAway.metres.',
    });
  });
});

describe('The DVPO application pack (CSA 2010 s.27)', () => {
  it('holds the notice reference, the service record and the conditions sought', () => {
    const applied = prepareApplication(
      servedCase(),
      {
        court: 'Anytown Magistrates Court',
        conditionsSought: ['leave', 'stay-away'],
        stayAwayDistanceMetres: 200,
        durationSoughtDays: 28,
        summary: 'Risk remains.',
        packRequestId: 'p1',
      },
      context(constable, '2026-06-02T12:00:00Z'),
    ).next;

    const plan = applicationPackDocument(applied);

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(DvpoApplicationPackInput.safeParse(plan.templateData).success).toBe(true);
    expect(plan.templateData).toMatchObject({
      dvpn: {
        documentReference: 'DOC-ABCD-EFGH-JKMN-PQRS',
        servedAt: '2026-06-02T10:00:00.000Z',
        servedBy: { collarNumber: 'PC100' },
      },
      hearingLatestBy: '2026-06-04T10:00:00.000Z',
      durationDays: 28,
      respondent: { address: '3 Low Road, Anytown' },
      provisionsSought: [
        'You must not molest the person protected by the order.',
        'To leave the premises (1 High Street, Anytown, AN1 1AA)',
        'Not to come within 200 metres of 1 High Street, Anytown, AN1 1AA',
      ],
    });
  });
});

describe('The DAPO application pack (DAA 2021 ss.28-29, 38)', () => {
  const applied = (durationSoughtDays: number | null) =>
    prepareApplication(
      servedCase(dapnPack),
      {
        court: 'Anytown Magistrates Court',
        conditionsSought: ['no-contact', 'stay-away'],
        stayAwayDistanceMetres: 200,
        durationSoughtDays,
        summary: 'Risk remains.',
        packRequestId: 'p1',
      },
      context(constable, '2026-06-02T12:00:00Z'),
    ).next;

  it('goes to the DAPO template with the requirements sought and the notice it follows', () => {
    const plan = applicationPackDocument(applied(180));

    if (plan.kind !== 'request') throw new Error(plan.reason);
    expect(plan.documentType).toBe('dapo-application-pack');
    expect(DapoApplicationPackInput.safeParse(plan.templateData).success).toBe(true);
    expect(plan.templateData).toMatchObject({
      dapn: { documentReference: 'DOC-ABCD-EFGH-JKMN-PQRS', servedAt: '2026-06-02T10:00:00.000Z' },
      hearingLatestBy: '2026-06-04T10:00:00.000Z',
      durationDays: 180,
      requirementsSought: [
        'You must not be abusive towards the person protected by the order.',
        'Not to contact the person protected',
        'Not to come within 200 metres of any premises in England or Wales in which the person protected lives (1 High Street, Anytown, AN1 1AA)',
      ],
    });
  });

  it('an order until further order is sought with no number of days (DAA 2021 s.38(3)(c))', () => {
    const plan = applicationPackDocument(applied(null));

    expect(plan).toMatchObject({ kind: 'request', templateData: { durationDays: null } });
  });
});
