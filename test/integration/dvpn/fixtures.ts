import { randomUUID } from 'node:crypto';
import {
  attachDocument,
  authorise,
  type Caller,
  type CaseServiceDependencies,
  createDraft,
  serve,
  submit,
} from '../../../services/dvpn/case-service.ts';
import type { DvpnCase } from '../../../services/dvpn/domain/model.ts';
import type { Department, Principal, Rank } from '../../../shared/auth/principal.ts';
import { draftDetails } from '../../unit/dvpn/fixtures.ts';

export const principal = (rank: Rank | 'police-staff', department: Department = 'PPU'): Principal => {
  const collarNumber = `F${randomUUID().slice(0, 8)}`;
  return {
    subject: `sub-${collarNumber}`,
    collarNumber,
    displayName: `Officer ${collarNumber}`,
    rank,
    department,
  };
};

export const callerAt = (who: Principal, at: Date): Caller => ({
  principal: who,
  now: at,
  correlationId: `corr-${randomUUID()}`,
});

const hours = (n: number) => n * 3_600_000;

/**
 * A notice taken through the workflow with the real service and stores, as if drafted `hoursAgo` hours
 * ago and served an hour before `servedHoursAgo`'s mark; the documents answer is fed in directly.
 */
export const servedNotice = async (
  deps: CaseServiceDependencies,
  options: { servedAt: Date; unit?: Department },
): Promise<{ dvpnCase: DvpnCase; constable: Principal }> => {
  const constable = principal('constable', options.unit ?? 'PPU');
  const superintendent = principal('superintendent');
  const start = new Date(options.servedAt.getTime() - hours(3));
  const drafted = await createDraft(
    deps,
    callerAt(constable, start),
    draftDetails({
      incident: {
        occurredAt: new Date(start.getTime() - hours(2)).toISOString(),
        location: 'Home',
        summary: 'Assault.',
      },
    }),
  );
  await submit(deps, callerAt(constable, new Date(start.getTime() + hours(0.5))), drafted.id);
  const authorised = await authorise(
    deps,
    callerAt(superintendent, new Date(start.getTime() + hours(1))),
    drafted.id,
    {
      affirmed: [
        'childWelfare',
        'protectedPersonOpinion',
        'recipientRepresentations',
        'reasonableStepsTaken',
        'otherOccupantsOpinion',
      ],
      reasonableGrounds: 'Injury seen.',
    },
  );
  const requestId = authorised.notice?.requestIds[0] ?? '';
  await attachDocument(
    deps,
    {
      type: 'document-ready',
      version: 1,
      id: randomUUID(),
      occurredAt: new Date().toISOString(),
      correlationId: 'corr-fixture',
      data: {
        requestId,
        caseId: drafted.id,
        documentId: 'DOC-ABCD-EFGH-JKMN-PQRS',
        documentType: 'dvpn-notice',
        pageCount: 3,
        byteLength: 1000,
        sha256: 'a'.repeat(64),
        certificateFingerprint: 'b'.repeat(64),
        createdAt: new Date().toISOString(),
        downloadPath: '/staff/documents/DOC-ABCD-EFGH-JKMN-PQRS',
      },
    },
    new Date(start.getTime() + hours(1.5)),
  );
  const dvpnCase = await serve(
    deps,
    callerAt(constable, new Date(options.servedAt.getTime() + 60_000)),
    drafted.id,
    {
      servedAt: options.servedAt,
      place: 'Anytown police station',
      addressForHearingNotice: '3 Low Road',
    },
  );
  return { dvpnCase, constable };
};
