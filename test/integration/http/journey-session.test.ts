import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

const environment = useLocalEnvironment();
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
const { dynamoJourneySessionStore } = await import('../../../shared/http/journey-session-dynamo.ts');
const { journeyCookie, newJourneyId, openJourney } = await import('../../../shared/http/journey-session.ts');

const sessionsTable = environment.TABLE_PLATFORM_SESSIONS ?? '';

/** A service's own answers type, as each service declares it. */
const Answers = z.object({ answers: z.record(z.string(), z.string()), reachedCheckAnswers: z.boolean() });
type Answers = z.infer<typeof Answers>;

/** A store of its own scope for each test, so tests sharing the table never meet. */
const storeFor = (scope = `test-journey-${randomUUID()}`) => ({
  scope,
  store: dynamoJourneySessionStore<Answers>({
    client: dynamoDocumentClient(),
    tableName: sessionsTable,
    scope,
    schema: Answers,
  }),
});

const keyOf = (scope: string, id: string): string =>
  `${scope}#${createHash('sha256').update(id).digest('base64url')}`;

const rawItem = async (scope: string, id: string) =>
  (
    await dynamoDocumentClient().send(
      new GetCommand({ TableName: sessionsTable, Key: { pk: keyOf(scope, id) }, ConsistentRead: true }),
    )
  ).Item;

const answers: Answers = { answers: { subjectName: 'Sam Example' }, reachedCheckAnswers: true };
const at = (start: Date, seconds: number): Date => new Date(start.getTime() + seconds * 1000);
const epochSeconds = (date: Date): number => Math.floor(date.getTime() / 1000);

describe('Journey sessions: server-side, keyed by an unguessable id the store never holds (shared/http/journey-session.ts)', () => {
  it('keeps the answers under the scope and the SHA-256 of the id, never the id itself', async () => {
    const { scope, store } = storeFor();
    const id = newJourneyId();
    const now = new Date();

    await store.save(id, answers, now);
    const item = await rawItem(scope, id);

    expect([item, JSON.stringify(item).includes(id), await store.load(id, now)]).toEqual([
      {
        pk: keyOf(scope, id),
        journey: { status: 'in-progress', state: answers },
        expiresAt: epochSeconds(now) + 3600,
      },
      false,
      { status: 'in-progress', state: answers },
    ]);
  });

  it('two services with the same id never read each other’s journey', async () => {
    const first = storeFor();
    const second = storeFor();
    const id = newJourneyId();
    await first.store.save(id, answers, new Date());

    expect(await second.store.load(id, new Date())).toBeUndefined();
  });

  it('anything that is not a journey id finds nothing and is never written', async () => {
    const { store } = storeFor();

    const found = await Promise.all(
      ['', 'abc', `${newJourneyId()}x`, `${newJourneyId().slice(0, 42)}!`].map((id) =>
        store.load(id, new Date()),
      ),
    );

    expect(found).toEqual([undefined, undefined, undefined, undefined]);
    await expect(store.save('abc', answers, new Date())).rejects.toThrow(TypeError);
    await expect(store.markSent('abc', 'REF-1', new Date())).rejects.toThrow(TypeError);
  });
});

describe('Journey sessions: answers are forgotten after an hour without a save (TTL, checked on read)', () => {
  it('a journey is there until the hour is up and gone from then on, whatever TTL deletion has done', async () => {
    const { store } = storeFor();
    const id = newJourneyId();
    const saved = new Date();
    await store.save(id, answers, saved);

    const states = await Promise.all([at(saved, 3599), at(saved, 3600)].map((when) => store.load(id, when)));

    expect(states.map((state) => state?.status)).toEqual(['in-progress', undefined]);
  });

  it('every save starts the hour again', async () => {
    const { scope, store } = storeFor();
    const id = newJourneyId();
    const first = new Date();
    await store.save(id, answers, first);

    await store.save(id, answers, at(first, 1800));

    expect([(await rawItem(scope, id))?.expiresAt, (await store.load(id, at(first, 3700)))?.status]).toEqual([
      epochSeconds(at(first, 1800)) + 3600,
      'in-progress',
    ]);
  });
});

