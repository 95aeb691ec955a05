import { describe, expect, it } from 'vitest';
import {
  allCases,
  askForSafeguardingAccess,
  attachAccessReport,
  breakGlassAccess,
  type Caller,
  caseRefOf,
  changeCaseRestriction,
  decide,
  makeVictimReport,
  myCases,
  openCase,
  recordNewAllegation,
  requestAccessReport,
  searchCases,
} from '../../../services/restricted-cases/case-service.ts';
import { AccessAttempted } from '../../../services/restricted-cases/contracts.ts';
import type { AccessAction } from '../../../services/restricted-cases/domain/access.ts';
import type { AllegationCommand } from '../../../services/restricted-cases/domain/allegation.ts';
import {
  CaseNotFoundError,
  NotPermittedError,
  RuleRefusedError,
} from '../../../services/restricted-cases/domain/errors.ts';
import { DocumentRequested } from '../../../shared/contracts/documents.ts';
import { StaffNotificationRequested } from '../../../shared/contracts/staff-notification.ts';
import { at, callerAs, type TestService, testService } from './support.ts';

const allegation: AllegationCommand = {
  suspectCollarNumber: '4021',
  victimDescription: 'The suspect’s partner',
  summary: 'Assault at home',
  criminal: true,
  crimeNumber: '20/1234/26',
  callLogRefs: ['LOG-77'],
  receivedAs: 'victim-report',
  urgentSafeguarding: false,
};

const recordAndRestrict = async (service: TestService): Promise<string> => {
  const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), allegation);
  await changeCaseRestriction(service.deps, callerAs('0874'), caseId, 'restrict', {
    reason: 'Police suspect',
    crimeNumber: '20/1234/26',
    callLogRefs: ['LOG-77'],
  });
  return caseId;
};

const alertsOf = (service: TestService) =>
  service.alerts.queued.map((outgoing) => AccessAttempted.parse(outgoing.message).data);

const lastEntry = async (service: TestService, caseId: string) =>
  (await service.audit.entries(caseRefOf(caseId))).at(-1);

describe('Every attempt is audited and alerted, allowed or denied (APP "Access to records"; DPA 2018 s.62)', () => {
  const attempts: Record<
    'open' | 'search' | 'list' | 'export',
    (service: TestService, caller: Caller, caseId: string) => Promise<unknown>
  > = {
    open: (service, caller, caseId) => openCase(service.deps, caller, caseId),
    search: (service, caller, caseId) => searchCases(service.deps, caller, caseId),
    list: (service, caller) =>
      caller.principal.department === 'PSD' ? allCases(service.deps, caller) : myCases(service.deps, caller),
    export: (service, caller, caseId) => requestAccessReport(service.deps, caller, caseId),
  };
  const people = [
    ['the suspect', '4021'],
    ['the suspect’s sergeant, barred', '2107'],
    ['a PSD investigator', '2731'],
    ['the domestic abuse supervisor', '2288'],
    ['a call handler', 'S60213'],
    ['a chief inspector not on the list', '0874'],
  ] as const;
  const rows = people.flatMap(([who, collar]) =>
    (['open', 'search', 'export'] as const).map((action) => [who, collar, action] as const),
  );

  it.each(rows)(
    '%s (%s): %s is written to the case’s chain with the decided outcome',
    async (_who, collar, action) => {
      const service = testService();
      const caseId = await recordAndRestrict(service);
      const caller = callerAs(collar);
      const file = await service.cases.load(caseId);
      if (!file) throw new Error('case missing');
      const expected = decide(caller.principal, file, action as AccessAction, caller.now).allowed
        ? 'allowed'
        : 'denied';
      const before = (await service.audit.entries(caseRefOf(caseId))).length;

      await attempts[action](service, caller, caseId).catch(() => undefined);

      const entries = await service.audit.entries(caseRefOf(caseId));
      expect(entries).toHaveLength(before + 1);
      expect(entries.at(-1)).toMatchObject({ actor: { collarNumber: collar }, outcome: expected });
      expect(alertsOf(service).at(-1)).toMatchObject({ caseId, action, outcome: expected });
    },
  );

  it('listing writes one entry for each case listed', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    await myCases(service.deps, callerAs('2288'));

    expect(await lastEntry(service, caseId)).toMatchObject({ action: 'list-case', outcome: 'allowed' });
  });
});

