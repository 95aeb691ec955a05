import { messageIdFor } from '../../../services/clares-law/messages.ts';
import type { AuditEntry } from '../../../shared/audit/chain.ts';
import {
  answerApplication,
  type ClaresLawApplicant,
  type ClaresLawOutcome,
  claresLawApplicant,
  sendApplication,
} from '../../support/security/clares-law-application.ts';
import { LoopbackBrowser } from '../../support/security/loopback-browser.ts';

/**
 * Clare's Law right to ask in the fault run: applicants walk the public journey through the local edge, each
 * from a loopback address of their own (so each is a client of their own to the per-client limits, as people
 * on their own phones are), while the run's faults go on. Some start before the runtime is restarted and
 * finish after it, on the same journey cookie.
 */
export interface ClaresLawApplication {
  readonly applicant: ClaresLawApplicant;
  readonly browser: LoopbackBrowser;
  outcome?: ClaresLawOutcome;
}

/** The address each applicant connects from: 127.0.1.1, 127.0.1.2 … */
const addressOf = (index: number): string => `127.0.1.${1 + index}`;

/** Question pages answered before the restart by those who straddle it. */
const pagesBeforeRestart = 4;

export const claresLawFlow = (siteUrl: () => string, counts: { whole: number; acrossRestart: number }) => {
  const applications: ClaresLawApplication[] = Array.from(
    { length: counts.whole + counts.acrossRestart },
    (_, index) => ({
      applicant: claresLawApplicant(index),
      browser: new LoopbackBrowser(siteUrl, addressOf(index)),
    }),
  );
  const whole = applications.slice(0, counts.whole);
  const straddling = applications.slice(counts.whole);

  return {
    applications,

    /** Everyone who applies in one go, one after another, while the steady faults are on. */
    applyInOneGo: async (): Promise<void> => {
      for (const application of whole) {
        await answerApplication(application.browser, application.applicant);
        application.outcome = await sendApplication(application.browser);
      }
    },

    /** The first pages of those who will finish after the restart. */
    startBeforeRestart: async (): Promise<void> => {
      for (const application of straddling)
        await answerApplication(application.browser, application.applicant, { to: pagesBeforeRestart });
    },

    /** The rest of their pages, and sending, after the restart (faults still on). */
    finishAfterRestart: async (): Promise<void> => {
      for (const application of straddling) {
        await answerApplication(application.browser, application.applicant, { from: pagesBeforeRestart });
        application.outcome = await sendApplication(application.browser);
      }
    },
  };
};

export type ClaresLawFlow = ReturnType<typeof claresLawFlow>;

/** The notification a new online application sends the Public Protection Unit (clares-law/messages.ts). */
export const unitNotificationIdOf = (caseId: string): string => messageIdFor(`${caseId}:opened|unit`);

interface StoredCase {
  readonly id: string;
  readonly subjectName: string | undefined;
}

/** The cases in the Clare's Law table, with the name of the person each asks about. */
export const storedCases = (items: readonly Record<string, unknown>[]): StoredCase[] =>
  items.flatMap((item) => {
    if (item.sk !== 'CASE' || typeof item.pk !== 'string' || !item.pk.startsWith('CASE#')) return [];
    const dvdsCase = item.case as { application?: { subject?: { fullName?: string } } } | undefined;
    return [{ id: item.pk.slice('CASE#'.length), subjectName: dvdsCase?.application?.subject?.fullName }];
  });

/**
 * What the stores hold for each application of the run: how many cases ask about its applicant's partner, how
 * many cases its shown reference names, how many PPU notifications there are for that case and whether the
 * notification sits in the dead-letter queue instead, and how many `apply-online` entries the case's audit chain
 * holds.
 */
export const claresLawLedger = (
  flow: ClaresLawFlow,
  stores: {
    readonly caseItems: readonly Record<string, unknown>[];
    readonly inboxItems: readonly Record<string, unknown>[];
    readonly deadNotificationIds: ReadonlySet<string>;
    readonly auditEntries: readonly AuditEntry[];
  },
) => {
  const cases = storedCases(stores.caseItems);
  const notifications = stores.inboxItems.filter(
    (item) =>
      typeof item.sk === 'string' &&
      item.sk.startsWith('NOTIFICATION#') &&
      (item.source as { service?: string } | undefined)?.service === 'clares-law',
  );
  // By id, and by what it says: a second copy under another id would be a notification sent twice too.
  const unitNotificationsOf = (caseId: string): number =>
    notifications.filter(
      (item) =>
        item.id === unitNotificationIdOf(caseId) ||
        (typeof item.title === 'string' &&
          item.title.startsWith(`New disclosure scheme application ${caseId}:`)),
    ).length;
  const applyEntries = (caseId: string) =>
    stores.auditEntries.filter(
      (entry) =>
        entry.caseRef.service === 'clares-law' &&
        entry.caseRef.caseId === caseId &&
        entry.action === 'apply-online',
    ).length;
  return flow.applications.map(({ applicant, outcome, browser }) => {
    const mine = cases.filter((stored) => stored.subjectName === applicant.subjectName);
    const reference = outcome?.reference;
    return {
      reference,
      casesForApplicant: mine.length,
      casesUnderReference: reference ? cases.filter((stored) => stored.id === reference).length : 0,
      referenceIsTheApplicants: reference ? mine.some((stored) => stored.id === reference) : false,
      unitNotifications: reference ? unitNotificationsOf(reference) : 0,
      unitNotificationDead: reference
        ? stores.deadNotificationIds.has(unitNotificationIdOf(reference))
        : false,
      applyOnlineEntries: reference ? applyEntries(reference) : 0,
      submitsFailed: (outcome?.submits ?? []).filter((submit) => submit.status >= 500).length,
      serverErrors: browser.serverErrors,
      toldToWait: browser.answers.filter((answer) => answer.status === 429).length,
    };
  });
};
