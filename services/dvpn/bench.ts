import { randomUUID } from 'node:crypto';
import { timePage } from '../../bench/support/pages.ts';
import { inParallel } from '../../bench/support/seeding.ts';
import { type MeanLatency, meanLatency } from '../../bench/support/service-figures.ts';
import { benchCaller, benchPrincipal } from '../../bench/support/staff.ts';
import { englandAndWalesBankHolidays } from '../../shared/calendar/holidays.ts';
import { authorise, createDraft, submit } from './case-service.ts';
import { caseServiceDependencies } from './composition-root.ts';
import { considerationKeys } from './domain/considerations.ts';
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

export type LatencyFigures = MeanLatency;

const figuresOf = (samples: readonly number[]): LatencyFigures => meanLatency(samples, 1);

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

const benchOfficer = (rank: Officer['rank'], collarNumber: string) =>
  benchPrincipal({ collarNumber, displayName: `Bench ${collarNumber}`, rank, department: 'PPU' });

/** The superintendent's answers when authorising each of the bench's notices: every consideration affirmed. */
const benchAuthorisation = { affirmed: considerationKeys, reasonableGrounds: 'Injury seen.' };

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
    const caller = (principal: typeof constable) => benchCaller(principal, randomUUID());
    const drafted = await createDraft(deps, caller(constable), benchDetails());
    await submit(deps, caller(constable), drafted.id);
    const started = performance.now();
    await authorise(deps, caller(superintendent), drafted.id, benchAuthorisation);
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
    { ...benchAuthorisation, noticeRequestId: randomUUID() },
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
  await inParallel(count, concurrency, (index) =>
    deps.repository.write({
      next: servedNotice(index, now),
      expectedVersion: null,
      figures: [],
      messages: [],
    }),
  );
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
  const { samples, bytes } = await timePage(`${siteUrl}/staff/dvpn`, sessionCookie, {
    warmUp,
    runs: requests,
  });
  return { ...figuresOf(samples), bytes };
};
