import { describe, expect, it } from 'vitest';
import { useLocalEnvironment } from '../../support/use-local-environment.ts';

useLocalEnvironment();
const { dynamoDocumentClient } = await import('../../../shared/aws/clients.ts');
const { memoryPublisher } = await import('../../../shared/messaging/memory-publisher.ts');
const { dynamoCaseRepository } = await import(
  '../../../services/restricted-cases/adapters/dynamo-case-repository.ts'
);
const { dynamoAlertInbox } = await import(
  '../../../services/restricted-cases/adapters/dynamo-alert-inbox.ts'
);
const { casesTableName } = await import('../../../services/restricted-cases/composition-root.ts');
const { caseIdFrom } = await import('../../../services/restricted-cases/domain/ids.ts');
const { ConcurrentChangeError } = await import('../../../services/restricted-cases/domain/errors.ts');
const { allegationCase, conflict, fileOf, grant, member, person } = await import(
  '../../unit/restricted-cases/fixtures.ts'
);
const { randomBytes, randomUUID } = await import('node:crypto');

const publisher = memoryPublisher();
const repository = dynamoCaseRepository(dynamoDocumentClient(), casesTableName(), { publisher });
const newId = () => caseIdFrom(new Uint8Array(randomBytes(8)));
const uniqueCollar = () => `T${randomUUID().slice(0, 6).toUpperCase()}`;

describe('The restricted-cases table (DynamoDB Local; its own KMS key in AWS)', () => {
  it('a case is read back whole: record, access list, conflicts and grants', async () => {
    const id = newId();
    const file = fileOf(allegationCase({ id, version: 0 }), {
      members: [member('2288', 'investigating-team')],
      conflicts: [conflict('2107')],
      grants: [grant(person('3350', 'constable', 'PPU'), 'pending')],
    });

    await repository.create(file, []);

    expect(await repository.load(id)).toEqual(file);
  });

  it('a case id already taken is refused', async () => {
    const file = fileOf(allegationCase({ id: newId(), version: 0 }));
    await repository.create(file, []);

    await expect(repository.create(file, [])).rejects.toThrow(ConcurrentChangeError);
  });

  it('a save writes what changed, and removes what went', async () => {
    const id = newId();
    const first = fileOf(allegationCase({ id, version: 0 }), {
      members: [member('2288', 'investigating-team')],
      conflicts: [conflict('2107')],
    });
    await repository.create(first, []);
    const next = {
      ...first,
      case: { ...first.case, version: 1 },
      conflicts: [],
      members: [
        member('2288', 'investigating-team'),
        member('3350', 'named', new Date('2027-01-01T00:00:00Z')),
      ],
    };

    await repository.save(first, next, []);

    expect(await repository.load(id)).toEqual(next);
  });

  it('a save from a stale read is refused (optimistic locking)', async () => {
    const id = newId();
    const first = fileOf(allegationCase({ id, version: 0 }));
    await repository.create(first, []);
    await repository.save(first, { ...first, case: { ...first.case, version: 1, stage: 'closed' } }, []);

    await expect(
      repository.save(first, { ...first, case: { ...first.case, version: 1 } }, []),
    ).rejects.toThrow(ConcurrentChangeError);
  });

  it('finds cases by crime number, by suspect and by access-list member through their indexes', async () => {
    const id = newId();
    const suspectCollar = uniqueCollar();
    const memberCollar = uniqueCollar();
    const crimeNumber = `20/${randomUUID().slice(0, 6)}/26`;
    await repository.create(
      fileOf(
        allegationCase({
          id,
          version: 0,
          suspect: {
            collarNumber: suspectCollar,
            displayName: 'PC Test',
            rank: 'constable',
            department: 'CID',
          },
          references: { crimeNumber, callLogRefs: [] },
        }),
        { members: [member(memberCollar, 'investigating-team')] },
      ),
      [],
    );

    expect(await repository.idsByCrimeNumber(` ${crimeNumber.toLowerCase()} `)).toEqual([id]);
    expect(await repository.idsBySuspect(suspectCollar)).toEqual([id]);
    expect(await repository.idsByMember(memberCollar)).toEqual([id]);
  });

  it('lists open cases newest first and closed cases apart', async () => {
    const older = fileOf(allegationCase({ id: newId(), version: 0, createdAt: '2099-01-01T00:00:00.000Z' }));
    const newer = fileOf(allegationCase({ id: newId(), version: 0, createdAt: '2099-01-02T00:00:00.000Z' }));
    const closed = fileOf(
      allegationCase({ id: newId(), version: 0, createdAt: '2099-01-03T00:00:00.000Z', stage: 'closed' }),
    );
    for (const file of [older, newer, closed]) await repository.create(file, []);

    const open = (await repository.listCases('open', 2)).map((theCase) => theCase.id);

    expect(open).toEqual([newer.case.id, older.case.id]);
    expect((await repository.listCases('closed', 5)).map((theCase) => theCase.id)).toContain(closed.case.id);
  });

  it('a pending request waits in PSD’s queue until it is decided', async () => {
    const id = newId();
    const waiting = fileOf(allegationCase({ id, version: 0 }), {
      grants: [grant(person('3350', 'constable', 'PPU'), 'pending')],
    });
    await repository.create(waiting, []);
    expect((await repository.grantsAwaitingAction()).map((item) => item.caseId)).toContain(id);

    const decided = {
      ...waiting,
      case: { ...waiting.case, version: 1 },
      grants: [grant(person('3350', 'constable', 'PPU'), 'refused')],
    };
    await repository.save(waiting, decided, []);

    expect((await repository.grantsAwaitingAction()).map((item) => item.caseId)).not.toContain(id);
  });
});

describe('PSD’s alerts inbox', () => {
  const inbox = dynamoAlertInbox(dynamoDocumentClient(), casesTableName());

  it('stores an alert once however often it is delivered', async () => {
    const alert = {
      id: randomUUID(),
      caseId: 'RC-AAAA-BBBB-CCCC',
      caseKnown: true,
      action: 'open' as const,
      outcome: 'denied' as const,
      decision: 'denied: not on the access list',
      actor: { collarNumber: '2107', rank: 'sergeant' as const, department: 'FORCE_RESPONSE' as const },
      at: '2099-12-31T23:59:59.000Z',
    };

    expect(await inbox.add(alert)).toBe(true);
    expect(await inbox.add(alert)).toBe(false);
    expect((await inbox.recent(5))[0]).toEqual(alert);
  });
});