describe('A case this person may not see looks exactly like one that does not exist', () => {
  it('a guessed reference is "not found" and is audited and alerted as a probe', async () => {
    const service = testService();

    await expect(openCase(service.deps, callerAs('2107'), 'RC-ZZZZ-ZZZZ-ZZZZ')).rejects.toThrow(
      CaseNotFoundError,
    );

    expect(await lastEntry(service, 'RC-ZZZZ-ZZZZ-ZZZZ')).toMatchObject({
      outcome: 'denied',
      reason: 'denied: no case with that reference',
    });
    expect(alertsOf(service).at(-1)).toMatchObject({ caseId: 'RC-ZZZZ-ZZZZ-ZZZZ', caseKnown: false });
  });

  it('a real restricted case opened by a colleague is the same "not found"', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    const refusal = await openCase(service.deps, callerAs('S60213'), caseId).catch((error: unknown) => error);

    expect(refusal).toBeInstanceOf(CaseNotFoundError);
    expect((refusal as Error).message).toBe(new CaseNotFoundError().message);
  });

  it('a search never reveals a restricted case to someone not on its list, not even by count', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    const bySuspect = await searchCases(service.deps, callerAs('2107'), '4021');
    const byCrime = await searchCases(service.deps, callerAs('S60213'), '20/1234/26');

    expect(bySuspect).toEqual([]);
    expect(byCrime).toEqual([]);
    expect(await lastEntry(service, caseId)).toMatchObject({
      action: 'find-case-in-search',
      outcome: 'denied',
    });
  });

  it('someone on the list finds it by the suspect’s collar number', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    const found = await searchCases(service.deps, callerAs('2288'), '4021');

    expect(found.map((file) => file.case.id)).toEqual([caseId]);
  });
});

describe('Faults never part an audit entry from its alert', () => {
  it('when the entry and alert cannot be written the request fails before anything is shown, leaving neither', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);
    const entriesBefore = (await service.audit.entries(caseRefOf(caseId))).length;
    const alertsBefore = service.alerts.queued.length;
    service.alerts.failing = true;

    await expect(openCase(service.deps, callerAs('2107'), caseId)).rejects.toThrow('store unavailable');

    expect(await service.audit.entries(caseRefOf(caseId))).toHaveLength(entriesBefore);
    expect(service.alerts.queued).toHaveLength(alertsBefore);
  });

  it('every attempt on the chain has its own alert, naming the same person, action, outcome and moment', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    await expect(openCase(service.deps, callerAs('2107'), caseId)).rejects.toThrow(CaseNotFoundError);
    await openCase(service.deps, callerAs('2288'), caseId);

    const looks = (await service.audit.entries(caseRefOf(caseId))).filter(
      (entry) => entry.action === 'open-case',
    );
    const alerts = alertsOf(service).filter((alert) => alert.action === 'open');
    expect(looks.map((entry) => [entry.actor, entry.outcome, entry.at])).toEqual(
      alerts.map((alert) => [alert.actor, alert.outcome, alert.at]),
    );
    expect(looks.map((entry) => entry.outcome)).toEqual(['denied', 'allowed']);
  });
});

describe('Restriction through the service (PP/04 §7.2)', () => {
  it('an inspector who can see the unrestricted case is refused, audited and the case is unchanged', async () => {
    const service = testService();
    const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), allegation);

    await expect(
      changeCaseRestriction(service.deps, callerAs('1180'), caseId, 'restrict', {
        reason: 'r',
        callLogRefs: [],
      }),
    ).rejects.toThrow(NotPermittedError);

    expect(await lastEntry(service, caseId)).toMatchObject({ action: 'restrict-case', outcome: 'denied' });
    expect((await service.cases.load(caseId))?.case.restriction.state).toBe('unrestricted');
  });

  it('a chief inspector restricts it; the colleague who could open it before is refused after', async () => {
    const service = testService();
    const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), allegation);
    await openCase(service.deps, callerAs('S60213'), caseId);

    await changeCaseRestriction(service.deps, callerAs('0874'), caseId, 'restrict', {
      reason: 'Police suspect',
      callLogRefs: [],
    });

    await expect(openCase(service.deps, callerAs('S60213'), caseId)).rejects.toThrow(CaseNotFoundError);
  });

  it('a restriction with no reason is refused and audited as denied with the rule', async () => {
    const service = testService();
    const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), allegation);

    await expect(
      changeCaseRestriction(service.deps, callerAs('0874'), caseId, 'restrict', {
        reason: '',
        callLogRefs: [],
      }),
    ).rejects.toThrow(RuleRefusedError);

    expect((await lastEntry(service, caseId))?.reason).toMatch(/refused: Enter the reason/);
  });
});

describe('Recording an allegation through the service (PP/04 §7.2)', () => {
  it('sends an urgent staff notification to each routed recipient with the case', async () => {
    const service = testService();

    const { caseId } = await recordNewAllegation(service.deps, callerAs('1180'), allegation);

    const audiences = service.cases.sent.map(
      (outgoing) => StaffNotificationRequested.parse(outgoing.message).data.audience,
    );
    expect(audiences).toEqual([
      expect.objectContaining({ kind: 'group', department: 'PSD' }),
      { kind: 'person', collarNumber: 'C002' },
      { kind: 'person', collarNumber: '0311' },
      { kind: 'person', collarNumber: '2288' },
    ]);
    expect(await lastEntry(service, caseId)).toMatchObject({
      action: 'record-allegation',
      outcome: 'allowed',
    });
  });

  it('a sergeant may not record it: refused and audited', async () => {
    const service = testService();

    await expect(recordNewAllegation(service.deps, callerAs('2107'), allegation)).rejects.toThrow(
      NotPermittedError,
    );

    expect(service.audit.all().at(-1)).toMatchObject({ action: 'record-allegation', outcome: 'denied' });
  });
});

