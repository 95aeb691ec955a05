import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoStaffMember } from '../../../infra/local/demo-staff.ts';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { sampleTemplateData } from '../../../services/documents/sample-data.ts';
import { services } from '../../../services/index.ts';
import { auditTableEnvName } from '../../../shared/audit/dynamo-audit-log.ts';
import { dynamoDocumentClient } from '../../../shared/aws/clients.ts';
import { DocumentReady, DocumentRequested, type DocumentType } from '../../../shared/contracts/documents.ts';
import { AnyEnvelope } from '../../../shared/contracts/envelope.ts';
import { queueEnvName, tableEnvName } from '../../../shared/manifest/names.ts';
import { sweepOutbox } from '../../../shared/messaging/outbox.ts';
import { startTestRuntime, type TestRuntimePorts, testRuntimePorts } from '../../support/runtime.ts';
import {
  allAuditEntries,
  brokenChains,
  caseRefsOf,
  entriesByCorrelation,
} from '../../support/security/audit-trail.ts';
import { Browser } from '../../support/security/browser.ts';
import { type FaultInjector, injectFaults } from '../../support/security/faults.ts';
import {
  draftAndAuthoriseNotice,
  inventedPerson,
  type OnlineReportOutcome,
  reportOnline,
  staffNotification,
} from '../../support/security/journeys.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import {
  consumedQueues,
  createReplyQueue,
  deadLetterUrlOf,
  depthOf,
  drain,
  eventually,
  queueUrlOf,
  sendBodies,
  testSqsClient,
} from '../../support/security/queues.ts';
import { storedAccessAlerts } from '../../support/security/restricted-case-attempts.ts';
import { mapWithConcurrency, send, sessionCookies } from '../../support/security/site-client.ts';
import {
  injectTargetedFaults,
  putsInto,
  sendsTo,
  type TargetedFaultInjector,
} from '../../support/security/targeted-faults.ts';
import { draftDetails } from '../../unit/dvpn/fixtures.ts';
import { claresLawFlow, claresLawLedger } from './clares-law-flow.ts';
import {
  alertsLeftForTheSweepIn,
  restrictedAlertsFlow,
  restrictedAlertsLedger,
} from './restricted-alerts-flow.ts';

/**
 * The issue's fault run against the real local stack (DynamoDB Local, the SQS/S3 emulator, the runtime's router
 * and pollers, every handler unchanged). Faults go in through the AWS SDK clients the handlers share and through
 * what the test sends:
 *
 * 1. steady faults while people use the product: DynamoDB throttling, lost audit races, writes whose answer is
 *    lost (as if the function died after its write), messages never sent (killed between write and message),
 *    every message delivered twice, poison records in the middle of consumer batches;
 * 2. the documents service's storage down for a while;
 * 3. the whole runtime stopped and started again while messages are in flight (and Clare's Law applications
 *    half answered).
 *
 * Besides the flows above, two more run through the faults: Clare's Law applications walked through the local
 * edge, each applicant on a loopback address of their own (clares-law-flow.ts), and people opening restricted
 * cases, each look audited and alerted to PSD (restricted-alerts-flow.ts). Each also meets faults aimed at the
 * step its invariant rests on (targeted-faults.ts): the answer to the write of a new case lost, the new-case
 * notification never sent, the answer to a look's audit entry lost, an access alert never sent, the answer to
 * storing an alert lost.
 *
 * Afterwards: every accepted report, application, notice, notification, alert and audit entry exists exactly
 * once, every message was processed once or sits in a dead-letter queue, and nothing a person was told was
 * received is missing.
 */
const faultRun = {
  notifications: 450,
  poisonRecords: 250,
  inboxViews: 60,
  onlineReports: 6,
  dvpnNotices: 4,
  documentRequests: 6,
  documentRequestsDuringOutage: 4,
  notificationsAtRestart: 100,
  claresLawApplications: 6,
  claresLawApplicationsAcrossRestart: 2,
  restrictedCases: 3,
  restrictedCaseLooks: 72,
  restrictedCaseLooksAtRestart: 12,
  minimumFaults: 1_000,
} as const;
const seed = Number(process.env.FAULT_SEED ?? 20_261_123);

