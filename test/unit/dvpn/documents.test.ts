import { describe, expect, it } from 'vitest';
import {
  applicationPackDocument,
  caseReference,
  noticeDocument,
} from '../../../services/dvpn/domain/documents.ts';
import { dapnPack } from '../../../services/dvpn/domain/rules-packs.ts';
import { prepareApplication } from '../../../services/dvpn/domain/workflow.ts';
import { DvpnNoticeInput, DvpoApplicationPackInput } from '../../../shared/contracts/documents.ts';
import { authorisedCase, constable, context, servedCase } from './fixtures.ts';

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

  it("a DAPN is not sent to the DVPN template: its statements are not the 2010 Act's", () => {
    const plan = noticeDocument(authorisedCase(dapnPack));

    expect(plan).toEqual({
      kind: 'unsupported',
      reason: 'The documents service has no DAPN notice template; the notice cannot be produced yet.',
    });
  });

  it('the reference is short, stable and carries no personal data', () => {
    expect(caseReference(authorisedCase())).toBe('DVPN-C0FFEE00');
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
