import { DomesticAbuseIdentified } from '../contracts.ts';
import { type IdentityMaterial, identityMaterialOf } from './identity.ts';
import type { ReportAnswers } from './model.ts';
import { newReport, type OnlineReport } from './report.ts';

/**
 * A submitted report and what is written with it: the identity material to hash, and, when the screen
 * finds domestic abuse, the message that takes it straight to an incident log (000 §8.3.1). Pure: ids,
 * reference and time are passed in.
 */
export interface PreparedSubmission {
  readonly report: OnlineReport;
  readonly identity: readonly IdentityMaterial[];
  readonly message?: DomesticAbuseIdentified;
}

export interface SubmissionIds {
  readonly reportId: string;
  readonly reference: string;
  readonly messageId: string;
  readonly now: Date;
  readonly correlationId: string;
}

export const prepareSubmission = (answers: ReportAnswers, ids: SubmissionIds): PreparedSubmission => {
  const report = newReport({ id: ids.reportId, reference: ids.reference, answers, now: ids.now });
  const identity = identityMaterialOf(answers);
  if (!report.screening.apparent) return { report, identity };
  return {
    report,
    identity,
    message: DomesticAbuseIdentified.parse({
      type: 'online-report-domestic-abuse-identified',
      version: 1,
      id: ids.messageId,
      occurredAt: ids.now.toISOString(),
      correlationId: ids.correlationId,
      data: { reportId: report.id, identifiedBy: 'screening' },
    }),
  };
};