let runtime: LocalRuntime;
let ports: TestRuntimePorts;
let localDir: string;
let logs: LogCapture;
let faults: FaultInjector;
let targeted: TargetedFaultInjector;
const testSqs = testSqsClient();
const replyQueue = 'fault-run-document-replies';
let replyQueueUrl = '';
let restarts = 0;
let settled = false;

const sentNotifications: string[] = [];
const poison = new Set<string>();
const inboxViews: { status: number; correlationId: string }[] = [];
const reports: OnlineReportOutcome[] = [];
const notices: { caseId: string | undefined; statuses: readonly number[] }[] = [];
const documentRequests: string[] = [];
const replies: DocumentReady[] = [];
const deadLetters = new Map<string, string[]>();
const claresLaw = claresLawFlow(() => runtime.url, {
  whole: faultRun.claresLawApplications,
  acrossRestart: faultRun.claresLawApplicationsAcrossRestart,
});
const restricted = restrictedAlertsFlow(() => runtime);
let claresLawLedgerAfter: ReturnType<typeof claresLawLedger> = [];
let restrictedLedgerAfter: ReturnType<typeof restrictedAlertsLedger> | undefined;

const totalFaults = (): number =>
  (faults?.total() ?? 0) + (targeted?.total() ?? 0) + poison.size + testDuplicates + restarts;

const start = () => startTestRuntime({ ports, localDir, log: logs.runtimeLog, failedMessageDelaySeconds: 2 });

const tokenOf = (id: string) => runtime.identityProvider.mintToken(id);

/** Sends each body twice: every message the test puts on a queue is also delivered twice. */
const sendTwice = async (queue: string, bodies: readonly string[]) => {
  await sendBodies(queueUrlOf(queue), [...bodies, ...bodies], testSqs);
  return bodies.length;
};

const documentRequest = (documentType: DocumentType, index: number): string => {
  const id = crypto.randomUUID();
  documentRequests.push(id);
  return JSON.stringify(
    DocumentRequested.parse({
      type: 'document-requested',
      version: 1,
      id,
      occurredAt: new Date().toISOString(),
      correlationId: `fault-run-document-${index}`,
      data: {
        requestId: id,
        requestingService: 'restricted-cases',
        caseId: `FR-DOC-${index}`,
        replyTo: replyQueue,
        documentType,
        templateData: sampleTemplateData(documentType),
      },
    }),
  );
};

let testDuplicates = 0;

/** People who receive notifications: the constable and the PPU officer, by collar number. */
const recipients = ['constable', 'ppu-officer'].map((id) => demoStaffMember(id).collarNumber);

const sendNotifications = async (count: number, offset: number, withPoison: number) => {
  const messages = Array.from({ length: count }, (_, index) =>
    staffNotification(recipients[index % 2] ?? '', offset + index),
  );
  sentNotifications.push(...messages.map((message) => message.id));
  const poisonBodies = Array.from({ length: withPoison }, (_, index) =>
    JSON.stringify({ ...messages[index % messages.length], data: { title: 42 }, id: crypto.randomUUID() }),
  );
  for (const body of poisonBodies) poison.add(body);
  // Poison in the middle of every batch of ten.
  const mixed = messages.flatMap((message, index) => {
    const bad = poisonBodies[index];
    return bad ? [JSON.stringify(message), bad] : [JSON.stringify(message)];
  });
  await sendBodies(queueUrlOf('staff-notifications'), mixed, testSqs);
  await sendBodies(
    queueUrlOf('staff-notifications'),
    messages.map((message) => JSON.stringify(message)),
    testSqs,
  );
  testDuplicates += messages.length;
};