describe('Journey sessions: once sent, the reference alone for 15 minutes', () => {
  it('sending replaces the answers with the reference, kept 15 minutes from sending', async () => {
    const { scope, store } = storeFor();
    const id = newJourneyId();
    const sent = new Date();
    await store.save(id, answers, sent);

    await store.markSent(id, 'REF-0001', sent);
    const item = await rawItem(scope, id);

    expect([item, await store.load(id, at(sent, 899)), await store.load(id, at(sent, 900))]).toEqual([
      {
        pk: keyOf(scope, id),
        journey: { status: 'sent', reference: 'REF-0001' },
        expiresAt: epochSeconds(sent) + 900,
      },
      { status: 'sent', reference: 'REF-0001' },
      undefined,
    ]);
  });

  it('reading a sent journey changes nothing: the same reference every time', async () => {
    const { store } = storeFor();
    const id = newJourneyId();
    const sent = new Date();
    await store.markSent(id, 'REF-0002', sent);

    const reads = [
      await store.load(id, sent),
      await store.load(id, at(sent, 60)),
      await store.load(id, at(sent, 600)),
    ];

    expect(reads).toEqual(Array(3).fill({ status: 'sent', reference: 'REF-0002' }));
  });
});

describe('Journey sessions: forget', () => {
  it('forgets a journey at once, answers or reference', async () => {
    const { scope, store } = storeFor();
    const answering = newJourneyId();
    const sent = newJourneyId();
    await store.save(answering, answers, new Date());
    await store.markSent(sent, 'REF-0003', new Date());

    await store.forget(answering);
    await store.forget(sent);

    expect([await rawItem(scope, answering), await rawItem(scope, sent)]).toEqual([undefined, undefined]);
  });

  it('forgetting what is not a journey id, or a journey already gone, is no error', async () => {
    const { store } = storeFor();

    await expect(Promise.all([store.forget('abc'), store.forget(newJourneyId())])).resolves.toEqual([
      undefined,
      undefined,
    ]);
  });
});

describe('Journey sessions: each service’s own answers type', () => {
  it('answers that are not the service’s type are refused before anything is written', async () => {
    const { scope, store } = storeFor();
    const id = newJourneyId();

    await expect(
      store.save(id, { answers: { subjectName: 42 } } as unknown as Answers, new Date()),
    ).rejects.toThrow();

    expect(await rawItem(scope, id)).toBeUndefined();
  });

  it('an item that does not read as a journey of the service is no journey', async () => {
    const { scope, store } = storeFor();
    const id = newJourneyId();
    const expiresAt = epochSeconds(new Date()) + 3600;
    await dynamoDocumentClient().send(
      new PutCommand({
        TableName: sessionsTable,
        Item: { pk: keyOf(scope, id), journey: { status: 'in-progress', state: { step: 3 } }, expiresAt },
      }),
    );

    expect(await store.load(id, new Date())).toBeUndefined();
  });
});

describe('Journey sessions: what a page opens from its cookie', () => {
  const cookie = journeyCookie('__Host-test-journey');

  it('the journey the cookie names: none, the answers so far, or the sent reference', async () => {
    const { store } = storeFor();
    const answering = newJourneyId();
    const sent = newJourneyId();
    const now = new Date();
    await store.save(answering, answers, now);
    await store.markSent(sent, 'REF-0004', now);

    const opened = await Promise.all(
      [{}, { [cookie.name]: newJourneyId() }, { [cookie.name]: answering }, { [cookie.name]: sent }].map(
        (cookies) => openJourney(cookies, cookie, store, now),
      ),
    );

    expect(opened).toEqual([
      { status: 'none' },
      { status: 'none' },
      { id: answering, status: 'in-progress', state: answers },
      { id: sent, status: 'sent', reference: 'REF-0004' },
    ]);
  });
});
