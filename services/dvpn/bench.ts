import { randomUUID } from 'node:crypto';
import { englandAndWalesBankHolidays } from '../../shared/calendar/index.ts';
import { authorise, createDraft, submit } from './case-service.ts';
import { caseServiceDependencies } from './composition-root.ts';
import type { DraftDetails, DvpnCase, Officer } from './domain/model.ts';
import { dvpnPack } from './domain/rules-packs.ts';
import {
  authoriseNotice,
  draftNotice,
  noticeReady,
  recordService,
  submitForAuthorisation,
} from './domain/workflow.ts';

/**
 * Bench functions for `npm run bench`. They run against the local stack whose environment is in
 * `process.env` (the runtime's tables, queues and the documents service consuming its queue).
 */

export interface LatencyFigures {
  readonly samples: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  readonly meanMs: number;
}

const figuresOf = (samples: readonly number[]): LatencyFigures => {
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (fraction: number) => sorted[Math.max(0, Math.ceil(fraction * sorted.length) - 1)] ?? 0;
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    samples: sorted.length,
    p50Ms: round(rank(0.5)),
    p95Ms: round(rank(0.95)),
    meanMs: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  };
};

const benchDetails = (): DraftDetails => ({
  recipient: {
    name: 'Bench Recipient',
    dateOfBirth: '1985-04-12',
    address: '10 Bench Road, Anytown, AN1 2BB',
  },
  protectedPerson: { name: 'Bench Protected', association: 'intimate-personal-relationship' },
  incident: { occurredAt: '2026-01-10T21:00:00Z', location: '10 Bench Road', summary: 'Assault at home.' },
  grounds: { kind: 'violence', detail: 'Struck the protected person.' },
  children: { relevant: false, details: '' },
  protectedPersonOpinion: { opinion: 'Wants protection.', howSought: 'In person.' },
  recipientRepresentations: { representations: 'None made.', howSought: 'In custody.' },
  sharesPremises: true,
  premisesAddress: '10 Bench Road, Anytown, AN1 2BB',
  otherOccupants: 'None',
  conditions: ['leave', 'not-enter'],
  court: 'Anytown Magistrates Court',
});

const benchOfficer = (rank: Officer['rank'], collarNumber: string) => ({
  subject: `bench-${collarNumber}`,
  collarNumber,
  displayName: `Bench ${collarNumber}`,
  rank,
  department: 'PPU' as const,
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Authorise → signed notice available: from the superintendent's authorisation to the case holding the
 * signed notice, through the outbox, the document-requests queue, the documents service (render + sign +
 * store) and the reply queue. `runs` notices, one at a time; each times out after `timeoutMs`.
 */
export const benchAuthoriseToSignedNotice = async (
  runs = 20,
  timeoutMs = 30_000,
): Promise<LatencyFigures> => {
  const deps = caseServiceDependencies();
  const constable = benchOfficer('constable', 'B1001');
  const superintendent = benchOfficer('superintendent', 'B0401');
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const caller = (principal: typeof constable) => ({
      principal,
      now: new Date(),
      correlationId: `bench-${randomUUID()}`,
    });
    const drafted = await createDraft(deps, caller(constable), benchDetails());
    await submit(deps, caller(constable), drafted.id);
    const started = performance.now();
    await authorise(deps, caller(superintendent), drafted.id, {
      affirmed: [
        'childWelfare',
        'protectedPersonOpinion',
        'recipientRepresentations',
        'reasonableStepsTaken',
        'otherOccupantsOpinion',
      ],
      reasonableGrounds: 'Injury seen.',
    });
    for (;;) {
      const current = await deps.repository.get(drafted.id);
      if (current?.notice?.status === 'ready') break;
      if (current?.notice?.status === 'failed')
        throw new Error(`The notice could not be produced: ${current.notice.failure}`);
      if (performance.now() - started > timeoutMs) throw new Error(`No signed notice within ${timeoutMs} ms`);
      await sleep(10);
    }
    samples.push(performance.now() - started);
  }
  return figuresOf(samples);
};

/** A served notice built with the pure workflow (no queues), so thousands can be stored quickly. */
const servedNotice = (index: number, now: Date): DvpnCase => {
  const holidays = englandAndWalesBankHolidays();
  const constable = benchOfficer('constable', `B${2000 + (index % 50)}`);
  const superintendent = benchOfficer('superintendent', 'B0402');
  const servedAt = new Date(now.getTime() - ((index % 40) + 1) * 3_600_000);
  const at = (hoursBefore: number) => new Date(servedAt.getTime() - hoursBefore * 3_600_000);
  const drafted = draftNotice(
    { id: randomUUID(), details: benchDetails(), pack: dvpnPack, unit: 'PPU' },
    { actor: constable, now: at(3) },
  ).next;
  const submitted = submitForAuthorisation(drafted, { actor: constable, now: at(2.5) }).next;
  const authorised = authoriseNotice(
    submitted,
    {
      affirmed: [
        'childWelfare',
        'protectedPersonOpinion',
        'recipientRepresentations',
        'reasonableStepsTaken',
        'otherOccupantsOpinion',
      ],
      reasonableGrounds: 'Injury seen.',
      noticeRequestId: randomUUID(),
    },
    { actor: superintendent, now: at(2) },
  ).next;
  const issued = noticeReady(authorised, {
    requestId: authorised.notice?.requestIds[0] ?? '',
    documentId: 'DOC-BENC-H000-0000-0001',
    now: at(1.5),
  })?.next;
  if (!issued) throw new Error('The bench notice did not issue');
  return recordService(
    issued,
    { servedAt, place: 'Anytown', addressForHearingNotice: null },
    { actor: constable, now: servedAt },
    holidays,
  ).next;
};

/** Stores `count` served notices (the court clock running), `concurrency` writes at a time. */
export const seedActiveNotices = async (count = 2000, concurrency = 20): Promise<void> => {
  const deps = caseServiceDependencies();
  const now = new Date();
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next++;
      await deps.repository.write({
        next: servedNotice(index, now),
        expectedVersion: null,
        figures: [],
        messages: [],
      });
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
};

/**
 * The unit dashboard with the notices already stored: `requests` warm GETs of `/staff/dvpn`, one at a
 * time, signed in with `sessionCookie` (`__Host-session=<token>`). Seed first with `seedActiveNotices`.
 */
export const benchDashboard = async (
  siteUrl: string,
  sessionCookie: string,
  requests = 100,
  warmUp = 10,
): Promise<LatencyFigures & { readonly bytes: number }> => {
  const samples: number[] = [];
  let bytes = 0;
  for (let request = 0; request < warmUp + requests; request++) {
    const started = performance.now();
    const response = await fetch(`${siteUrl}/staff/dvpn`, {
      headers: { cookie: sessionCookie },
      redirect: 'manual',
    });
    const body = await response.text();
    if (response.status !== 200) throw new Error(`GET /staff/dvpn answered ${response.status}`);
    if (request >= warmUp) samples.push(performance.now() - started);
    bytes = body.length;
  }
  return { ...figuresOf(samples), bytes };
};