const viewInboxes = async (count: number) => {
  const people = ['constable', 'sergeant', 'ppu-officer', 'superintendent', 'contact-handler'];
  await mapWithConcurrency(
    Array.from({ length: count }, (_, i) => i),
    4,
    async (index) => {
      const response = await send(runtime, {
        method: 'GET',
        path: '/staff/notifications',
        cookies: sessionCookies(await tokenOf(people[index % people.length] ?? 'constable')),
      });
      inboxViews.push({
        status: response.status,
        correlationId: response.headers.get('x-correlation-id') ?? '',
      });
    },
  );
};

/** Every queue some manifest consumes, quiet: nothing waiting, nothing in flight. */
const queuesQuiet = async (): Promise<boolean> => {
  for (const { queue } of consumedQueues()) if ((await depthOf(queueUrlOf(queue), testSqs)) > 0) return false;
  return true;
};

/** The scheduled outbox sweeps, run as if a few minutes had passed. */
const sweepOutboxes = async () => {
  for (const manifest of services) {
    if (!manifest.schedules.some((schedule) => schedule.handler === 'sweep-outbox')) continue;
    for (const table of Object.keys(manifest.tables)) {
      const tableName = process.env[tableEnvName(manifest.name, table)];
      if (tableName) await sweepOutbox(tableName, { now: new Date(Date.now() + 5 * 60_000) });
    }
  }
};