describe('Safeguarding access through the service (APP "Access to records")', () => {
  it('break glass without a reason is refused and audited as denied; no access follows', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    await expect(breakGlassAccess(service.deps, callerAs('3350'), caseId, '  ')).rejects.toThrow(
      RuleRefusedError,
    );

    expect(await lastEntry(service, caseId)).toMatchObject({ action: 'break-glass', outcome: 'denied' });
    await expect(openCase(service.deps, callerAs('3350'), caseId)).rejects.toThrow(CaseNotFoundError);
  });

  it('break glass with a reason opens the case at once and PSD gets an alert', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);

    await breakGlassAccess(service.deps, callerAs('3350'), caseId, 'Victim missing, children at the address');

    await expect(openCase(service.deps, callerAs('3350'), caseId)).resolves.toBeDefined();
    expect(alertsOf(service)).toContainEqual(
      expect.objectContaining({
        action: 'break-glass',
        outcome: 'allowed',
        reasonGiven: 'Victim missing, children at the address',
      }),
    );
  });

  it('emergency access has expired three hours later', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);
    await breakGlassAccess(service.deps, callerAs('3350'), caseId, 'Emergency');

    await expect(
      openCase(service.deps, callerAs('3350', at('2026-03-02T13:00:00Z')), caseId),
    ).rejects.toThrow(CaseNotFoundError);

    expect(await lastEntry(service, caseId)).toMatchObject({
      outcome: 'denied',
      reason: 'denied: safeguarding access has expired',
    });
  });

  it('a request for a reference that names no case answers the same, and PSD is alerted', async () => {
    const service = testService();

    const asked = await askForSafeguardingAccess(
      service.deps,
      callerAs('3350'),
      '99/9999/99',
      'Visiting the family',
    );

    expect(asked.grantIds).toEqual([]);
    expect(alertsOf(service).at(-1)).toMatchObject({
      action: 'request-safeguarding-access',
      caseKnown: false,
    });
  });
});

describe('A staff victim’s confidential report (PP/04 §7.1)', () => {
  it('the victim opens their own report; a colleague cannot', async () => {
    const service = testService();
    const caseId = await makeVictimReport(service.deps, callerAs('4710'), {
      whatHappened: 'Abusive calls at work',
      abuserIsStaff: 'no',
      supportWanted: [],
      consentToShareWith: [],
      acknowledged: true,
    });

    await expect(openCase(service.deps, callerAs('4710'), caseId)).resolves.toBeDefined();
    await expect(openCase(service.deps, callerAs('1180'), caseId)).rejects.toThrow(CaseNotFoundError);
  });
});

describe('The signed access report (DPA 2018 s.62)', () => {
  it('asks the documents service for a report that includes the export itself', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);
    await openCase(service.deps, callerAs('2107'), caseId).catch(() => undefined);

    await requestAccessReport(service.deps, callerAs('2731'), caseId);

    const request = DocumentRequested.parse(service.cases.sent.at(-1)?.message);
    expect(request.data.documentType).toBe('restricted-case-access-report');
    expect(request.data.replyTo).toBe('restricted-cases-document-replies');
    const entries =
      request.data.documentType === 'restricted-case-access-report' ? request.data.templateData.entries : [];
    expect(entries.map((entry) => [entry.collarNumber, entry.outcome])).toContainEqual(['2107', 'denied']);
    expect(entries.at(-1)).toMatchObject({ collarNumber: '2731', action: 'Export access report' });
  });

  it('the documents service’s answer is attached once', async () => {
    const service = testService();
    const caseId = await recordAndRestrict(service);
    const file = await requestAccessReport(service.deps, callerAs('2731'), caseId);
    const requestId = file.case.accessReports[0]?.requestId ?? '';
    const reply = {
      type: 'document-ready' as const,
      version: 1 as const,
      id: '00000000-0000-4000-8000-0000000000aa',
      occurredAt: '2026-03-02T10:01:00.000Z',
      correlationId: 'corr',
      data: {
        requestId,
        caseId,
        documentId: 'DOC-ABCD-EFGH-JKMN-PQRS',
        documentType: 'restricted-case-access-report' as const,
        pageCount: 1,
        byteLength: 1000,
        sha256: 'a'.repeat(64),
        certificateFingerprint: 'b'.repeat(64),
        createdAt: '2026-03-02T10:01:00.000Z',
        downloadPath: '/staff/documents/DOC-ABCD-EFGH-JKMN-PQRS',
      },
    };

    expect(await attachAccessReport(service.deps, reply)).toBe('attached');
    expect(await attachAccessReport(service.deps, reply)).toBe('already-attached');
    expect((await service.cases.load(caseId))?.case.accessReports[0]).toMatchObject({
      status: 'ready',
      documentId: 'DOC-ABCD-EFGH-JKMN-PQRS',
    });
  });
});
