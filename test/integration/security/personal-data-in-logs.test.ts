import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalRuntime } from '../../../infra/local/runtime.ts';
import { s3Client, sqsClient } from '../../../shared/aws/clients.ts';
import { bucketEnvName } from '../../../shared/manifest/names.ts';
import { startTestRuntime } from '../../support/runtime.ts';
import { Browser } from '../../support/security/browser.ts';
import { type FaultInjector, injectFaults } from '../../support/security/faults.ts';
import {
  draftAndAuthoriseNotice,
  inventedPerson,
  type Person,
  personalDataOf,
  reportOnline,
} from '../../support/security/journeys.ts';
import { captureLogs, type LogCapture } from '../../support/security/log-capture.ts';
import {
  consumedQueues,
  depthOf,
  eventually,
  queueUrlOf,
  testSqsClient,
} from '../../support/security/queues.ts';
import { postJson } from '../../support/security/site-client.ts';
import { draftDetails } from '../../unit/dvpn/fixtures.ts';

/**
 * Personal data never reaches a log line, a queue attribute or a storage key (ASVS 14.1.1, 16.2.5; ARCHITECTURE.md
 * "Data"). The journeys run with invented people, including a form refused for a bad field and requests that fail
 * on our side; everything the process wrote is then searched for their names, dates of birth, phone numbers and
 * addresses.
 */
let runtime: LogCaptureRuntime;
type LogCaptureRuntime = LocalRuntime;
let logs: LogCapture;
let faults: FaultInjector;
const people: Person[] = Array.from({ length: 6 }, (_, index) => inventedPerson(100 + index));
const messageAttributes: string[] = [];
const testSqs = testSqsClient();

type Handler = (args: { input: unknown }) => Promise<unknown>;

beforeAll(async () => {
  logs = captureLogs();
  runtime = await startTestRuntime({ log: logs.runtimeLog });
  faults = injectFaults(7);
  // Every message attribute any handler sends, to search as well.
  (sqsClient().middlewareStack as unknown as { add: (m: unknown, o: unknown) => void }).add(
    (next: Handler) => async (args: { input: unknown }) => {
      const input = args.input as {
        MessageAttributes?: unknown;
        Entries?: { MessageAttributes?: unknown }[];
      };
      messageAttributes.push(
        JSON.stringify(
          input.MessageAttributes ?? input.Entries?.map((entry) => entry.MessageAttributes) ?? {},
        ),
      );
      return next(args);
    },
    { step: 'initialize', name: 'test-spy-message-attributes' },
  );
  const [reporter, reporterDuringFaults, recipient, protectedPerson, staffVictim, refused] = people as [
    Person,
    Person,
    Person,
    Person,
    Person,
    Person,
  ];
  const constable = await runtime.identityProvider.mintToken('constable');
  const superintendent = await runtime.identityProvider.mintToken('superintendent');

  // A public report of domestic abuse: it becomes an incident log, a dispatch and a duty-sergeant alert.
  await reportOnline(new Browser(runtime), reporter);

  // The same while a third of DynamoDB calls fail: errors are logged, with whatever the handlers log about them.
  faults.set({ throttleRate: 0.3 });
  await reportOnline(new Browser(runtime), reporterDuringFaults);
  faults.set({ throttleRate: 0 });

  // A DVPN with its recipient and protected person, authorised, so a signed notice is rendered with their names.
  const [day, month, year] = recipient.dateOfBirth;
  const draft = draftDetails({
    recipient: {
      name: recipient.fullName,
      dateOfBirth: `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
      address: recipient.address,
    },
    protectedPerson: { name: protectedPerson.fullName, association: 'intimate-personal-relationship' },
    premisesAddress: recipient.address,
    incident: {
      occurredAt: new Date(Date.now() - 3 * 3_600_000).toISOString(),
      location: recipient.address,
      summary: `Threatened ${protectedPerson.fullName} by phone on ${protectedPerson.phone}.`,
    },
  });
  await draftAndAuthoriseNotice(runtime, { constable, superintendent }, draft);

  // A draft the API refuses for one bad field, with a person's details in the rest.
  await postJson(
    runtime,
    '/api/dvpn',
    { ...draft, recipient: { ...draft.recipient, name: refused.fullName, dateOfBirth: 'not a date' } },
    constable,
  );

  // A member of staff's confidential report naming their abuser.
  const staff = new Browser(runtime).signIn(await runtime.identityProvider.mintToken('ppu-officer'));
  await staff.get('/staff/restricted-cases/report');
  await staff.post('/staff/restricted-cases/report', {
    whatHappened: `${staffVictim.fullName} rings me on ${staffVictim.phone} and waits at ${staffVictim.address}.`,
    abuserIsStaff: 'no',
    abuserCollarNumber: '',
    supportWanted: ['line-manager'],
    consentToShareWith: ['line-manager'],
    acknowledged: ['yes'],
  });

  // Everything the journeys set off (incident logs, alerts, documents) finishes before the search.
  await eventually(async () => {
    for (const { queue } of consumedQueues())
      if ((await depthOf(queueUrlOf(queue), testSqs)) > 0) return false;
    return true;
  }, 90_000);
}, 240_000);

afterAll(async () => {
  faults?.remove();
  await runtime?.stop();
  testSqs.destroy();
  logs?.report(
    `[security] personal data: searched ${logs?.lines.length ?? 0} captured log lines and ${messageAttributes.length} ` +
      `message attribute sets for ${people.length} invented people`,
  );
  logs?.restore();
});

/** Which of the person's details appear in the text, by kind, never the text itself. */
const foundIn = (text: string, person: Person): string[] =>
  personalDataOf(person)
    .map((value, index) => ({ value, index }))
    .filter(({ value }) => text.includes(value))
    .map(
      ({ index }) =>
        [
          'name',
          'name (lower case)',
          'surname',
          'date of birth',
          'phone',
          'phone (digits)',
          'address',
          'street',
        ][index] ?? 'detail',
    );

describe('No personal data in logs, queue attributes or storage keys (ASVS 14.1.1, 16.2.5)', () => {
  it('the journeys ran and were logged', () => {
    expect([logs.lines.length > 50, faults.counts.throttled > 0]).toEqual([true, true]);
  });

  it.each(people.map((person, index) => [index, person] as const))(
    'person %i: no name, date of birth, phone number or address in any captured log line',
    (_, person) => {
      const leaks = logs.lines.flatMap((line, lineNumber) =>
        foundIn(line, person).map((kind) => `${kind} on line ${lineNumber}`),
      );

      expect(leaks).toEqual([]);
    },
  );

  it('no personal data in any message attribute a handler sent', () => {
    const leaks = people.flatMap((person) =>
      messageAttributes.flatMap((attributes) => foundIn(attributes, person)),
    );

    expect([messageAttributes.length > 0, leaks]).toEqual([true, []]);
  });

  it('no personal data in the keys of stored documents', async () => {
    const listed = await s3Client().send(
      new ListObjectsV2Command({ Bucket: process.env[bucketEnvName('documents', 'signed')] }),
    );
    const keys = (listed.Contents ?? []).map((object) => object.Key ?? '').join('\n');

    expect([keys.length > 0, people.flatMap((person) => foundIn(keys, person))]).toEqual([true, []]);
  });
});