const scanAll = async (tableName: string): Promise<Record<string, unknown>[]> => {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page: ScanCommandOutput = await dynamoDocumentClient().send(
      new ScanCommand({ TableName: tableName, ...(startKey ? { ExclusiveStartKey: startKey } : {}) }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
};

const table = (service: string, name: string): string => process.env[tableEnvName(service, name)] ?? '';

/** The steps the two later flows' invariants rest on, each met often enough to matter. */
const aimedFaults = () =>
  injectTargetedFaults(seed + 1, [
    {
      name: 'claresLawCaseAnswerLost',
      kind: 'answerLost',
      rate: 0.5,
      aimsAt: putsInto(() => table('clares-law', 'cases'), 'SUBMISSION#'),
    },
    {
      name: 'claresLawNotificationLost',
      kind: 'messageLost',
      rate: 0.5,
      aimsAt: sendsTo(
        () => queueUrlOf('staff-notifications'),
        (body) => body.includes('"service":"clares-law"'),
      ),
    },
    {
      name: 'restrictedAuditAnswerLost',
      kind: 'answerLost',
      rate: 0.15,
      aimsAt: putsInto(() => process.env[auditTableEnvName] ?? '', 'CASE#restricted-cases#'),
    },
    {
      name: 'accessAlertLost',
      kind: 'messageLost',
      rate: 0.3,
      aimsAt: sendsTo(() => queueUrlOf('restricted-case-access-alerts')),
    },
    {
      name: 'accessAlertStoreAnswerLost',
      kind: 'answerLost',
      rate: 0.3,
      aimsAt: putsInto(() => table('restricted-cases', 'cases'), 'ALERTS'),
    },
  ]);

beforeAll(async () => {
  logs = captureLogs();
  ports = await testRuntimePorts();
  localDir = mkdtempSync(join(tmpdir(), 'fault-run-'));
  runtime = await start();
  replyQueueUrl = await createReplyQueue(replyQueue);
  // Restricted cases to look at, recorded and restricted while all is calm.
  await restricted.setUp(faultRun.restrictedCases);
  faults = injectFaults(seed);
  targeted = aimedFaults();
  const constable = await tokenOf('constable');
  const superintendent = await tokenOf('superintendent');

  // 1. Steady faults while people use the product.
  faults.set({
    throttleRate: 0.1,
    auditRaceRate: 0.2,
    answerLostRate: 0.03,
    messageLostRate: 0.05,
    duplicateEveryMessage: true,
  });
  targeted.enable(true);
  await Promise.all([
    claresLaw.applyInOneGo(),
    restricted.look(faultRun.restrictedCaseLooks),
    sendNotifications(faultRun.notifications, 0, faultRun.poisonRecords),
    viewInboxes(faultRun.inboxViews),
    (async () => {
      for (let index = 0; index < faultRun.onlineReports; index += 1) {
        reports.push(await reportOnline(new Browser(runtime), inventedPerson(index)));
      }
    })(),
    (async () => {
      for (let index = 0; index < faultRun.dvpnNotices; index += 1) {
        const draft = draftDetails({
          incident: {
            occurredAt: new Date(Date.now() - (index + 2) * 3_600_000).toISOString(),
            location: 'At the address',
            summary: 'Officers attended a report of shouting; the protected person had a cut lip.',
          },
        });
        notices.push(await draftAndAuthoriseNotice(runtime, { constable, superintendent }, draft));
      }
    })(),
    (async () => {
      const types: DocumentType[] = ['dvpn-notice', 'restricted-case-access-report', 'dvpo-application-pack'];
      testDuplicates += await sendTwice(
        'document-requests',
        Array.from({ length: faultRun.documentRequests }, (_, i) =>
          documentRequest(types[i % types.length] ?? 'dvpn-notice', i),
        ),
      );
    })(),
  ]);

  // 2. The documents service's storage down for a while, with requests arriving.
  faults.set({ storageDown: true });
  testDuplicates += await sendTwice(
    'document-requests',
    Array.from({ length: faultRun.documentRequestsDuringOutage }, (_, i) =>
      documentRequest('dvpn-notice', 100 + i),
    ),
  );
  await new Promise((resolve) => setTimeout(resolve, 5_000));
  faults.set({ storageDown: false });

  // 3. The runtime stopped and started again with messages in flight.
  await sendNotifications(faultRun.notificationsAtRestart, 10_000, 0);
  testDuplicates += await sendTwice('document-requests', [documentRequest('dvpn-notice', 200)]);
  await claresLaw.startBeforeRestart();
  await restricted.look(faultRun.restrictedCaseLooksAtRestart);
  await runtime.stop();
  runtime = await start();
  restarts += 1;
  process.env[queueEnvName(replyQueue)] = replyQueueUrl;
  // The applicants halfway through carry on, on the same journey cookie, with the faults still on.
  await claresLaw.finishAfterRestart();

  // The faults stop; what was left behind must now finish on its own (retries, sweeps).
  faults.set({
    throttleRate: 0,
    auditRaceRate: 0,
    answerLostRate: 0,
    messageLostRate: 0,
    duplicateEveryMessage: false,
  });
  targeted.enable(false);
  settled = await eventually(
    async () => {
      await sweepOutboxes();
      for (const message of await drain(replyQueueUrl, testSqs))
        replies.push(DocumentReady.parse(JSON.parse(message.Body ?? '')));
      return queuesQuiet();
    },
    150_000,
    2_000,
  );
  for (const message of await drain(replyQueueUrl, testSqs))
    replies.push(DocumentReady.parse(JSON.parse(message.Body ?? '')));
  for (const { queue } of consumedQueues()) {
    deadLetters.set(
      queue,
      (await drain(deadLetterUrlOf(queue), testSqs)).map((message) => message.Body ?? ''),
    );
  }

  // What the two later flows left in the stores, read once, for their invariants and the summary.
  const auditEntries = await allAuditEntries();
  const inboxItems = await scanAll(table('notifications', 'inbox'));
  const deadNotificationIds = deadEnvelopeIds('staff-notifications');
  claresLawLedgerAfter = claresLawLedger(claresLaw, {
    caseItems: await scanAll(table('clares-law', 'cases')),
    inboxItems,
    deadNotificationIds,
    auditEntries,
  });
  restrictedLedgerAfter = restrictedAlertsLedger(restricted, {
    auditEntries,
    alerts: await storedAccessAlerts(table('restricted-cases', 'cases')),
    inboxItems,
    deadAlertBodies: deadLetters.get('restricted-case-access-alerts') ?? [],
    deadNotificationIds,
    alertsLeftForTheSweep: alertsLeftForTheSweepIn(logs.lines),
  });
}, 400_000);

afterAll(async () => {
  faults?.remove();
  targeted?.remove();
  await runtime?.stop();
  testSqs.destroy();
  if (localDir) rmSync(localDir, { recursive: true, force: true });
  const counts = { ...(faults?.counts ?? {}), ...(targeted?.counts ?? {}) };
  const looks = restricted.attempts;
  const alerts = restrictedLedgerAfter;
  logs?.report(
    `[faults] ${totalFaults()} faults injected: ` +
      `${Object.entries(counts)
        .map(([kind, n]) => `${kind} ${n}`)
        .join(', ')}, duplicates sent by the test ${testDuplicates}, poison records ${poison.size}, ` +
      `runtime restarts ${restarts}. Flows: ${sentNotifications.length} notifications, ${inboxViews.length} inbox views, ` +
      `${reports.length} online reports (${reports.filter((report) => report.reference).length} references shown), ${notices.length} DVPNs, ${documentRequests.length} document requests, ` +
      `${claresLaw.applications.length} Clare's Law applications (${claresLawLedgerAfter.filter((row) => row.reference).length} references shown, ` +
      `${claresLawLedgerAfter.reduce((sum, row) => sum + row.submitsFailed, 0)} sends answered 5xx and pressed again, ` +
      `${claresLawLedgerAfter.reduce((sum, row) => sum + row.serverErrors, 0)} pages answered 5xx in all, ` +
      `${claresLawLedgerAfter.filter((row) => row.unitNotifications === 1).length} PPU notifications stored, ` +
      `${claresLawLedgerAfter.filter((row) => row.reference && row.applyOnlineEntries === 0).length} cases without their apply-online audit entry), ` +
      `${looks.length} looks at ${restricted.cases.length} restricted cases and ${restricted.guessed.length} guessed references ` +
      `(${looks.filter((look) => look.status === 200).length} allowed, ${looks.filter((look) => look.status === 404).length} refused, ` +
      `${looks.filter((look) => look.status >= 500).length} answered 5xx and tried again; ` +
      `${alerts?.alerts.length ?? 0} alerts delivered, ${alerts?.deadAlerts ?? 0} dead-lettered, ` +
      `${alerts?.leftForTheSweep.length ?? 0} alerts refused by the queue and left for the outbox sweep ` +
      `(${alerts?.leftForTheSweep.filter((row) => !row.delivered).length ?? 0} of them never sent), ` +
      `${alerts?.attempts.filter((row) => !row.answered && row.entries === 1).length ?? 0} looks whose request failed after their audit entry ` +
      `(${alerts?.attempts.filter((row) => !row.answered && row.entries === 1 && row.alertsStored + (row.alertDead ? 1 : 0) === 0).length ?? 0} of them never alerted), ` +
      `${alerts?.notices.filter((notice) => notice.stored === 1).length ?? 0} inbox notices); seed ${seed}`,
  );
  logs?.restore();
});

const deadEnvelopeIds = (queue: string): Set<string> =>
  new Set(
    (deadLetters.get(queue) ?? []).flatMap((body) => {
      try {
        const parsed = AnyEnvelope.safeParse(JSON.parse(body));
        return parsed.success ? [parsed.data.id] : [];
      } catch {
        return [];
      }
    }),
  );

describe('After the fault run', () => {
  it(`injected at least ${faultRun.minimumFaults} faults across the flows`, () => {
    const total = totalFaults();

    expect([total >= faultRun.minimumFaults, restarts, faults.counts.storageDown > 0]).toEqual([
      true,
      1,
      true,
    ]);
  });

  it('every staff notification sent is stored exactly once, or sits in the dead-letter queue', async () => {
    const items = await scanAll(table('notifications', 'inbox'));
    const stored = new Map<string, number>();
    for (const item of items) {
      if (typeof item.sk === 'string' && item.sk.startsWith('NOTIFICATION#') && typeof item.id === 'string')
        stored.set(item.id, (stored.get(item.id) ?? 0) + 1);
    }
    const dead = deadEnvelopeIds('staff-notifications');

    const wrong = sentNotifications.filter((id) => {
      const count = stored.get(id) ?? 0;
      return count > 1 || (count === 0 && !dead.has(id));
    });

    expect(wrong).toEqual([]);
  });

  it('every poison record is in the dead-letter queue, and the batches around it went through', () => {
    const dead = new Set(deadLetters.get('staff-notifications') ?? []);

    expect([...poison].filter((body) => !dead.has(body))).toEqual([]);
  });

  it('every inbox view that answered 200 left exactly one audit entry, and no view left two', async () => {
    const byCorrelation = entriesByCorrelation(await allAuditEntries());

    const wrong = inboxViews.filter(({ status, correlationId }) => {
      const entries = (byCorrelation.get(correlationId) ?? []).filter(
        (entry) => entry.action === 'view-inbox',
      );
      return status === 200 ? entries.length !== 1 : entries.length > 1;
    });

    expect([inboxViews.filter((view) => view.status === 200).length > 0, wrong]).toEqual([true, []]);
  });

  it('every audit chain written under faults verifies', async () => {
    const broken = await brokenChains(caseRefsOf(await allAuditEntries()));

    expect(broken).toEqual([]);
  });

  it('every online report whose reference was shown exists exactly once, with one incident log, and none twice', async () => {
    const items = await scanAll(table('online-report', 'reports'));
    const shown = reports.flatMap((report) => (report.reference ? [report.reference] : []));
    const reportsByReference = new Map<string, number>();
    for (const item of items) {
      if (item.sk === 'REFERENCE' && typeof item.pk === 'string') {
        const reference = item.pk.replace(/^REFERENCE#/, '');
        reportsByReference.set(reference, (reportsByReference.get(reference) ?? 0) + 1);
      }
    }
    const storedReports = items.filter((item) => item.sk === 'REPORT').length;
    const incidents = items.filter((item) => item.sk === 'INCIDENT').length;

    // A report may exist whose reference the person never saw (every one of their retries failed; a lost
    // confirmation page is shown again on a retry since SR-4), never the other way round, and a retried submit
    // never makes a second report.
    expect({
      someShown: shown.length > 0,
      missingOrDoubled: shown.filter((reference) => reportsByReference.get(reference) !== 1),
      storedAtLeastShown: storedReports >= shown.length,
      neverMoreThanSubmitted: storedReports <= faultRun.onlineReports,
      oneIncidentPerReport: incidents === storedReports,
    }).toEqual({
      someShown: true,
      missingOrDoubled: [],
      storedAtLeastShown: true,
      neverMoreThanSubmitted: true,
      oneIncidentPerReport: true,
    });
  });

  it('every DVPN authorised has exactly one signed notice issued for it', async () => {
    const register = await scanAll(table('documents', 'register'));
    // Authorised as the store has it: a retried call whose first answer was lost meets 409 ("decided
    // already"), so what the caller saw is not the test of whether the notice was authorised.
    const cases = await scanAll(table('dvpn', 'cases'));
    const statusOf = (caseId: string | undefined) =>
      (cases.find((item) => item.pk === `CASE#${caseId}` && item.sk === 'CASE')?.case as { status?: string })
        ?.status;
    const notYetAuthorised = new Set(['draft', 'awaiting-authorisation', 'refused', undefined]);
    const authorised = notices.filter((notice) => !notYetAuthorised.has(statusOf(notice.caseId)));
    const documentsFor = (caseId: string) =>
      register.filter(
        (item) =>
          typeof item.pk === 'string' &&
          item.pk.startsWith('DOCUMENT#') &&
          item.caseId === caseId &&
          item.requestingService === 'dvpn',
      ).length;

    expect({
      authorised: authorised.length,
      withoutExactlyOne: authorised.flatMap((notice) =>
        notice.caseId && documentsFor(notice.caseId) === 1 ? [] : [notice.caseId],
      ),
    }).toEqual({ authorised: faultRun.dvpnNotices, withoutExactlyOne: [] });
  });

  it("every DVPN's notice is recorded on its audit trail once, however often the answer came (SR-11)", async () => {
    const entries = await allAuditEntries();
    const attachedTwice = notices.flatMap(({ caseId }) => {
      const count = entries.filter(
        (entry) =>
          entry.caseRef.service === 'dvpn' &&
          entry.caseRef.caseId === caseId &&
          entry.action === 'attach-document',
      ).length;
      return count > 1 ? [`${caseId}: ${count}`] : [];
    });

    expect(attachedTwice).toEqual([]);
  });

  it('every document request is issued once and answered, or sits in the dead-letter queue', async () => {
    const register = await scanAll(table('documents', 'register'));
    const dead = deadEnvelopeIds('document-requests');
    const answered = new Map<string, Set<string>>();
    for (const reply of replies) {
      answered.set(
        reply.data.requestId,
        new Set([...(answered.get(reply.data.requestId) ?? []), reply.data.documentId]),
      );
    }

    const wrong = documentRequests.filter((id) => {
      const issued = register.filter(
        (item) => typeof item.pk === 'string' && item.pk.startsWith('DOCUMENT#') && item.requestId === id,
      ).length;
      const documentIds = answered.get(id)?.size ?? 0;
      return dead.has(id) ? issued > 1 : issued !== 1 || documentIds !== 1;
    });

    expect(wrong).toEqual([]);
  });

  it("every Clare's Law application whose reference was shown exists exactly once as that applicant's case, and none exists twice", () => {
    const shown = claresLawLedgerAfter.filter((row) => row.reference);

    // An application may exist whose reference the applicant never saw (every press of "Send" failed), never
    // the other way round; a send pressed again finds the case its journey already made.
    expect({
      someShown: shown.length > 0,
      toldToWait: claresLawLedgerAfter.reduce((sum, row) => sum + row.toldToWait, 0),
      missingOrNotTheirs: shown.flatMap((row) =>
        row.casesUnderReference === 1 && row.referenceIsTheApplicants ? [] : [row.reference],
      ),
      appliedMoreThanOnce: claresLawLedgerAfter.flatMap((row) =>
        row.casesForApplicant > 1 ? [`${row.casesForApplicant} cases`] : [],
      ),
    }).toEqual({ someShown: true, toldToWait: 0, missingOrNotTheirs: [], appliedMoreThanOnce: [] });
  });

  it("every Clare's Law case shown to its applicant has its online application audited exactly once (SR-9)", () => {
    const shown = claresLawLedgerAfter.filter((row) => row.reference);

    expect(
      shown.flatMap((row) =>
        row.applyOnlineEntries === 1 ? [] : [`${row.reference}: ${row.applyOnlineEntries}`],
      ),
    ).toEqual([]);
  });

  it("every Clare's Law case shown to its applicant has its PPU notification exactly once, or in the dead-letter queue", () => {
    const wrong = claresLawLedgerAfter.filter(
      (row) =>
        row.reference &&
        !(row.unitNotifications === 1 || (row.unitNotifications === 0 && row.unitNotificationDead)),
    );

    expect(wrong.map((row) => `${row.reference}: ${row.unitNotifications} stored`)).toEqual([]);
  });

  it('every look at a restricted case that answered left exactly one audit entry, with the outcome shown; no look left two', () => {
    const rows = restrictedLedgerAfter?.attempts ?? [];
    const wrong = rows.filter(({ attempt, answered, entries, outcomes }) =>
      answered
        ? entries !== 1 ||
          attempt.status !== attempt.expectedStatus ||
          outcomes[0] !== (attempt.status === 200 ? 'allowed' : 'denied')
        : entries > 1,
    );

    expect({
      allowed: rows.some((row) => row.attempt.status === 200),
      refused: rows.some((row) => row.attempt.status === 404),
      wrong: wrong.map(
        ({ attempt, entries }) =>
          `${attempt.who} ${attempt.reference}: ${attempt.status}, ${entries} entries`,
      ),
    }).toEqual({ allowed: true, refused: true, wrong: [] });
  });

  it("every look on a restricted case's audit chain has its alert in PSD's alerts inbox exactly once or in the dead-letter queue, whatever the person was shown; no alert is there without its entry (SR-10)", () => {
    const ledger = restrictedLedgerAfter;
    // The entry and the alert are written in one transaction: a look on the chain was alerted even when its
    // request then failed, and a look whose write failed left neither.
    const unalerted = (ledger?.attempts ?? []).filter(({ entries, alertsStored, alertDead }) =>
      entries === 0 ? alertDead : !(alertsStored === 1 || (alertsStored === 0 && alertDead)),
    );

    expect({
      alerts: (ledger?.alerts.length ?? 0) > 0,
      auditedWhenTheRequestFailed: (ledger?.attempts ?? []).some(
        ({ answered, entries }) => !answered && entries === 1,
      ),
      unalerted: unalerted.map(
        ({ attempt, entries, alertsStored }) =>
          `${attempt.who} ${attempt.reference}: ${attempt.status}, ${entries} entries, ${alertsStored} alerts`,
      ),
      withoutTheirAuditEntry: (ledger?.alerts ?? [])
        .filter(({ auditEntries }) => auditEntries !== 1)
        .map(({ alert, auditEntries }) => `${alert.id}: ${auditEntries} entries`),
      leftForTheSweepAndNeverSent: (ledger?.leftForTheSweep ?? [])
        .filter(({ delivered }) => !delivered)
        .map(({ alertId }) => alertId),
    }).toEqual({
      alerts: true,
      auditedWhenTheRequestFailed: true,
      unalerted: [],
      withoutTheirAuditEntry: [],
      leftForTheSweepAndNeverSent: [],
    });
  });

  it('every inbox notice an access alert causes is stored exactly once, or sits in the dead-letter queue', () => {
    const notices = restrictedLedgerAfter?.notices ?? [];

    expect({
      notices: notices.length > 0,
      wrong: notices.filter(({ stored, dead }) => !(stored === 1 || (stored === 0 && dead))),
      storedBeyondTheirAlerts:
        (restrictedLedgerAfter?.alertNoticesStored ?? 0) - notices.filter(({ stored }) => stored > 0).length,
    }).toEqual({ notices: true, wrong: [], storedBeyondTheirAlerts: 0 });
  });

  it("the restricted cases' audit chains, looked at under faults, verify", async () => {
    const caseRefs = [...restricted.cases, ...restricted.guessed].map((caseId) => ({
      service: 'restricted-cases',
      caseId,
    }));

    expect({
      cases: restricted.cases.length,
      broken: await brokenChains(caseRefs),
    }).toEqual({ cases: faultRun.restrictedCases, broken: [] });
  });

  it('no queue is left holding work, and every dead letter is one the run can account for', () => {
    const unexplained = [...deadLetters.entries()].flatMap(([queue, bodies]) =>
      bodies
        .filter((body) => {
          if (poison.has(body)) return false;
          try {
            return !AnyEnvelope.safeParse(JSON.parse(body)).success;
          } catch {
            return true;
          }
        })
        .map(() => queue),
    );

    expect({ settled, unexplained }).toEqual({ settled: true, unexplained: [] });
  });
});
