import type { AuditEntry, ChainVerification } from '../../../shared/audit/chain.ts';
import type { RestrictedCaseAccessReportInput } from '../../../shared/contracts/documents.ts';

/** The documents service takes at most this many entries in one report; the newest are kept. */
export const maximumReportEntries = 5000;

const readableAction = (action: string): string => {
  const words = action.replace(/-/g, ' ');
  return (words.charAt(0).toUpperCase() + words.slice(1)).slice(0, 120);
};

/**
 * Every attempt to open or change the case, allowed or denied, from its audit chain, for PSD as a signed
 * PDF (DPA 2018 s.62; APP "Access to records"). Staff appear by collar number, rank and department only;
 * the system's own entries are left out.
 */
export const accessReportInput = (input: {
  readonly caseId: string;
  readonly entries: readonly AuditEntry[];
  readonly verification: ChainVerification;
  readonly from: Date;
  readonly to: Date;
  readonly preparedFor: string;
}): RestrictedCaseAccessReportInput => {
  const staffEntries = input.entries.flatMap((entry) =>
    'collarNumber' in entry.actor
      ? [
          {
            at: entry.at,
            collarNumber: entry.actor.collarNumber,
            rank: entry.actor.rank,
            department: entry.actor.department,
            action: readableAction(entry.action),
            reason: (entry.reason?.trim() || 'None given').slice(0, 500),
            outcome: entry.outcome,
          },
        ]
      : [],
  );
  return {
    caseReference: input.caseId,
    period: { from: input.from.toISOString(), to: input.to.toISOString() },
    preparedFor: input.preparedFor,
    auditChainIntact: input.verification.ok,
    entries: staffEntries.slice(-maximumReportEntries),
  };
};
